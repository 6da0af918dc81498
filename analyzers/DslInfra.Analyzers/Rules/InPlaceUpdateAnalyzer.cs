using System.Collections.Immutable;
using DslInfra.Analyzers.Semantics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DslInfra.Analyzers.Rules;

/// <summary>
/// DI2003: a call that changes a live resource's configuration in place: a control-plane client's change verb
/// (update, modify, patch, put, attach…), an ops CLI's (kubectl patch, aws … modify-…, az … update), or code pushed
/// onto a running app. docs/rules/DI2003.md describes the grammar.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InPlaceUpdateAnalyzer : RuleAnalyzer
{
    /// <summary>The AdditionalFile that adds reports for a team's own APIs or silences the grammar's.</summary>
    public const string UserFile = "DslInfra.MutationApis.txt";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(DiagnosticDescriptors.InPlaceUpdate);

    /// <inheritdoc/>
    private protected override void Start(CompilationStartAnalysisContext start)
    {
        var judge = new Judge(start.Compilation, ApiList.Load(UserFile, start.Compilation, start.Options.AdditionalFiles, start.CancellationToken), Effect.InPlaceUpdate);
        void Judge(OperationAnalysisContext c)
        {
            if (!judge.MayMatter(c.Operation))
                return;
            foreach (var (verdict, location) in judge.Verdicts(c.Operation))
                if (verdict.Effect == Effect.InPlaceUpdate)
                    c.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InPlaceUpdate, location, verdict.What, verdict.Advice));
        }
        // A stack is tens of thousands of records in field initializers, with no calls. Their creations and property
        // assignments can only start a process when the field holds one, so only calls are looked at there.
        start.RegisterOperationBlockStartAction(block =>
            block.RegisterOperationAction(Judge, block.OwningSymbol is IMethodSymbol || Semantics.Judge.MayStartProcess(block.OwningSymbol) ? Semantics.Judge.Kinds : Semantics.Judge.CallKinds));
    }
}
