using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DslInfra.Analyzers.Rules;

/// <summary>DI2003: a cloud SDK call that changes a live resource in place (ModifyInstanceAttribute, UpdateAutoScalingGroup, Kubernetes Patch…).</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InPlaceUpdateAnalyzer : RuleAnalyzer
{
    /// <summary>The AdditionalFile that extends or silences the built-in list.</summary>
    public const string UserFile = "DslInfra.MutationApis.txt";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(DiagnosticDescriptors.InPlaceUpdate);

    /// <inheritdoc/>
    private protected override void Start(CompilationStartAnalysisContext start)
    {
        var apis = ApiList.Load("MutationApis.txt", UserFile, start.Compilation, start.Options.AdditionalFiles, start.CancellationToken);
        if (apis.IsEmpty)
            return;
        start.RegisterOperationAction(c =>
        {
            var method = c.Operation switch
            {
                IInvocationOperation invocation => invocation.TargetMethod,
                IMethodReferenceOperation reference => reference.Method,
                _ => null,
            };
            if (method is not null && apis.Match(method) is { } advice)
                c.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.InPlaceUpdate, c.Operation.Syntax.GetLocation(), method.Name, advice));
        }, OperationKind.Invocation, OperationKind.MethodReference);
    }
}
