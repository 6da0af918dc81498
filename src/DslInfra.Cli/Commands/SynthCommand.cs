using System.CommandLine;
using System.Diagnostics;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace DslInfra.Cli.Commands;

/// <summary>dslinfra synth [project]: build through the same MSBuild path as `dotnet build`, then say what was written.</summary>
internal static partial class SynthCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var project = new Argument<string>("project") { Description = "The project (or its folder) that declares the stacks.", DefaultValueFactory = _ => "." };
        var configuration = new Option<string>("--configuration", "-c") { Description = "The build configuration.", DefaultValueFactory = _ => "Debug" };
        var command = new Command("synth", "Build the project (dotnet build), then print where each stack's artifacts went, a summary per stack, and the diagnostics.")
        {
            project, configuration,
        };
        command.SetAction(parse => CommandOutput.Guard(error, () => Run(parse.GetValue(project)!, parse.GetValue(configuration)!, output, error)));
        return command;
    }

    /// <summary>What a build gave: its exit code, the artifact folders the DslInfra task reported, and the diagnostics.</summary>
    internal sealed record BuildResult(int ExitCode, IReadOnlyList<string> Folders, IReadOnlyCollection<string> Diagnostics);

    /// <summary>
    /// Builds through the same MSBuild path as `dotnet build`, and asks MSBuild itself where the artifacts went: the
    /// project's <c>DslInfraOutputPath</c> and the build task's <c>DslInfraArtifact</c> items (the artifact contract),
    /// never the build's log text. The diagnostics come from a warnings-and-errors file log.
    /// </summary>
    internal static BuildResult Build(string project, string configuration, TextWriter error)
    {
        if (!File.Exists(project) && !Directory.Exists(project))
            throw new Review.InputException($"{project}: no such project or folder.");
        var diagnosticsLog = Path.Combine(Path.GetTempPath(), $"dslinfra-build-{Environment.ProcessId}-{Guid.NewGuid():N}.log");
        try
        {
            var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
            // -t:Build is needed: with -getProperty and no target, MSBuild only evaluates the project.
            foreach (var argument in new[]
            {
                "build", project, "-t:Build", "-c", configuration, "-nologo",
                $"-getProperty:{ArtifactContract.OutputPathProperty}", "-getProperty:ProjectDir", $"-getItem:{ArtifactContract.ArtifactItem}",
                "-fl", $"-flp:logfile={diagnosticsLog};verbosity=quiet;NoSummary",
            })
                start.ArgumentList.Add(argument);
            using var process = Process.Start(start) ?? throw new Review.InputException("cannot start dotnet");
            var stderr = process.StandardError.ReadToEndAsync();
            var answer = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            error.Write(stderr.Result);
            var diagnostics = new SortedSet<string>(StringComparer.Ordinal);
            if (File.Exists(diagnosticsLog))
                foreach (var line in File.ReadLines(diagnosticsLog))
                    if (Diagnostic().IsMatch(line))
                        diagnostics.Add(line.Trim());
            return new BuildResult(process.ExitCode, Folders(answer, project), diagnostics);
        }
        finally
        {
            File.Delete(diagnosticsLog);
        }
    }

    /// <summary>The artifact folder MSBuild reports: the output path under the project folder, when the task wrote there.</summary>
    private static IReadOnlyList<string> Folders(string answer, string project)
    {
        JsonElement root;
        try
        {
            root = JsonDocument.Parse(answer).RootElement.Clone();
        }
        catch (JsonException)
        {
            // An MSBuild too old for -getProperty (before the .NET 8 SDK), or a build that stopped before answering.
            throw new Review.InputException($"{project}: MSBuild did not say where the artifacts are (dslinfra needs the .NET 8 SDK or later): {Output.Printable.Of(answer.Trim().Split('\n')[0])}");
        }
        var properties = root.TryGetProperty("Properties", out var p) ? p : default;
        string? Property(string name) => properties.ValueKind == JsonValueKind.Object && properties.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
        var output = Property(ArtifactContract.OutputPathProperty);
        var projectDir = Property("ProjectDir");
        if (string.IsNullOrEmpty(output) || string.IsNullOrEmpty(projectDir))
            return [];
        // MSBuild writes OutDir with backslashes on every system; Unix paths need slashes.
        var folder = Path.GetFullPath(Path.Combine(projectDir, output.Replace('\\', Path.DirectorySeparatorChar)));
        var written = root.TryGetProperty("Items", out var items) && items.TryGetProperty(ArtifactContract.ArtifactItem, out var artifacts)
            && artifacts.ValueKind == JsonValueKind.Array && artifacts.GetArrayLength() > 0;
        return written || Directory.Exists(folder) && Directory.EnumerateFiles(folder, ArtifactContract.ManifestFile, SearchOption.AllDirectories).Any() ? [folder] : [];
    }

    private static int Run(string project, string configuration, TextWriter output, TextWriter error)
    {
        var (exitCode, folders, diagnostics) = Build(project, configuration, error);
        foreach (var folder in folders.Distinct())
        {
            output.WriteLine($"Artifacts: {folder}");
            var manifests = Directory.Exists(folder) ? Directory.GetFiles(folder, ArtifactContract.ManifestFile, SearchOption.AllDirectories) : [];
            foreach (var manifest in manifests.Order(StringComparer.Ordinal))
                output.WriteLine("  " + Summary(manifest));
        }
        foreach (var diagnostic in diagnostics)
            output.WriteLine(diagnostic);
        if (exitCode != 0)
        {
            output.WriteLine("Build failed: no artifacts were written for stacks with errors.");
            return Program.Violation;
        }
        if (folders.Count == 0)
            output.WriteLine("The build wrote no DslInfra artifacts: does the project reference DslInfra and declare a [Stack]?");
        return Program.Pass;
    }

    private static string Summary(string manifestPath)
    {
        // Read through the one manifest model the review uses, with its checks; not parsed a second way here.
        var manifest = Review.Manifest.Load([manifestPath]);
        var stack = manifest.Stacks[0];
        string Count(string update) => manifest.Resources.Count(r => r.Update == update).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return $"{stack.Name}: {Count("in-place")} resources that may update in place, {Count("replace-only")} replace-only, {Count("read")} data sources, "
            + $"{stack.Variables} variables, {stack.Outputs} outputs";
    }

    [GeneratedRegex(@": (error|warning) [A-Z]+\d+:")]
    private static partial Regex Diagnostic();
}
