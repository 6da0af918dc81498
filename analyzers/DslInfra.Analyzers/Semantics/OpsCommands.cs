using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace DslInfra.Analyzers.Semantics;

/// <summary>
/// The grammar of the ops CLIs a program can start: which tool, which subcommand, and what that subcommand does to a
/// live target. Unknown parts of a command line (a variable's value) never make a report on their own, except where the
/// tool itself always reaches a running machine (ssh, psexec, ansible).
/// </summary>
internal static class OpsCommands
{
    private static readonly char Unknown = CommandText.Unknown;

    // Tools that run commands on running machines whatever their arguments.
    private static readonly HashSet<string> RemoteShells = new(StringComparer.OrdinalIgnoreCase)
    {
        "ssh", "plink", "psexec", "psexec64", "paexec", "winrs", "ansible", "ansible-playbook", "ansible-pull", "salt", "salt-ssh",
        "pssh", "parallel-ssh", "pdsh", "clush", "mussh",
    };

    private static readonly HashSet<string> Shells = new(StringComparer.OrdinalIgnoreCase) { "sh", "bash", "zsh", "dash", "cmd", "wsl" };
    private static readonly HashSet<string> PowerShells = new(StringComparer.OrdinalIgnoreCase) { "pwsh", "powershell" };

    private static readonly HashSet<string> Known = new(StringComparer.OrdinalIgnoreCase)
    {
        "kubectl", "oc", "kubecolor", "docker", "podman", "nerdctl", "helm", "aws", "az", "gcloud", "scp", "pscp", "rsync", "knife",
        "terraform", "packer", "pulumi", "sftp",
    };

    private static readonly HashSet<string> KubectlCommands = new(StringComparer.OrdinalIgnoreCase)
    {
        "exec", "cp", "attach", "debug", "patch", "set", "scale", "edit", "replace", "annotate", "label", "autoscale", "taint",
        "apply", "create", "delete", "get", "describe", "logs", "top", "wait", "port-forward", "proxy", "auth", "config", "run",
        "expose", "rollout", "cordon", "uncordon", "drain", "diff", "kustomize", "explain", "version", "cluster-info", "api-resources",
    };

    private static readonly HashSet<string> DockerCommands = new(StringComparer.OrdinalIgnoreCase)
    {
        "exec", "cp", "update", "attach", "run", "create", "start", "stop", "restart", "kill", "rm", "build", "push", "pull", "tag",
        "images", "ps", "inspect", "logs", "login", "volume", "network", "image", "system", "version", "info", "buildx", "save", "load",
        "pause", "unpause", "wait", "port", "stats", "top", "rmi", "commit",
    };

    /// <summary>Whether a parameter's name says it holds the program to start (fileName, executable, command, tool…).</summary>
    public static bool IsProgramParameter(string name) =>
        new[] { "file", "exe", "executable", "program", "tool", "command", "cmd", "binary", "process" }
            .Any(word => name.IndexOf(word, StringComparison.OrdinalIgnoreCase) >= 0);

    public static bool IsKnownProgram(string program)
    {
        var tool = Tool(program);
        return Known.Contains(tool) || RemoteShells.Contains(tool) || PowerShells.Contains(tool);
    }

    /// <summary>What starting <paramref name="program"/> with <paramref name="arguments"/> does, or null when nothing live changes (or it cannot be told).</summary>
    public static Verdict? Classify(string program, string arguments, int depth = 0)
    {
        var words = Tokens(program + " " + arguments);
        // sudo, env and time run the rest of the line.
        while (words.Count > 0 && (Is(Tool(words[0]), "sudo") || Is(Tool(words[0]), "env") || Is(Tool(words[0]), "time") || Is(Tool(words[0]), "nohup")))
            words.RemoveAt(0);
        if (words.Count == 0)
            return null;
        var tool = Tool(words[0]);
        var rest = words.Skip(1).ToList();
        if (Shells.Contains(tool) && depth < 3)
        {
            var command = rest.SkipWhile(w => !(w == "-c" || Is(w, "/c") || Is(w, "/k") || w == "-lc" || w == "--")).Skip(1).ToList();
            return command.Count > 0 ? Classify(string.Join(" ", command), "", depth + 1) : null;
        }
        if (PowerShells.Contains(tool))
            return PowerShellScripts.Classify(string.Join(" ", rest)) is { } remote ? Remote($"'{tool}' with {remote}") : null;
        if (RemoteShells.Contains(tool))
            return IsTunnel(tool, rest) ? null : Remote($"'{tool}'");
        switch (tool.ToLowerInvariant())
        {
            case "kubectl" or "oc" or "kubecolor":
                return Kubectl(tool, rest);
            case "docker" or "podman" or "nerdctl":
                return Docker(tool, rest);
            case "aws":
                return Aws(rest);
            case "az":
                return Az(rest);
            case "gcloud":
                return Gcloud(rest);
            case "scp" or "pscp":
                return CopiesOnto(rest, unknownIsRemote: true) ? Remote($"'{tool}' (a copy onto a machine)") : null;
            case "rsync":
                return CopiesOnto(rest, unknownIsRemote: false) ? Remote("'rsync' (a copy onto a machine)") : null;
            case "knife":
                return rest.FirstOrDefault(w => !w.StartsWith("-", StringComparison.Ordinal)) is { } sub && (Is(sub, "ssh") || Is(sub, "bootstrap") || Is(sub, "winrm"))
                    ? Remote($"'knife {sub}'") : null;
            case "wmic":
                return rest.Any(w => w.StartsWith("/node:", StringComparison.OrdinalIgnoreCase)) && rest.Any(w => Is(w, "create")) ? Remote("'wmic /node: process call create'") : null;
            default:
                // helm upgrade/install, terraform, packer and pulumi apply declarative releases and plans.
                return null;
        }
    }

    private static Verdict? Kubectl(string tool, List<string> rest)
    {
        var command = rest.FirstOrDefault(KubectlCommands.Contains);
        if (command is null)
            return null;
        var after = rest.SkipWhile(w => !Is(w, command)).Skip(1).Where(w => !w.StartsWith("-", StringComparison.Ordinal)).ToList();
        switch (command.ToLowerInvariant())
        {
            case "exec" or "attach" or "debug":
                return Remote($"'{tool} {command}'");
            case "cp":
                // Only a copy into a pod changes it: the destination (the last word) names a pod (pod:/path).
                return after.Count > 0 && (after[after.Count - 1].IndexOf(':') > 0 || after[after.Count - 1].IndexOf(Unknown) >= 0 && after.Count < 2)
                    ? Remote($"'{tool} cp' into a pod") : null;
            case "patch" or "set" or "scale" or "edit" or "replace" or "annotate" or "label" or "autoscale" or "taint":
                return InPlace($"{tool} {command}", SdkCalls.Advice(Family.Kubernetes));
            default:
                // apply/create/delete/get/rollout restart…: declarative manifests, reads, and replacements of pods.
                return null;
        }
    }

    private static Verdict? Docker(string tool, List<string> rest)
    {
        var index = rest.FindIndex(DockerCommands.Contains);
        if (index < 0)
            return null;
        var command = rest[index];
        // docker container exec, docker compose exec: the group's own subcommand.
        if ((Is(command, "container") || Is(command, "compose")) && index + 1 < rest.Count)
            command = rest.Skip(index + 1).FirstOrDefault(DockerCommands.Contains) ?? command;
        var after = rest.Skip(index + 1).Where(w => !w.StartsWith("-", StringComparison.Ordinal)).ToList();
        return command.ToLowerInvariant() switch
        {
            "exec" or "attach" => Remote($"'{tool} {command}'"),
            "cp" when after.Count > 0 && after[after.Count - 1].IndexOf(':') > 0 => Remote($"'{tool} cp' into a container"),
            "update" => InPlace($"{tool} update", SdkCalls.Advice(Family.Docker)),
            _ => null,
        };
    }

    // aws [global options] <service> <operation>: the operation's first word is its verb.
    private static Verdict? Aws(List<string> rest)
    {
        var positional = Positional(rest, ["--region", "--profile", "--output", "--endpoint-url", "--query", "--color", "--ca-bundle", "--cli-read-timeout", "--cli-connect-timeout"]);
        if (positional.Count < 2)
            return null;
        var (service, operation) = (positional[0].ToLowerInvariant(), positional[1].ToLowerInvariant());
        if ((service, operation) is ("ssm", "send-command") or ("ssm", "start-session") or ("ecs", "execute-command") or ("ec2-instance-connect", "send-ssh-public-key"))
            return Remote($"'aws {service} {operation}'");
        if (service is "s3" or "configure" or "cloudformation" or "cognito-idp" || AwsData.Contains(service + " " + operation) || Is(operation, "update-kubeconfig"))
            return null;
        return Verbs.Classify(Verbs.Words(operation)) == VerbKind.Change ? InPlace($"aws {service} {operation}", SdkCalls.Advice(Family.Aws)) : null;
    }

    private static readonly HashSet<string> AwsData = new(StringComparer.OrdinalIgnoreCase)
    {
        "s3api put-object", "s3api copy-object", "s3api put-object-acl", "s3api put-object-tagging", "dynamodb put-item", "dynamodb update-item",
        "dynamodb batch-write-item", "dynamodb transact-write-items", "sqs change-message-visibility", "kinesis put-record", "kinesis put-records",
        "firehose put-record", "firehose put-record-batch", "cloudwatch put-metric-data", "logs put-log-events", "events put-events",
        "secretsmanager put-secret-value", "ssm put-parameter",
    };

    // az <group…> <verb> [options]: the command words are those before the first option.
    private static Verdict? Az(List<string> rest)
    {
        var command = rest.TakeWhile(w => !w.StartsWith("-", StringComparison.Ordinal)).Select(w => w.ToLowerInvariant()).ToList();
        if (command.Count < 2)
            return null;
        var path = string.Join(" ", command);
        if (path.Contains("run-command") || path.StartsWith("vm extension set") || path.StartsWith("vmss extension set")
            || path.StartsWith("container exec") || path.StartsWith("webapp ssh") || path.StartsWith("ssh "))
            return Remote($"'az {path}'");
        if (command[0] is "account" or "config" or "extension" or "login" or "logout" or "cloud" or "bicep" or "deployment" || path.EndsWith("get-credentials"))
            return null;
        var verb = command[command.Count - 1];
        // Code pushed onto a running app: az webapp deploy, az webapp deployment source config-zip, az functionapp deploy.
        if (verb is "deploy" or "config-zip" && (command[0] is "webapp" or "functionapp" or "spring" or "staticwebapp"))
            return InPlace($"az {path}", "publish a new version through the stack (a new image or package that a slot or revision swaps to)");
        return Verbs.Classify(Verbs.Words(verb)) == VerbKind.Change ? InPlace($"az {path}", SdkCalls.Advice(Family.Azure)) : null;
    }

    // gcloud <group…> <verb> [name] [options]: the first command word that is a verb.
    private static Verdict? Gcloud(List<string> rest)
    {
        var command = rest.TakeWhile(w => !w.StartsWith("-", StringComparison.Ordinal)).Select(w => w.ToLowerInvariant()).ToList();
        if (command.Count < 2 || command[0] is "config" or "auth" or "components")
            return null;
        var path = string.Join(" ", command);
        if (path.StartsWith("compute ssh") || path.StartsWith("compute scp") && CopiesOnto(rest.Skip(2).ToList(), unknownIsRemote: true)
            || path.StartsWith("compute instances add-metadata") && rest.Any(w => w.IndexOf("startup-script", StringComparison.Ordinal) >= 0))
            return Remote($"'gcloud {string.Join(" ", command.Take(2))}'");
        foreach (var word in command.Skip(1))
            if (Verbs.Classify(Verbs.Words(word)) == VerbKind.Change)
                return InPlace($"gcloud {path}", SdkCalls.Advice(Family.Google));
        return null;
    }

    /// <summary>Whether a copy's destination (its last word) is on another machine: host:path, user@host:path, rsync://.</summary>
    private static bool CopiesOnto(List<string> rest, bool unknownIsRemote)
    {
        var paths = rest.Where(w => !w.StartsWith("-", StringComparison.Ordinal)).ToList();
        if (paths.Count == 0)
            return unknownIsRemote;
        var destination = paths[paths.Count - 1];
        if (destination.StartsWith("rsync://", StringComparison.Ordinal) || IsRemotePath(destination))
            return true;
        if (paths.Count > 1 && paths.Take(paths.Count - 1).Any(IsRemotePath))
            return false;   // a download: the source is remote
        return unknownIsRemote && destination.IndexOf(Unknown) >= 0;
    }

    private static bool IsRemotePath(string word)
    {
        var colon = word.IndexOf(':');
        // C:\path and a lone drive letter are local; host:path and user@host:path are not.
        return colon > 1 && !(colon == 1 && char.IsLetter(word[0])) && word.IndexOf("://", StringComparison.Ordinal) < 0;
    }

    /// <summary>ssh -N (also -fN, -fNL…) runs no command: it only forwards ports to a database or through a bastion.</summary>
    private static bool IsTunnel(string tool, List<string> rest) =>
        (Is(tool, "ssh") || Is(tool, "plink"))
        && rest.Any(w => w.Length > 1 && w[0] == '-' && w[1] != '-' && w.Skip(1).All(char.IsLetter) && w.IndexOf('N') > 0);

    private static List<string> Positional(List<string> words, string[] optionsWithValues)
    {
        var found = new List<string>();
        for (var i = 0; i < words.Count; i++)
        {
            if (words[i].StartsWith("-", StringComparison.Ordinal))
            {
                if (optionsWithValues.Contains(words[i], StringComparer.OrdinalIgnoreCase))
                    i++;
                continue;
            }
            found.Add(words[i]);
        }
        return found;
    }

    /// <summary>A program's name without its folder and extension: "/usr/bin/kubectl" → kubectl, "C:\Tools\PsExec.exe" → PsExec.</summary>
    public static string Tool(string word)
    {
        var name = word.Trim().Trim('"', '\'');
        var slash = Math.Max(name.LastIndexOf('/'), name.LastIndexOf('\\'));
        if (slash >= 0)
            name = name.Substring(slash + 1);
        foreach (var extension in new[] { ".exe", ".cmd", ".bat", ".ps1" })
            if (name.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
                return name.Substring(0, name.Length - extension.Length);
        return name;
    }

    /// <summary>Splits a command line into words, keeping quoted runs together and dropping the quotes.</summary>
    public static List<string> Tokens(string line)
    {
        var words = new List<string>();
        var current = new System.Text.StringBuilder();
        char quote = '\0';
        foreach (var c in line)
        {
            if (quote != '\0')
            {
                if (c == quote) quote = '\0'; else current.Append(c);
            }
            else if (c is '"' or '\'')
                quote = c;
            else if (char.IsWhiteSpace(c))
            {
                if (current.Length > 0) { words.Add(current.ToString()); current.Clear(); }
            }
            else
                current.Append(c);
        }
        if (current.Length > 0)
            words.Add(current.ToString());
        return words;
    }

    private static bool Is(string word, string expected) => string.Equals(word, expected, StringComparison.OrdinalIgnoreCase);

    private static Verdict Remote(string what) => new(Effect.RemoteExecution, "Starting " + what, "");

    private static Verdict InPlace(string what, string advice) => new(Effect.InPlaceUpdate, what, advice);
}
