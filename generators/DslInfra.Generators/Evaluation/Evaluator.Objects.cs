using System;
using System.Collections.Generic;
using System.Linq;
using DslInfra.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DslInfra.Generators.Evaluation;

// DSL records, maps and collections: `new(...) { ... }`, `x with { ... }`, `[a, .. b]`.
internal sealed partial class Evaluator
{
    private Value ObjectCreation(IObjectCreationOperation creation)
    {
        if (creation.Type is not INamedTypeSymbol type)
            return Fail(creation, "its type is unknown");
        if (dsl.IsMap(type))
            return MapInitializer(creation.Initializer, creation);
        // A reference spelled by hand names an address nothing checks, and was written as an object ({"address": …}).
        if (DslSymbols.Is(type, dsl.Reference))
            return WrongType(creation, "a reference is read from what it refers to (Vpc.Id, Vpc.Attr<string>(\"owner_id\"), Net.Output<string>(\"vpc_id\")), so that its address is checked and Terraform sees the edge");
        var schema = schemas.For(type);
        if (schema is null && type.IsRecord && VariableTypes.ObjectOf(type, dsl, 0) is not null)
            return ObjectTypeValue(creation, type);
        if (schema is null)
            return Fail(creation, $"'{type.Name}' is not a DSL record; stacks are built from DslInfra records (or your own records deriving from Resource)");

        var fields = new List<Field>();
        foreach (var argument in creation.Arguments)
        {
            if (argument.Parameter is null)
                continue;
            var property = schema.PropertyForParameter(argument.Parameter.Name);
            if (property is null)
                return Fail(argument, $"constructor parameter '{argument.Parameter.Name}' sets no property of {type.Name}");
            Set(fields, property, Evaluate(argument.Value));
        }
        if (!ApplyInitializer(creation.Initializer, schema, fields))
            return ErrorValue.Instance;
        return new ObjectValue(schema.Type, fields.ToEquatableArray(), SourceSpan.From(creation.Syntax));
    }

    /// <summary>
    /// A record declared as a Terraform object type (<c>new NodeGroup(["t3.large"], Min: 1)</c>): its attributes by Terraform
    /// name, from the constructor's arguments (defaults included) and the initializer, for a variable's default or a value.
    /// </summary>
    private Value ObjectTypeValue(IObjectCreationOperation creation, INamedTypeSymbol type)
    {
        var entries = new SortedDictionary<string, Value>(StringComparer.Ordinal);
        var properties = VariableTypes.Properties(type).ToList();
        void Put(string propertyName, IOperation value)
        {
            var property = properties.FirstOrDefault(p => p.Name == propertyName);
            if (property is not null)
                entries[TerraformNames.Of(property)] = ScalarOnly(Evaluate(value), value);
        }
        foreach (var argument in creation.Arguments)
            if (argument.Parameter is { } parameter)
                Put(parameter.Name, argument.Value);
        foreach (var item in creation.Initializer?.Initializers ?? Enumerable.Empty<IOperation>())
        {
            if (item is not ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment)
                return Fail(item, "only properties of the record can be set in its initializer");
            Put(target.Property.Name, assignment.Value);
        }
        if (entries.Values.Any(v => v is ErrorValue))
            return ErrorValue.Instance;
        return new MapValue(entries.Select(e => new MapEntry(e.Key, e.Value)).ToEquatableArray());
    }

    private Value With(IWithOperation with)
    {
        var operand = Evaluate(with.Operand);
        if (operand is ErrorValue)
            return operand;
        if (operand is not ObjectValue original || with.Type is null || schemas.For(with.Type) is not { } schema)
            return Fail(with, "'with' copies DSL records only");
        var fields = original.Fields.ToList();
        if (!ApplyInitializer(with.Initializer, schema, fields))
            return ErrorValue.Instance;
        return new ObjectValue(original.Type, fields.ToEquatableArray(), SourceSpan.From(with.Syntax));
    }

    private static void Set(List<Field> fields, PropertySchema property, Value value)
    {
        var field = new Field(property.Name, property.TerraformName, property.IsBlock, property.IsMeta, value, property.IsWriteOnly);
        for (var i = 0; i < fields.Count; i++)
        {
            if (fields[i].Property == property.Name)
            {
                fields[i] = field;
                return;
            }
        }
        fields.Add(field);
    }

    private bool ApplyInitializer(IObjectOrCollectionInitializerOperation? initializer, RecordSchema schema, List<Field> fields)
    {
        if (initializer is null)
            return true;
        foreach (var item in initializer.Initializers)
        {
            switch (item)
            {
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target } assignment
                    when schema.Property(target.Property.Name) is { } property:
                    Set(fields, property, Evaluate(assignment.Value));
                    break;
                case IMemberInitializerOperation { InitializedMember: IPropertyReferenceOperation target } nested
                    when schema.Property(target.Property.Name) is { } property:
                    Set(fields, property, NestedInitializer(target.Property.Type, nested.Initializer, nested));
                    break;
                default:
                    Fail(item, "only properties of the record can be set in its initializer");
                    return false;
            }
        }
        return true;
    }

    private Value NestedInitializer(ITypeSymbol type, IObjectOrCollectionInitializerOperation initializer, IOperation at)
    {
        if (dsl.IsMap(type))
            return MapInitializer(initializer, at);
        if (schemas.For(type) is not { } schema)
            return Fail(at, $"'{type.Name}' is not a DSL record");
        var fields = new List<Field>();
        return ApplyInitializer(initializer, schema, fields)
            ? new ObjectValue(schema.Type, fields.ToEquatableArray(), SourceSpan.From(at.Syntax))
            : ErrorValue.Instance;
    }

    private Value MapInitializer(IObjectOrCollectionInitializerOperation? initializer, IOperation at)
    {
        var entries = new SortedDictionary<string, Value>(StringComparer.Ordinal);
        foreach (var item in initializer?.Initializers ?? Enumerable.Empty<IOperation>())
        {
            if (item is not ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true } target } assignment
                || target.Arguments.Length != 1)
                return Fail(item, "a map is filled with [\"key\"] = value entries");
            var key = Evaluate(target.Arguments[0].Value);
            if (key is ErrorValue)
                return key;
            if (key is not StringValue text)
                return WrongType(target.Arguments[0], "a map key must be a string known at compile time");
            // The last assignment wins, as in C#. A value may be a nested block or object (a map of blocks), or a provider
            // configuration (a module's providers map), never a whole resource.
            var value = Evaluate(assignment.Value);
            entries[text.Text] = value is ObjectValue { Type.Kind: DslKind.Block or DslKind.Provider } ? value : ScalarOnly(value, assignment.Value);
        }
        return new MapValue(entries.Select(e => new MapEntry(e.Key, e.Value)).ToEquatableArray());
    }

    /// <summary>
    /// <c>[a, b, .. c]</c>. A spread of a list known here is its items; a spread of a list Terraform computes (a variable,
    /// a module output, another list argument that is one) stays that expression, joined with the rest by <c>concat</c>.
    /// </summary>
    private Value Collection(ICollectionExpressionOperation collection)
    {
        var items = new List<Value>();
        var parts = new List<Value>();
        foreach (var element in collection.Elements)
        {
            if (element is ISpreadOperation spread)
            {
                var spreadValue = Evaluate(spread.Operand);
                if (spreadValue is ErrorValue)
                    return spreadValue;
                if (spreadValue is ListValue list)
                {
                    if (TooMany(items.Count + (long)list.Items.Count, spread) is { } tooMany)
                        return tooMany;
                    items.AddRange(list.Items);
                    continue;
                }
                if (VariableReference(spreadValue) is not ExpressionValue whole)
                    return Fail(spread, "only a list can be spread: a list known at compile time, or one Terraform computes (a variable, an output, a list argument)");
                if (items.Count > 0)
                    parts.Add(new ListValue(items.ToEquatableArray()));
                items.Clear();
                parts.Add(whole);

            }
            else
            {
                items.Add(Evaluate(element));
            }
        }
        if (parts.Count == 0)
            return new ListValue(items.ToEquatableArray());
        if (items.Count > 0)
            parts.Add(new ListValue(items.ToEquatableArray()));
        if (parts.Count == 1)
            return parts[0];
        // concat takes lists only, and an attribute may be a set (aws_lb.security_groups): tolist makes either a list.
        // A list variable is one already.
        return new FunctionValue("concat", parts.Select(p => p is ListValue || p is ReferenceValue { Target: var target } && target.StartsWith("var.", StringComparison.Ordinal)
            ? p : new FunctionValue("tolist", new[] { p }.ToEquatableArray())).ToEquatableArray());
    }

    private Value Array(IArrayCreationOperation array)
    {
        if (array.Initializer is null)
            return Fail(array, "an array needs its elements listed");
        return new ListValue(array.Initializer.ElementValues.Select(Evaluate).ToEquatableArray());
    }
}
