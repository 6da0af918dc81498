using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DslInfra.Analyzers.Rules;

/// <summary>DI2002: a resource changed after it was built: an assignment outside its initializer, a mutated collection it holds, a reflection write.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MutationAfterConstructionAnalyzer : InfrastructureAnalyzer
{
    private static readonly ImmutableHashSet<string> Mutators = ImmutableHashSet.Create(
        "Add", "AddRange", "Insert", "InsertRange", "Remove", "RemoveAt", "RemoveAll", "RemoveRange", "Clear", "Push", "Pop", "Enqueue", "Dequeue", "TryAdd", "Sort", "Reverse");

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(DiagnosticDescriptors.MutationAfterConstruction);

    /// <inheritdoc/>
    private protected override void Start(CompilationStartAnalysisContext start, DslRecords records)
    {
        start.RegisterOperationAction(c => Assignment(c, records),
            OperationKind.SimpleAssignment, OperationKind.CompoundAssignment, OperationKind.CoalesceAssignment, OperationKind.Increment, OperationKind.Decrement);
        start.RegisterOperationAction(c => Invocation(c, records), OperationKind.Invocation);
    }

    private static void Assignment(OperationAnalysisContext context, DslRecords records)
    {
        var target = context.Operation switch
        {
            IAssignmentOperation assignment => assignment.Target,
            IIncrementOrDecrementOperation step => step.Target,
            _ => null,
        };
        if (target is not IMemberReferenceOperation { Instance: { } instance } member || !records.IsInfrastructure(member.Member.ContainingType, context.Compilation))
            return;
        // Inside an object initializer or `with`, the record is still being built; inside its own type it builds itself.
        if (instance is IInstanceReferenceOperation || context.Operation.Parent is IObjectOrCollectionInitializerOperation)
            return;
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.MutationAfterConstruction, context.Operation.Syntax.GetLocation(),
            "This assignment", member.Member.Name));
    }

    private static void Invocation(OperationAnalysisContext context, DslRecords records)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;

        // resource.Tags.Add(…): mutating a collection the record holds.
        if (Mutators.Contains(method.Name) && invocation.Instance is IMemberReferenceOperation held
            && records.IsInfrastructure(held.Member.ContainingType, context.Compilation) && !held.Type!.Name.StartsWith("Immutable", System.StringComparison.Ordinal))
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.MutationAfterConstruction, invocation.Syntax.GetLocation(),
                $"'{method.Name}'", held.Member.Name));
            return;
        }

        // typeof(R).GetProperty("X").SetValue(resource, …): a write through reflection.
        if (method.Name == "SetValue" && method.ContainingType.ContainingNamespace?.ToDisplayString() == "System.Reflection"
            && method.ContainingType.Name is "PropertyInfo" or "FieldInfo"
            && invocation.Arguments.Length > 0 && Unwrap(invocation.Arguments[0].Value).Type is { } written && records.IsInfrastructure(written, context.Compilation))
        {
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.MutationAfterConstruction, invocation.Syntax.GetLocation(),
                "A reflection write", written.Name));
        }
    }

    private static IOperation Unwrap(IOperation operation) =>
        operation is IConversionOperation conversion ? Unwrap(conversion.Operand) : operation;
}
