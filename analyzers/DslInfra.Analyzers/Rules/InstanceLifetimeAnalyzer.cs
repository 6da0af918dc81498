using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using DslInfra.Catalog;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DslInfra.Analyzers.Rules;

/// <summary>
/// DI3005: a group of machines (the catalog's InstanceLifetime: aws_autoscaling_group) without a maximum instance
/// lifetime. Immutable infrastructure replaces instances regularly; ones that live for months drift and collect risk.
/// The code fix sets it to 7 days.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class InstanceLifetimeAnalyzer : InfrastructureAnalyzer
{
    /// <summary>The diagnostic property the code fix reads: the C# property that sets the lifetime.</summary>
    public const string PropertyKey = "Property";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(DiagnosticDescriptors.UnboundedInstanceLifetime);

    /// <inheritdoc/>
    private protected override void Start(CompilationStartAnalysisContext start, DslRecords records)
    {
        // Which property of a record sets its lifetime, found once per record type (a stack creates thousands of each).
        var lifetimes = new ConcurrentDictionary<INamedTypeSymbol, Lifetime?>(SymbolEqualityComparer.Default);
        start.RegisterOperationAction(c => Analyze(c, records, lifetimes), OperationKind.ObjectCreation);
    }

    private sealed record Lifetime(string TerraformType, string Argument, IPropertySymbol Property);

    private static void Analyze(OperationAnalysisContext context, DslRecords records, ConcurrentDictionary<INamedTypeSymbol, Lifetime?> lifetimes)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (creation.Type is not INamedTypeSymbol type || lifetimes.GetOrAdd(type, t => LifetimeOf(t, records)) is not { } lifetime)
            return;
        if (creation.Initializer is not null && Initializers.ArgumentAssignments(creation.Initializer, records).ContainsKey(lifetime.Argument))
            return;
        var properties = ImmutableDictionary<string, string?>.Empty.Add(PropertyKey, lifetime.Property.Name);
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UnboundedInstanceLifetime, Initializers.Head(creation), properties,
            lifetime.TerraformType, lifetime.Property.Name));
    }

    private static Lifetime? LifetimeOf(INamedTypeSymbol type, DslRecords records)
    {
        if (!records.IsDslType(type) || records.TypeName(type) is not { } terraformType
            || !TypeCatalog.InstanceLifetime.TryGetValue(terraformType, out var argument))
            return null;
        // The record's property for the argument; a record without one cannot set it, so it is not asked to.
        var property = type.GetMembers().OfType<IPropertySymbol>().FirstOrDefault(p => p.SetMethod is not null && records.ArgumentName(p) == argument);
        return property is null ? null : new Lifetime(terraformType, argument, property);
    }
}
