using System.Diagnostics;

namespace DslInfra.Cli.Diff;

/// <summary>The generated files of every stack in one artifact folder, or in that folder at one git revision.</summary>
internal sealed class ArtifactSet
{
    private ArtifactSet(string label, Dictionary<string, StackFiles> stacks)
    {
        Label = label;
        Stacks = stacks;
    }

    public string Label { get; }

    /// <summary>Stacks by name (their folder).</summary>
    public IReadOnlyDictionary<string, StackFiles> Stacks { get; }

    /// <summary>Every <c>&lt;stack&gt;/main.tf.json</c> below <paramref name="folder"/>.</summary>
    public static ArtifactSet FromFolder(string folder)
    {
        if (!Directory.Exists(folder))
            throw new Review.InputException($"{folder}: no such folder.");
        var stacks = new Dictionary<string, StackFiles>(StringComparer.Ordinal);
        foreach (var terraform in Directory.GetFiles(folder, "main.tf.json", SearchOption.AllDirectories))
        {
            var directory = Path.GetDirectoryName(terraform)!;
            var manifest = Path.Combine(directory, "manifest.json");
            var name = Path.GetRelativePath(folder, directory).Replace('\\', '/');
            stacks[name == "." ? Path.GetFileName(directory) : name] = new StackFiles(File.ReadAllText(terraform), File.Exists(manifest) ? File.ReadAllText(manifest) : null);
        }
        return new ArtifactSet(folder, stacks);
    }

    /// <summary>The committed artifacts under <paramref name="folder"/> at <paramref name="revision"/>, read with git.</summary>
    public static ArtifactSet FromGit(string revision, string folder, string repository)
    {
        var prefix = folder.Replace('\\', '/').TrimEnd('/');
        var listing = Git(repository, "ls-tree", "-r", "--name-only", revision, "--", prefix);
        var stacks = new Dictionary<string, StackFiles>(StringComparer.Ordinal);
        foreach (var path in listing.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(p => p.EndsWith("/main.tf.json", StringComparison.Ordinal)))
        {
            var directory = path[..^"/main.tf.json".Length];
            var manifestPath = directory + "/manifest.json";
            var name = directory.Length > prefix.Length ? directory[(prefix.Length + 1)..] : directory;
            var manifest = listing.Contains(manifestPath + "\n", StringComparison.Ordinal) || listing.EndsWith(manifestPath, StringComparison.Ordinal)
                ? Git(repository, "show", $"{revision}:{manifestPath}")
                : null;
            stacks[name] = new StackFiles(Git(repository, "show", $"{revision}:{path}"), manifest);
        }
        return new ArtifactSet($"{revision}:{prefix}", stacks);
    }

    private static string Git(string repository, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = repository };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        try
        {
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            if (process.ExitCode != 0)
                throw new Review.InputException($"git {string.Join(' ', arguments)}: {error.Trim()}");
            return output.Result;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            throw new Review.InputException("git is not installed, so revisions cannot be compared; compare two folders instead.");
        }
    }
}

/// <summary>A stack's Terraform JSON and manifest as text.</summary>
internal sealed record StackFiles(string Terraform, string? Manifest);
