using System.Collections.Immutable;
using System.Linq;
using DslInfra.Catalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DslInfra.Analyzers.Rules;

/// <summary>
/// DI3004: a resource of a type that holds state (the catalog's Stateful: databases, buckets, volumes, keys…) declared
/// without prevent_destroy, so a plan can destroy or replace it and its data with it. The review gate's DI4005 guards
/// the plan; this says so while the resource is written.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnprotectedStateAnalyzer : InfrastructureAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(DiagnosticDescriptors.UnprotectedState);

    /// <inheritdoc/>
    private protected override void Start(CompilationStartAnalysisContext start, DslRecords records)
    {
        var resource = start.Compilation.GetTypeByMetadataName("DslInfra.Resource");
        var dataSource = start.Compilation.GetTypeByMetadataName("DslInfra.DataSource");
        var custom = start.Compilation.GetTypeByMetadataName("DslInfra.CustomResource");
        if (resource is not null)
            start.RegisterOperationAction(c => Analyze(c, resource, dataSource, custom), OperationKind.ObjectCreation);
    }

    private static void Analyze(OperationAnalysisContext context, INamedTypeSymbol resource, INamedTypeSymbol? dataSource, INamedTypeSymbol? custom)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (creation.Type is not INamedTypeSymbol type || !Initializers.DerivesFrom(type, resource) || dataSource is not null && Initializers.DerivesFrom(type, dataSource))
            return;
        var terraformType = SymbolEqualityComparer.Default.Equals(type, custom)
            ? creation.Arguments.FirstOrDefault()?.Value.ConstantValue.Value as string
            : SymbolNames.TypeName(type);
        if (terraformType is null || !TypeCatalog.Stateful.Contains(terraformType) || Protected(creation))
            return;
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UnprotectedState, Initializers.Head(creation), terraformType));
    }

    // Lifecycle = new() { PreventDestroy = true } in the initializer, or a Lifecycle value that says so.
    private static bool Protected(IObjectCreationOperation creation)
    {
        if (creation.Initializer is null || !Initializers.Assignments(creation.Initializer).TryGetValue("Lifecycle", out var lifecycle))
            return false;
        var value = Initializers.Unwrap(lifecycle.Value);
        if (value is not IObjectCreationOperation { Initializer: { } settings })
            return true; // a Lifecycle built elsewhere: what it says is not known here, so do not guess
        return Initializers.Assignments(settings).TryGetValue("PreventDestroy", out var prevent) && Initializers.Constant(prevent.Value) is true;
    }
}
