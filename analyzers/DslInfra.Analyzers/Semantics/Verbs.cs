using System;
using System.Collections.Generic;

namespace DslInfra.Analyzers.Semantics;

/// <summary>What an operation's verb does to the thing it names.</summary>
internal enum VerbKind
{
    /// <summary>Reads, creates, deletes, starts, stops, reboots, waits: nothing already running is reconfigured.</summary>
    Quiet,

    /// <summary>update, modify, patch, replace, set, put, change, attach, associate, authorize, scale… and their inverses.</summary>
    Change,

    /// <summary>exec, run a command or script, send a command, open a shell.</summary>
    Execute,
}

/// <summary>
/// The verb grammar shared by SDK method names (<c>ModifyInstanceAttributeAsync</c>, <c>PatchNamespacedDeployment</c>)
/// and CLI operations (<c>modify-instance-attribute</c>, <c>set-machine-type</c>): the words of the name, its leading
/// verb, and whether the words say "run a command".
/// </summary>
internal static class Verbs
{
    // A verb that changes what already exists. Each inverse is here too: revoking a rule or detaching a volume changes
    // the live resource as much as adding them.
    private static readonly HashSet<string> Changes = new(StringComparer.OrdinalIgnoreCase)
    {
        "update", "modify", "patch", "replace", "set", "put", "change", "attach", "detach", "associate", "disassociate",
        "authorize", "revoke", "scale", "resize", "add", "remove", "enable", "disable", "reset", "tag", "untag", "upsert",
        "assign", "unassign", "edit", "annotate", "label", "taint", "reconfigure", "rename", "swap",
    };

    // Words that stand before the verb without being it: Azure's older long-running operations (BeginUpdate), the
    // Kubernetes client's connect operations (ConnectGetNamespacedPodExec), Cognito's admin calls.
    private static readonly HashSet<string> Prefixes = new(StringComparer.Ordinal) { "Begin", "Connect", "Admin", "Batch", "Try" };

    // Nouns after Run/Send/Invoke/Execute that make the call a command on a machine rather than launching something new
    // (RunInstances, RunTask and InvokeFunction create or call; RunCommand runs a shell command on a machine).
    private static readonly HashSet<string> CommandNouns = new(StringComparer.OrdinalIgnoreCase) { "command", "commands", "script", "shell", "ssh" };

    /// <summary>The words of a member name: <c>ModifyDBInstanceAsync</c> → Modify, DB, Instance; suffixes of async and raw-HTTP forms dropped.</summary>
    public static List<string> Words(string name)
    {
        name = Bare(name);
        var words = new List<string>();
        var start = 0;
        for (var i = 1; i <= name.Length; i++)
        {
            var boundary = i == name.Length || name[i] == '_' || name[i] == '-'
                || (char.IsUpper(name[i]) && (char.IsLower(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1]))));
            if (!boundary)
                continue;
            if (i > start)
                words.Add(name.Substring(start, i - start).Trim('_', '-'));
            start = name.Length > i && (name[i] == '_' || name[i] == '-') ? i + 1 : i;
        }
        words.RemoveAll(w => w.Length == 0);
        return words;
    }

    /// <summary>A member name without the suffix of its async or raw-HTTP form: <c>PatchNamespacedPodWithHttpMessagesAsync</c> → PatchNamespacedPod.</summary>
    public static string Bare(string name)
    {
        foreach (var suffix in new[] { "WithHttpMessagesAsync", "Async" })
            if (name.Length > suffix.Length && name.EndsWith(suffix, StringComparison.Ordinal))
                return name.Substring(0, name.Length - suffix.Length);
        return name;
    }

    /// <summary>What the words of a name or a CLI operation do.</summary>
    public static VerbKind Classify(IReadOnlyList<string> words)
    {
        if (words.Count == 0)
            return VerbKind.Quiet;
        if (IsExecution(words))
            return VerbKind.Execute;
        var first = 0;
        while (first < words.Count - 1 && Prefixes.Contains(words[first]))
            first++;
        var verb = words[first];
        if (Changes.Contains(verb))
            return VerbKind.Change;
        // CreateOrUpdate is a put: on an existing resource it changes it in place.
        if (Has(words, "or") && Has(words, "update"))
            return VerbKind.Change;
        // Tags are a setting of the resource they are on: creating or deleting tags changes that resource.
        if ((Is(verb, "create") || Is(verb, "delete")) && first + 1 < words.Count && (Is(words[first + 1], "tags") || Is(words[first + 1], "tag")))
            return VerbKind.Change;
        return VerbKind.Quiet;
    }

    /// <summary>exec anywhere in the name (NamespacedPodExec, ExecCreateContainer), or run/send/invoke/execute a command or script.</summary>
    public static bool IsExecution(IReadOnlyList<string> words)
    {
        for (var i = 0; i < words.Count; i++)
        {
            if (Is(words[i], "exec"))
                return true;
            if ((Is(words[i], "run") || Is(words[i], "send") || Is(words[i], "invoke") || Is(words[i], "execute"))
                && i + 1 < words.Count && CommandNouns.Contains(words[i + 1]))
                return true;
        }
        return false;
    }

    private static bool Has(IReadOnlyList<string> words, string word)
    {
        foreach (var w in words)
            if (Is(w, word))
                return true;
        return false;
    }

    public static bool Is(string word, string expected) => string.Equals(word, expected, StringComparison.OrdinalIgnoreCase);
}
