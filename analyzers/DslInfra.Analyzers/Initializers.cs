using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DslInfra.Analyzers;

/// <summary>Reading what a stack author wrote in object initializers: which property of which type is set, and the literal text of a value.</summary>
internal static class Initializers
{
    /// <summary>The property an initializer assignment sets and the type being built, or null when the assignment is not in an initializer.</summary>
    public static (IPropertySymbol Property, ITypeSymbol Owner)? Target(ISimpleAssignmentOperation assignment)
    {
        if (assignment.Parent is not IObjectOrCollectionInitializerOperation initializer || assignment.Target is not IPropertyReferenceOperation target)
            return null;
        return initializer.Type is { } owner ? (target.Property, owner) : null;
    }

    /// <summary>The map key of an index initializer entry (<c>["user_data"] = …</c>), or null.</summary>
    public static string? IndexKey(ISimpleAssignmentOperation assignment) =>
        assignment.Target is IPropertyReferenceOperation { Property.IsIndexer: true } indexer && indexer.Arguments.Length == 1
            ? indexer.Arguments[0].Value.ConstantValue.Value as string
            : null;

    /// <summary>The literal text of a value: a constant, or the text parts of an interpolation or concatenation (holes left out).</summary>
    public static string? LiteralText(IOperation value)
    {
        value = Unwrap(value);
        if (value.ConstantValue.HasValue)
            return value.ConstantValue.Value as string;
        if (value is not (IInterpolatedStringOperation or IBinaryOperation))
            return null; // only strings built from literals have literal text; don't walk anything else
        var text = new StringBuilder();
        var found = false;
        foreach (var part in value.DescendantsAndSelf())
        {
            if (part is IInterpolatedStringTextOperation { Text.ConstantValue.Value: string piece })
            {
                text.Append(piece);
                found = true;
            }
            else if (part is ILiteralOperation { ConstantValue.Value: string literal } && part.Parent is IBinaryOperation)
            {
                text.Append(literal);
                found = true;
            }
        }
        return found ? text.ToString() : null;
    }

    /// <summary>The elements of a collection value (a collection expression or an array initializer).</summary>
    public static IEnumerable<IOperation> Elements(IOperation value)
    {
        value = Unwrap(value);
        return value switch
        {
            ICollectionExpressionOperation collection => collection.Elements.Select(Unwrap),
            IArrayCreationOperation { Initializer: { } initializer } => initializer.ElementValues.Select(Unwrap),
            _ => Enumerable.Empty<IOperation>(),
        };
    }

    /// <summary>The assignments of an initializer by property name.</summary>
    public static Dictionary<string, ISimpleAssignmentOperation> Assignments(IObjectOrCollectionInitializerOperation initializer)
    {
        var assignments = new Dictionary<string, ISimpleAssignmentOperation>();
        foreach (var assignment in initializer.Initializers.OfType<ISimpleAssignmentOperation>())
            if (assignment.Target is IPropertyReferenceOperation { Property.IsIndexer: false } target)
                assignments[target.Property.Name] = assignment;
        return assignments;
    }

    /// <summary>The assignments of an initializer by Terraform argument name ([TerraformName], else snake_case).</summary>
    public static Dictionary<string, ISimpleAssignmentOperation> ArgumentAssignments(IObjectOrCollectionInitializerOperation initializer, DslRecords? records = null)
    {
        var assignments = new Dictionary<string, ISimpleAssignmentOperation>();
        foreach (var assignment in initializer.Initializers.OfType<ISimpleAssignmentOperation>())
            if (assignment.Target is IPropertyReferenceOperation { Property.IsIndexer: false } target)
                assignments[records?.ArgumentName(target.Property) ?? DslInfra.Catalog.SymbolNames.ArgumentName(target.Property)] = assignment;
        return assignments;
    }

    /// <summary>
    /// Where a warning about a whole record goes: <c>new("main")</c> or <c>new AwsDbInstance("main")</c>, not its
    /// initializer, which may be long and is not what the warning is about.
    /// </summary>
    public static Location Head(IObjectCreationOperation creation) => creation.Syntax switch
    {
        Microsoft.CodeAnalysis.CSharp.Syntax.BaseObjectCreationExpressionSyntax { ArgumentList: { } arguments } syntax =>
            Location.Create(syntax.SyntaxTree, Microsoft.CodeAnalysis.Text.TextSpan.FromBounds(syntax.SpanStart, arguments.Span.End)),
        _ => creation.Syntax.GetLocation(),
    };

    /// <summary>The compile-time constant a value is, through conversions.</summary>
    public static object? Constant(IOperation value) => Unwrap(value).ConstantValue.Value;

    public static IOperation Unwrap(IOperation operation) =>
        operation is IConversionOperation conversion ? Unwrap(conversion.Operand) : operation;

    /// <summary>Whether <paramref name="type"/> is <paramref name="baseType"/> or derives from it.</summary>
    public static bool DerivesFrom(ITypeSymbol type, INamedTypeSymbol baseType)
    {
        for (var current = type; current is not null; current = current.BaseType)
            if (SymbolEqualityComparer.Default.Equals(current, baseType))
                return true;
        return false;
    }

    public static bool HasAttribute(ITypeSymbol type, string metadataName)
    {
        foreach (var attribute in type.GetAttributes())
            if (attribute.AttributeClass?.ToDisplayString() == metadataName)
                return true;
        return false;
    }
}
