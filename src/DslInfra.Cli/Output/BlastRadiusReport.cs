using System.Text;
using DslInfra.Cli.Diff;

namespace DslInfra.Cli.Output;

/// <summary>The blast radius of a diff, as text, Markdown (with a Mermaid graph), JSON and a diagram.</summary>
internal static class BlastRadiusReport
{
    /// <summary>The most nodes the PR comment's graph draws; the list above it has everything.</summary>
    public const int MaxGraphNodes = 60;

    private const string Caveat = "follows the references in the generated Terraform; terraform plan is authoritative";

    public static string Describe(Effect effect) => effect switch
    {
        Effect.Replaced => "replaced",
        Effect.RollsInstances => "rolls its instances",
        Effect.NewVersion => "gets a new version",
        Effect.UpdatedInPlace => "updated in place",
        Effect.ReRead => "re-read",
        _ => "value changes",
    };

    private static string Mark(Effect effect) => effect switch
    {
        Effect.Replaced => "-/+",
        Effect.ReRead => "<=",
        Effect.RollsInstances => "~>",
        _ => "~",
    };

    private static string Details(Consequence consequence)
    {
        var parts = new List<string>();
        if (consequence.Arguments.Count > 0)
            parts.Add(string.Join(", ", consequence.Arguments) + " from " + consequence.Via);
        if (consequence.Note is not null)
            parts.Add(consequence.Note);
        return string.Join("; ", parts);
    }

    public static void Text(StringBuilder text, IReadOnlyList<BlastCause> causes)
    {
        if (causes.Count == 0)
            return;
        text.Append($"Blast radius ({Caveat}):\n");
        foreach (var cause in causes)
        {
            text.Append($"  {Printable.Of(cause.Stack)}: {Printable.Of(cause.Description)}\n");
            foreach (var consequence in cause.Consequences)
            {
                var details = Details(consequence);
                text.Append(new string(' ', 2 + 2 * consequence.Depth))
                    .Append($"{Mark(consequence.Effect),-3} {Printable.Of(consequence.Address)} {Describe(consequence.Effect)}{(details.Length > 0 ? " (" + Printable.Of(details) + ")" : "")}\n");
            }
        }
    }

    public static void Markdown(StringBuilder text, IReadOnlyList<BlastCause> causes)
    {
        if (causes.Count == 0)
            return;
        text.Append($"\n#### Blast radius\n\n_What each change sets off ({Caveat})._\n\n");
        foreach (var cause in causes)
        {
            text.Append($"- **{ReviewMarkdown.Prose(cause.Stack)}**: {ReviewMarkdown.Prose(cause.Description)}\n");
            foreach (var consequence in cause.Consequences)
            {
                var details = Details(consequence);
                text.Append(new string(' ', 2 * consequence.Depth))
                    .Append($"- `{ReviewMarkdown.Cell(consequence.Address)}` {Describe(consequence.Effect)}{(details.Length > 0 ? " (" + ReviewMarkdown.Prose(details) + ")" : "")}\n");
            }
        }
        text.Append("\n```mermaid\n").Append(Graph(causes).Mermaid()).Append("```\n");
    }

    /// <summary>Causes and their consequences as one diagram: an arrow from what changed to what it sets off, labelled with the effect.</summary>
    public static Diagram Graph(IReadOnlyList<BlastCause> causes)
    {
        var diagram = new Diagram { MaxNodes = MaxGraphNodes };
        foreach (var cause in causes)
        {
            var root = diagram.Node($"{cause.Stack}\n{cause.Cause}", cause.Description, NodeShape.Cause, cause.Stack);
            foreach (var consequence in cause.Consequences)
            {
                var from = consequence.Via == cause.Cause || consequence.Via.StartsWith("image ", StringComparison.Ordinal)
                    ? root
                    : diagram.Node($"{cause.Stack}\n{consequence.Via}", consequence.Via, StackGraph.ShapeOf(consequence.Via), cause.Stack);
                var to = diagram.Node($"{cause.Stack}\n{consequence.Address}", consequence.Address, StackGraph.ShapeOf(consequence.Address), cause.Stack);
                diagram.Edge(from, to, Describe(consequence.Effect));
            }
        }
        return diagram;
    }

    public static void Json(System.Text.Json.Utf8JsonWriter json, IReadOnlyList<BlastCause> causes)
    {
        json.WriteStartArray("blast_radius");
        foreach (var cause in causes)
        {
            json.WriteStartObject();
            json.WriteString("stack", cause.Stack);
            json.WriteString("cause", cause.Cause);
            json.WriteString("description", cause.Description);
            json.WriteStartArray("consequences");
            foreach (var consequence in cause.Consequences)
            {
                json.WriteStartObject();
                json.WriteString("address", consequence.Address);
                json.WriteString("effect", Describe(consequence.Effect).Replace(' ', '-'));
                json.WriteString("via", consequence.Via);
                json.WriteStartArray("arguments");
                foreach (var argument in consequence.Arguments)
                    json.WriteStringValue(argument);
                json.WriteEndArray();
                json.WriteNumber("depth", consequence.Depth);
                json.WriteString("note", consequence.Note);
                json.WriteEndObject();
            }
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
    }
}
