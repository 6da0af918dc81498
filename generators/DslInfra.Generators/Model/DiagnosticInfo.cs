using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace DslInfra.Generators.Model;

/// <summary>A diagnostic as plain, equatable data; turned into a Diagnostic only when reported.</summary>
internal sealed record DiagnosticInfo(string Id, SourceSpan? Span, EquatableArray<string> Arguments)
{
    /// <summary>The diagnostic, located in the compilation's own syntax tree so the IDE can underline it.</summary>
    public Diagnostic ToDiagnostic(IReadOnlyDictionary<string, SyntaxTree>? trees = null) =>
        Diagnostic.Create(Diagnostics.DiagnosticDescriptors.ById(Id), Span?.Locate(trees) ?? Location.None, Arguments.Cast<object>().ToArray());
}
