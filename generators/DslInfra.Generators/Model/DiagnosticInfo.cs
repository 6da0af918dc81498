using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DslInfra.Generators.Model;

/// <summary>A diagnostic as plain, equatable data; turned into a Diagnostic only when reported.</summary>
internal sealed record DiagnosticInfo(string Id, SourceSpan? Span, EquatableArray<string> Arguments)
{
    /// <summary>The diagnostic, located in the compilation's own syntax tree so the IDE can underline it.</summary>
    public Diagnostic ToDiagnostic(IReadOnlyDictionary<string, SyntaxTree>? trees = null)
    {
        var descriptor = Diagnostics.DiagnosticDescriptors.ById(Id);
        var location = Location.None;
        if (Span is { } span)
        {
            location = trees is not null && trees.TryGetValue(span.FilePath, out var tree)
                ? Location.Create(tree, new TextSpan(span.Start, span.Length))
                : span.ToLocation();
        }
        return Diagnostic.Create(descriptor, location, Arguments.Cast<object>().ToArray());
    }
}
