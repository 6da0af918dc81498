using System.CommandLine;
using DslInfra.Cli.Diff;
using DslInfra.Cli.Output;

namespace DslInfra.Cli.Commands;

/// <summary>dslinfra graph artifacts: a stack's resources and references as Mermaid or Graphviz DOT.</summary>
internal static class GraphCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var artifacts = new Argument<string>("artifacts") { Description = "An artifact folder (e.g. bin/Debug/net8.0/infra)." };
        var stack = new Option<string?>("--stack") { Description = "Draw only this stack (and the outputs it reads from others)." };
        var format = new Option<string>("--format", "-f") { Description = "Output format: mermaid, dot.", DefaultValueFactory = _ => "mermaid" };
        format.AcceptOnlyFromAmong("mermaid", "dot");
        var file = CommandOutput.File();
        var command = new Command("graph", "Draw the generated stacks' resources, data sources, modules and locals with the references between them.")
        {
            artifacts, stack, format, file,
        };
        command.SetAction(parse => CommandOutput.Guard(error, () =>
        {
            var diagram = StackGraph.Of(ArtifactSet.FromFolder(parse.GetValue(artifacts)!), parse.GetValue(stack));
            CommandOutput.Emit(parse.GetValue(format) == "dot" ? diagram.Dot() : diagram.Mermaid(), parse.GetValue(file), output);
            return Program.Pass;
        }));
        return command;
    }
}
