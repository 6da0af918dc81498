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

    /// <summary>Builds through the same MSBuild path as `dotnet build`; the build's own errors go to <paramref name="error"/>.</summary>
    internal static BuildResult Build(string project, string configuration, TextWriter error)
    {
        if (!File.Exists(project) && !Directory.Exists(project))
            throw new Review.InputException($"{project}: no such project or folder.");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "build", project, "-c", configuration, "-nologo", "-clp:NoSummary" })
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new Review.InputException("cannot start dotnet");
        var stderr = process.StandardError.ReadToEndAsync();
        var folders = new List<string>();
        var diagnostics = new SortedSet<string>(StringComparer.Ordinal);
        while (process.StandardOutput.ReadLine() is { } line)
        {
            if (Written().Match(line) is { Success: true } written)
                folders.Add(written.Groups["folder"].Value);
            else if (Diagnostic().IsMatch(line))
                diagnostics.Add(line.Trim());
        }
        process.WaitForExit();
        error.Write(stderr.Result);
        return new BuildResult(process.ExitCode, folders, diagnostics);
    }

    private static int Run(string project, string configuration, TextWriter output, TextWriter error)
    {
        var (exitCode, folders, diagnostics) = Build(project, configuration, error);
        foreach (var folder in folders.Distinct())
        {
            output.WriteLine($"Artifacts: {folder}");
            var manifests = Directory.Exists(folder) ? Directory.GetFiles(folder, "manifest.json", SearchOption.AllDirectories) : [];
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

    [GeneratedRegex(@"DslInfra: \d+ stack\(s\) -> (?<folder>.+?) \(")]
    private static partial Regex Written();

    [GeneratedRegex(@": (error|warning) [A-Z]+\d+:")]
    private static partial Regex Diagnostic();
}
