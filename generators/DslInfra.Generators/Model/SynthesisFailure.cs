using System.Globalization;
using System.Linq;

namespace DslInfra.Generators.Model;

/// <summary>
/// Why a stack produced no artifacts, as plain data. The generator reports it as DI1012 so that a build fails
/// even where the analyzer that explains the cause does not run (RunAnalyzers=false, a lowered severity).
/// </summary>
internal sealed record SynthesisFailure(string Reason, SourceSpan? Span, EquatableArray<SynthesisFailure> More = default)
{
    /// <summary>
    /// The failure that a stack's error diagnostics stand for, or null when it has none: the first, with the rest in
    /// <see cref="More"/>, so a build without the analyzer still names every mistake at its place, not one per rebuild.
    /// </summary>
    public static SynthesisFailure? FromDiagnostics(EquatableArray<DiagnosticInfo> diagnostics)
    {
        var errors = diagnostics.Where(d => Diagnostics.DiagnosticDescriptors.ById(d.Id).DefaultSeverity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error)
            .Select(d => new SynthesisFailure(Describe(d), d.Span)).ToList();
        return errors.Count == 0 ? null : errors[0] with { More = errors.Skip(1).ToEquatableArray() };
    }

    /// <summary>This failure and every other one it carries.</summary>
    public System.Collections.Generic.IEnumerable<SynthesisFailure> All() => new[] { this }.Concat(More);

    /// <summary>"DI1001: 'x' cannot be evaluated…", the same words the analyzer would report.</summary>
    public static string Describe(DiagnosticInfo diagnostic)
    {
        var format = Diagnostics.DiagnosticDescriptors.ById(diagnostic.Id).MessageFormat.ToString(CultureInfo.InvariantCulture);
        return diagnostic.Id + ": " + string.Format(CultureInfo.InvariantCulture, format, diagnostic.Arguments.Cast<object>().ToArray());
    }
}

/// <summary>One evaluated stack as the generator's pipeline carries it: the model, and its first error if it has one.</summary>
internal sealed record EvaluatedStack(StackModel Model, SynthesisFailure? Failure);
