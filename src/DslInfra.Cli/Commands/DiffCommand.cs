using System.CommandLine;
using DslInfra.Cli.Diff;
using DslInfra.Cli.Output;

namespace DslInfra.Cli.Commands;

/// <summary>dslinfra diff before after: what a change does to the generated infrastructure.</summary>
internal static class DiffCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var before = new Argument<string>("before") { Description = "An artifact folder (e.g. bin/Debug/net8.0/infra), or a git revision with --path." };
        var after = new Argument<string>("after") { Description = "An artifact folder, or a git revision with --path." };
        var path = new Option<string?>("--path") { Description = "Compare the artifacts committed under this folder at two git revisions (before and after are revisions)." };
        var format = CommandOutput.Format(OutputFormat.Text, OutputFormat.Markdown, OutputFormat.Json);
        var file = CommandOutput.File();
        var command = new Command("diff", "Compare two sets of generated artifacts by meaning: resources added, removed, replaced (and why), changed in place, images rebuilt.")
        {
            before, after, path, format, file,
        };
        command.SetAction(parse => CommandOutput.Guard(error, () =>
        {
            var (old, @new) = parse.GetValue(path) is { } folder
                ? (ArtifactSet.FromGit(parse.GetValue(before)!, folder, Directory.GetCurrentDirectory()), ArtifactSet.FromGit(parse.GetValue(after)!, folder, Directory.GetCurrentDirectory()))
                : (ArtifactSet.FromFolder(parse.GetValue(before)!), ArtifactSet.FromFolder(parse.GetValue(after)!));
            var diff = ArtifactDiff.Compare(old, @new);
            var report = CommandOutput.FormatOf(parse.GetValue(format)) switch
            {
                OutputFormat.Markdown => DiffReport.Markdown(diff),
                OutputFormat.Json => DiffReport.Json(diff),
                _ => DiffReport.Text(diff),
            };
            CommandOutput.Emit(report, parse.GetValue(file), output);
            return Program.Pass;
        }));
        return command;
    }
}
