using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DslInfra.Generators.Model;

/// <summary>Where something was declared, as plain data: a Location would root the compilation.</summary>
internal sealed record SourceSpan(string FilePath, int Start, int Length, int StartLine, int StartColumn, int EndLine, int EndColumn)
{
    /// <summary>The one-based line, as people and the manifest count.</summary>
    public int Line => StartLine + 1;

    public static SourceSpan? From(SyntaxNode? node) => node is null ? null : From(node.GetLocation());

    public static SourceSpan? From(Location location)
    {
        if (!location.IsInSource)
            return null;
        var lines = location.GetLineSpan();
        return new SourceSpan(
            lines.Path, location.SourceSpan.Start, location.SourceSpan.Length,
            lines.StartLinePosition.Line, lines.StartLinePosition.Character,
            lines.EndLinePosition.Line, lines.EndLinePosition.Character);
    }

    /// <summary>The location in the compilation's own syntax tree when there is one, so the IDE can underline it.</summary>
    public Location Locate(System.Collections.Generic.IReadOnlyDictionary<string, SyntaxTree>? trees) =>
        trees is not null && trees.TryGetValue(FilePath, out var tree) ? Location.Create(tree, new TextSpan(Start, Length)) : ToLocation();

    public Location ToLocation() => Location.Create(
        FilePath,
        new TextSpan(Start, Length),
        new LinePositionSpan(new LinePosition(StartLine, StartColumn), new LinePosition(EndLine, EndColumn)));
}
