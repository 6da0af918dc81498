using System;
using System.Collections.Generic;
using System.Linq;
using DslInfra.Generators.Diagnostics;
using DslInfra.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DslInfra.Generators.Evaluation;

// Stacks that read each other: an Output<T> of another stack becomes a read of that stack's state.
internal sealed partial class Evaluator
{
    /// <summary>The stacks this one reads outputs of, by stack name, with their classes.</summary>
    public SortedDictionary<string, INamedTypeSymbol> StacksRead { get; } = new(StringComparer.Ordinal);

    /// <summary>
    /// <c>NetworkStack.VpcId</c>, an <c>Output&lt;T&gt;</c> of another stack: <c>data.terraform_remote_state.network.outputs.vpc_id</c>.
    /// Only the output's name is read from the other stack's code, never its value: that stack evaluates it itself.
    /// </summary>
    private Value? OtherStacksOutput(IFieldSymbol field, IOperation at)
    {
        if (!DslSymbols.Is(field.Type, dsl.TypedOutput) && !DslSymbols.Is(field.Type, dsl.Output))
            return null;
        if (!field.IsStatic || !field.IsReadOnly || dsl.FindStackAttribute(field.ContainingType) is not { } attribute
            || attribute.ConstructorArguments.FirstOrDefault().Value is not string producer || !TerraformNames.IsIdentifier(producer))
            return null;
        if (producer == stackName)
            return null; // a class declared twice under one name: DI1009 says so
        Touch(field);
        var creation = InitializerOf(field) is { } initializer ? Unwrapped(initializer) as IObjectCreationOperation : null;
        if (creation?.Arguments.FirstOrDefault()?.Value.ConstantValue.Value is not string output || !TerraformNames.IsIdentifier(output))
            return Fail(at, $"the output's name must be a literal in stack '{producer}' for this stack to read it");
        StacksRead[producer] = field.ContainingType;
        if (frames.Count > 0)
            frames[frames.Count - 1].ReadOtherStacks = true; // a kept value could not name the other stack's current class
        return new ReferenceValue("data.terraform_remote_state." + producer, "outputs." + output);
    }

    private static IOperation Unwrapped(IOperation operation) =>
        operation is IConversionOperation conversion ? Unwrapped(conversion.Operand) : operation;

    /// <summary>
    /// The backend another stack keeps its state in, evaluated in that stack (its settings are literals), or null when
    /// it declares none (Terraform's local default). Diagnostics of that evaluation belong to that stack, not this one.
    /// </summary>
    public ObjectValue? BackendOf(INamedTypeSymbol producer, string producerName)
    {
        foreach (var member in producer.GetMembers().OfType<IFieldSymbol>())
        {
            if (!member.IsStatic || !member.IsReadOnly || !DslSymbols.DerivesFrom(member.Type, dsl.Backend))
                continue;
            Touch(member);
            // The producer in the same environment: dev reads dev's state.
            var other = new Evaluator(producer, producerName, dsl, semanticModels, cancellation) { Environment = Environment, Environments = StackReader.EnvironmentsOf(producer) };
            var value = other.Member(member);
            Dependencies.UnionWith(other.Dependencies);
            return value as ObjectValue;
        }
        return null;
    }
}
