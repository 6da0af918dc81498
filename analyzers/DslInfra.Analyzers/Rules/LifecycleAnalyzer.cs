using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DslInfra.Analyzers.Rules;

/// <summary>DI2006: lifecycle settings that defeat immutability: ignoring changes to what defines the machine, or destroying a replace-only resource before its replacement exists.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class LifecycleAnalyzer : RuleAnalyzer
{
    // Arguments that define what a machine is: DslInfra.Catalog.TypeCatalog.MachineDefining.

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(DiagnosticDescriptors.LifecycleDefeatsImmutability);

    /// <inheritdoc/>
    private protected override void Start(CompilationStartAnalysisContext start)
    {
        var lifecycle = start.Compilation.GetTypeByMetadataName("DslInfra.Lifecycle");
        if (lifecycle is not null)
            start.RegisterOperationAction(c => Analyze(c, lifecycle), OperationKind.SimpleAssignment);
    }

    private static void Analyze(OperationAnalysisContext context, INamedTypeSymbol lifecycle)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (Initializers.Target(assignment) is not { } target || !SymbolEqualityComparer.Default.Equals(target.Owner, lifecycle))
            return;
        if (target.Property.Name == "IgnoreChanges")
        {
            foreach (var element in Initializers.Elements(assignment.Value))
            {
                if (element.ConstantValue.Value is string name && DslInfra.Catalog.TypeCatalog.MachineDefining.Contains(name))
                    context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.LifecycleDefeatsImmutability, element.Syntax.GetLocation(),
                        $"ignore_changes on '{name}' lets the running machine differ from its declaration: let a change replace it"));
            }
        }
        else if (target.Property.Name == "CreateBeforeDestroy" && Initializers.Constant(assignment.Value) is false && ReplaceOnlyOwner(assignment) is { } resource)
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.LifecycleDefeatsImmutability, assignment.Value.Syntax.GetLocation(),
                $"create_before_destroy = false on replace-only {resource.Name}: every change destroys it before its replacement exists; leave the default"));
        }
    }

    /// <summary>The replace-only resource type whose Lifecycle this initializer builds, if any.</summary>
    private static ITypeSymbol? ReplaceOnlyOwner(ISimpleAssignmentOperation assignment)
    {
        // lifecycle initializer → its `new Lifecycle { … }` → the `Lifecycle = …` assignment in the resource's initializer.
        IOperation? node = assignment.Parent?.Parent?.Parent;
        while (node is IConversionOperation)
            node = node.Parent;
        if (node is ISimpleAssignmentOperation outer && Initializers.Target(outer) is { } resource
            && Initializers.HasAttribute(resource.Owner, "DslInfra.Schema.ReplaceOnlyAttribute"))
            return resource.Owner;
        return null;
    }
}
