using System.Text;

namespace DslInfra.Build;

/// <summary>What one write did: the files now on disk, and which were written, left alone or removed.</summary>
public sealed record WriteResult(IReadOnlyList<string> Files, IReadOnlyList<string> Written, IReadOnlyList<string> Unchanged, IReadOnlyList<string> Removed);

/// <summary>
/// Writes artifacts under an output folder: only files whose content changed are written (so timestamps stay
/// put), and files a previous build wrote that no stack produces any more are removed.
/// </summary>
public static class ArtifactWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static WriteResult Write(IReadOnlyList<StackArtifact> artifacts, string outputDirectory, IReadOnlyCollection<string> previousFiles)
    {
        var root = Path.GetFullPath(outputDirectory);
        var files = new List<string>();
        var written = new List<string>();
        var unchanged = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        // Every target is checked before the first byte is written: a refused artifact leaves the disk as it was.
        var targets = new List<(string Target, StackArtifact Artifact)>();
        foreach (var artifact in artifacts)
        {
            var target = Resolve(root, artifact);
            if (!seen.Add(target))
                throw new ArtifactException($"Two stacks named '{artifact.Stack}' both write '{artifact.Path}': give each [Stack] its own name.");
            targets.Add((target, artifact));
        }
        foreach (var (target, artifact) in targets)
        {
            var bytes = Utf8.GetBytes(artifact.Content);
            files.Add(target);
            if (File.Exists(target) && File.ReadAllBytes(target).SequenceEqual(bytes))
            {
                unchanged.Add(target);
                continue;
            }
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            var temporary = target + ".tmp";
            File.WriteAllBytes(temporary, bytes);
            Replace(temporary, target); // never leave a half-written file behind
            written.Add(target);
        }

        var removed = new List<string>();
        foreach (var stale in previousFiles.Where(f => !seen.Contains(f)))
        {
            if (Delete(stale, root))
                removed.Add(stale);
        }
        files.Sort(StringComparer.Ordinal);
        return new WriteResult(files, written, unchanged, removed);
    }

    /// <summary>Deletes what a previous build wrote, and the folders that leaves empty.</summary>
    public static IReadOnlyList<string> Clean(IReadOnlyCollection<string> previousFiles, string outputDirectory)
    {
        var root = Path.GetFullPath(outputDirectory);
        return previousFiles.Where(f => Delete(f, root)).ToList();
    }

    private static void Replace(string temporary, string target)
    {
#if NET
        File.Move(temporary, target, overwrite: true);
#else
        if (File.Exists(target))
            File.Replace(temporary, target, null);
        else
            File.Move(temporary, target);
#endif
    }

    private static string Resolve(string root, StackArtifact artifact)
    {
        if (artifact.Stack.Split('/').Any(s => !IsSafeSegment(s)) || artifact.Path.Split('/').Any(s => !IsSafeSegment(s)))
            throw new ArtifactException($"Stack '{artifact.Stack}' has an artifact path '{artifact.Path}' that would leave its folder.");
        return Path.GetFullPath(Path.Combine(root, artifact.Stack, artifact.Path.Replace('/', Path.DirectorySeparatorChar)));
    }

    private static bool IsSafeSegment(string segment) =>
        segment.Length > 0 && segment != "." && segment != ".." && segment.IndexOfAny(UnsafeCharacters) < 0;

    private static readonly char[] UnsafeCharacters = ['\\', ':', '\0'];

    private static bool Delete(string file, string root)
    {
        // Only ever delete inside the output folder, whatever the state file says.
        var full = Path.GetFullPath(file);
        if (!full.StartsWith(root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal) || !File.Exists(full))
            return false;
        File.Delete(full);
        for (var directory = Path.GetDirectoryName(full); directory is not null && directory.Length > root.TrimEnd(Path.DirectorySeparatorChar).Length; directory = Path.GetDirectoryName(directory))
        {
            if (Directory.EnumerateFileSystemEntries(directory).Any())
                break;
            Directory.Delete(directory);
        }
        return true;
    }
}

/// <summary>An artifact that cannot be written as asked.</summary>
public sealed class ArtifactException(string message) : Exception(message);
