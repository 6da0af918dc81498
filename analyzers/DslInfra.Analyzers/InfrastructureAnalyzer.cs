using Microsoft.CodeAnalysis.Diagnostics;

namespace DslInfra.Analyzers;

/// <summary>A DslInfra rule: no analysis of generated code, concurrent, and its actions registered once per compilation.</summary>
public abstract class RuleAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public sealed override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(Start);
    }

    /// <summary>Registers the rule's actions for one compilation.</summary>
    private protected abstract void Start(CompilationStartAnalysisContext start);
}

/// <summary>A rule about infrastructure records: it starts only in compilations that reference DslInfra.</summary>
public abstract class InfrastructureAnalyzer : RuleAnalyzer
{
    private protected sealed override void Start(CompilationStartAnalysisContext start)
    {
        var records = DslRecords.From(start.Compilation);
        if (records.IsAvailable)
            Start(start, records);
    }

    /// <summary>Registers the rule's actions for one compilation that uses DslInfra.</summary>
    private protected abstract void Start(CompilationStartAnalysisContext start, DslRecords records);
}
