using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace DslInfra.Build;

/// <summary>The MSBuild task run after compile: writes the stacks' artifacts and records them for the next build and for clean.</summary>
public sealed class WriteStackArtifacts : Microsoft.Build.Utilities.Task
{
    /// <summary>The assembly the compiler just built.</summary>
    [Required] public string AssemblyPath { get; set; } = "";

    /// <summary>The folder stacks are written under, one sub-folder each.</summary>
    [Required] public string OutputDirectory { get; set; } = "";

    /// <summary>The list of files the previous build wrote.</summary>
    [Required] public string StateFile { get; set; } = "";

    /// <summary>The files now on disk.</summary>
    [Output] public ITaskItem[] Files { get; private set; } = [];

    /// <inheritdoc/>
    public override bool Execute()
    {
        try
        {
            var assembly = ArtifactReader.ReadAssembly(AssemblyPath);
            var previous = StateFiles.Read(StateFile);
            if (assembly.SynthesisMarker is null)
            {
                if (!assembly.UsesDslInfra)
                    return true; // nothing of DslInfra's here: nothing to write, nothing to remove
                // Without the marker, no artifacts means "the generator did not run", not "no stacks": keep what is on disk.
                Fail("DI9002", "the DslInfra source generator did not run to the end for this project (a CS8784 or CS8785 warning above says why), " +
                    $"so nothing was written and the {previous.Count} artifact(s) of the last good build are kept");
                return false;
            }
            if (assembly.SynthesisMarker != SupportedMarker)
            {
                Fail("DI9003", $"the assembly was built by a DslInfra generator whose artifact format ({assembly.SynthesisMarker}) this build task does not know: " +
                    "use the same DslInfra package version for both; the last good artifacts are kept");
                return false;
            }
            var artifacts = assembly.Artifacts;
            var result = ArtifactWriter.Write(artifacts, OutputDirectory, previous);
            StateFiles.Write(StateFile, result.Files);
            Files = result.Files.Select(f => (ITaskItem)new TaskItem(f)).ToArray();
            var stacks = artifacts.Select(a => a.Stack).Distinct().Count();
            Log.LogMessage(MessageImportance.High, $"DslInfra: {stacks} stack(s) -> {Path.GetFullPath(OutputDirectory)} ({result.Written.Count} written, {result.Unchanged.Count} unchanged, {result.Removed.Count} removed)");
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or BadImageFormatException or ArtifactException)
        {
            Fail("DI9001", "DslInfra could not write the artifacts: " + exception.Message);
            return false;
        }
        catch (Exception exception) when (exception is ArgumentException or NotSupportedException or InvalidOperationException)
        {
            // A path the file system refuses, or metadata the reader did not expect: an error with words, not a task crash.
            Fail("DI9001", $"DslInfra could not write the artifacts ({exception.GetType().Name}): {exception.Message}");
            return false;
        }
    }

    /// <summary>The generator's marker version this task reads.</summary>
    private const string SupportedMarker = ArtifactContract.MarkerVersion;

    private void Fail(string code, string message) =>
        Log.LogError(subcategory: null, errorCode: code, helpKeyword: null, file: AssemblyPath, lineNumber: 0, columnNumber: 0,
            endLineNumber: 0, endColumnNumber: 0, message: message);
}

/// <summary>The MSBuild task run by clean: removes what the last build wrote.</summary>
public sealed class CleanStackArtifacts : Microsoft.Build.Utilities.Task
{
    /// <summary>The folder stacks were written under.</summary>
    [Required] public string OutputDirectory { get; set; } = "";

    /// <summary>The list of files the last build wrote.</summary>
    [Required] public string StateFile { get; set; } = "";

    /// <inheritdoc/>
    public override bool Execute()
    {
        try
        {
            var removed = ArtifactWriter.Clean(StateFiles.Read(StateFile), OutputDirectory);
            if (File.Exists(StateFile))
                File.Delete(StateFile);
            Log.LogMessage(MessageImportance.Normal, $"DslInfra: removed {removed.Count} artifact(s)");
            return true;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            Log.LogWarning("DslInfra could not remove the artifacts: " + exception.Message);
            return true;
        }
    }
}

/// <summary>The state file: one absolute path per line, sorted.</summary>
internal static class StateFiles
{
    public static IReadOnlyCollection<string> Read(string path) =>
        File.Exists(path) ? File.ReadAllLines(path).Where(l => l.Length > 0).ToList() : [];

    public static void Write(string path, IReadOnlyList<string> files)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var text = string.Join("\n", files) + (files.Count > 0 ? "\n" : "");
        if (!File.Exists(path) || File.ReadAllText(path) != text)
            File.WriteAllText(path, text);
    }
}
