using System.Globalization;
using System.Text;

namespace DslInfra.Cli.Output;

/// <summary>How a block is drawn: reviewers tell data (cylinders) from data sources (parallelograms) at a glance.</summary>
internal enum NodeShape
{
    Box,
    Stateful,
    DataSource,
    Module,
    Value,
    Cause,
}

internal sealed record DiagramNode(string Id, string Label, NodeShape Shape, string? Cluster);

internal sealed record DiagramEdge(string From, string To, string? Label, bool Dashed);

/// <summary>
/// A graph of blocks, written as Mermaid (GitHub renders it in a PR comment) or Graphviz DOT. Every label is text
/// from a user's configuration or a plan, so each writer escapes it for its language; node ids are generated.
/// </summary>
internal sealed class Diagram
{
    private readonly Dictionary<string, DiagramNode> nodes = new(StringComparer.Ordinal);
    private readonly List<DiagramEdge> edges = [];
    private readonly HashSet<(string, string, string?)> edgeKeys = [];

    /// <summary>The most nodes drawn; past it, one node says how many were left out (a huge diagram helps nobody).</summary>
    public int MaxNodes { get; init; } = int.MaxValue;

    private int LeftOut { get; set; }

    /// <summary>The node for <paramref name="key"/>, added on first use; null when the diagram is full.</summary>
    public string? Node(string key, string label, NodeShape shape, string? cluster = null)
    {
        if (nodes.TryGetValue(key, out var node))
            return node.Id;
        if (nodes.Count >= MaxNodes)
        {
            LeftOut++;
            return null;
        }
        var id = "n" + nodes.Count.ToString(CultureInfo.InvariantCulture);
        nodes[key] = new DiagramNode(id, label, shape, cluster);
        return id;
    }

    public void Edge(string? from, string? to, string? label, bool dashed = false)
    {
        if (from is not null && to is not null && edgeKeys.Add((from, to, label)))
            edges.Add(new DiagramEdge(from, to, label, dashed));
    }

    public string Mermaid()
    {
        var text = new StringBuilder("flowchart LR\n");
        foreach (var (index, cluster, members) in Clusters())
        {
            var indent = cluster is null ? "  " : "    ";
            if (cluster is not null)
                text.Append($"  subgraph s{index}[{MermaidText(cluster)}]\n");
            foreach (var node in members)
            {
                var label = MermaidText(node.Label);
                text.Append(indent).Append(node.Id).Append(node.Shape switch
                {
                    NodeShape.Stateful => $"[({label})]",
                    NodeShape.DataSource => $"[/{label}/]",
                    NodeShape.Module => $"([{label}])",
                    NodeShape.Value => $"{{{{{label}}}}}",
                    NodeShape.Cause => $">{label}]",
                    _ => $"[{label}]",
                }).Append('\n');
            }
            if (cluster is not null)
                text.Append("  end\n");
        }
        if (LeftOut > 0)
            text.Append($"  more[{MermaidText($"and {LeftOut} more")}]\n");
        foreach (var edge in edges)
        {
            var arrow = edge.Dashed ? "-.->" : "-->";
            text.Append($"  {edge.From} {arrow}{(string.IsNullOrEmpty(edge.Label) ? "" : $"|{MermaidText(edge.Label)}|")} {edge.To}\n");
        }
        return text.ToString();
    }

    public string Dot()
    {
        var text = new StringBuilder("digraph dslinfra {\n  rankdir=LR;\n  node [fontname=\"Helvetica\"];\n");
        foreach (var (index, cluster, members) in Clusters())
        {
            var indent = cluster is null ? "  " : "    ";
            if (cluster is not null)
                text.Append($"  subgraph cluster_{index} {{\n    label={DotText(cluster)};\n");
            foreach (var node in members)
            {
                var shape = node.Shape switch
                {
                    NodeShape.Stateful => "cylinder",
                    NodeShape.DataSource => "parallelogram",
                    NodeShape.Module => "component",
                    NodeShape.Value => "hexagon",
                    NodeShape.Cause => "cds",
                    _ => "box",
                };
                text.Append($"{indent}{node.Id} [label={DotText(node.Label)}, shape={shape}];\n");
            }
            if (cluster is not null)
                text.Append("  }\n");
        }
        if (LeftOut > 0)
            text.Append($"  more [label={DotText($"and {LeftOut} more")}, shape=note];\n");
        foreach (var edge in edges)
        {
            var attributes = new List<string>();
            if (edge.Label is not null)
                attributes.Add("label=" + DotText(edge.Label));
            if (edge.Dashed)
                attributes.Add("style=dashed");
            text.Append($"  {edge.From} -> {edge.To}{(attributes.Count > 0 ? " [" + string.Join(", ", attributes) + "]" : "")};\n");
        }
        return text.Append("}\n").ToString();
    }

    /// <summary>The nodes by cluster (a stack), in the order the clusters were first used; null: outside any cluster.</summary>
    private IEnumerable<(string Index, string? Cluster, IEnumerable<DiagramNode> Nodes)> Clusters()
    {
        var clusters = nodes.Values.Select(n => n.Cluster).Distinct().ToList();
        for (var c = 0; c < clusters.Count; c++)
        {
            var cluster = clusters[c];
            yield return (c.ToString(CultureInfo.InvariantCulture), cluster, nodes.Values.Where(n => n.Cluster == cluster));
        }
    }

    /// <summary>
    /// A quoted Mermaid label, never empty: every character outside a small safe set is written as Mermaid's <c>#code;</c>, so no
    /// quote, bracket, pipe, arrow, backtick (which would end a Markdown fence) or HTML reaches the parser as syntax.
    /// </summary>
    public static string MermaidText(string text)
    {
        // Mermaid's grammar has no empty string: `[""]` and `|""|` are parse errors, a space is not.
        if (text.Length == 0)
            return "\" \"";
        var builder = new StringBuilder("\"");
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiLetterOrDigit(c) || c is ' ' or '.' or '_' or '-' or '/' or ':' or ',' or '=' or '(' or ')')
                builder.Append(c);
            else
            {
                var code = char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? char.ConvertToUtf32(c, text[++i]) : c;
                builder.Append('#').Append(code.ToString(CultureInfo.InvariantCulture)).Append(';');
            }
        }
        return builder.Append('"').ToString();
    }

    /// <summary>
    /// A quoted DOT string: controls and bidirectional overrides made printable first (\uXXXX), then backslashes and
    /// quotes escaped, so neither the string nor a label escape (<c>\N</c>, <c>\l</c>) can be formed from user text.
    /// </summary>
    public static string DotText(string text) =>
        "\"" + Printable.Of(text).Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";
}
