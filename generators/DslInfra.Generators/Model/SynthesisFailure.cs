using System.Globalization;
using System.Linq;

namespace DslInfra.Generators.Model;

/// <summary>
/// Why a stack produced no artifacts, as plain data. The generator reports it as DI1012 so that a build fails
/// even where the analyzer that explains the cause does not run (RunAnalyzers=false, a lowered severity).
/// </summary>
internal sealed record SynthesisFailure(string Reason, SourceSpan? Span)
{
    /// <summary>The failure that a stack's first error diagnostic stands for, or null when it has none.</summary>
    public static SynthesisFailure? FromDiagnostics(EquatableArray<DiagnosticInfo> diagnostics)
    {
        var first = diagnostics.FirstOrDefault(d => Diagnostics.DiagnosticDescriptors.ById(d.Id).DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error);
        return first is null ? null : new SynthesisFailure(Describe(first), first.Span);
    }

    /// <summary>"DI1001: 'x' cannot be evaluated…", the same words the analyzer would report.</summary>
    public static string Describe(DiagnosticInfo diagnostic)
    {
        var format = Diagnostics.DiagnosticDescriptors.ById(diagnostic.Id).MessageFormat.ToString(CultureInfo.InvariantCulture);
        return diagnostic.Id + ": " + string.Format(CultureInfo.InvariantCulture, format, diagnostic.Arguments.Cast<object>().ToArray());
    }
}

/// <summary>One evaluated stack as the generator's pipeline carries it: the model, and its first error if it has one.</summary>
internal sealed record EvaluatedStack(StackModel Model, SynthesisFailure? Failure);
