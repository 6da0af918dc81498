namespace DslInfra.Generators.Model;

/// <summary>A compile-time value of the stack: a literal, a collection, a DSL object, or a Terraform expression known only at apply time.</summary>
internal abstract record Value;

internal sealed record NullValue : Value
{
    public static readonly NullValue Instance = new();
}

internal sealed record StringValue(string Text) : Value;

/// <summary>An image's published, content-addressed name: known only once its files are hashed, so the emitters fill it in.</summary>
internal sealed record ImageNameValue(string Image, bool Uri = false) : Value
{
    /// <summary>The key of this value among an emission's image references.</summary>
    public string Key => Uri ? Image + ".uri" : Image;
}

/// <summary>Stands where evaluation failed and a diagnostic was reported, so that nothing downstream reports again.</summary>
internal sealed record ErrorValue : Value
{
    public static readonly ErrorValue Instance = new();
}

/// <summary>A number in its canonical invariant text, e.g. <c>3</c> or <c>0.5</c>.</summary>
internal sealed record NumberValue(string Text, bool IsInteger) : Value;

internal sealed record BoolValue(bool Flag) : Value;

internal sealed record ListValue(EquatableArray<Value> Items) : Value;

/// <summary>A string-keyed map; entries in ordinal key order.</summary>
internal sealed record MapValue(EquatableArray<MapEntry> Entries) : Value;

internal sealed record MapEntry(string Key, Value Value);

/// <summary>An instance of a DSL record: a resource, a nested block, a provider, a variable…</summary>
internal sealed record ObjectValue(DslType Type, EquatableArray<Field> Fields, SourceSpan? Span) : Value
{
    public Value? Get(string propertyName)
    {
        foreach (var field in Fields)
            if (field.Property == propertyName)
                return field.Value;
        return null;
    }

    public string? GetString(string propertyName) => (Get(propertyName) as StringValue)?.Text;

    /// <summary>The value of the argument Terraform knows as <paramref name="terraformName"/>, if set.</summary>
    public Value? Argument(string terraformName)
    {
        foreach (var field in Fields)
            if (field.TerraformName == terraformName && !field.IsMeta)
                return field.Value;
        return null;
    }

    /// <summary>The Terraform address when this is a resource or data source with a literal name.</summary>
    public string? Address =>
        Type.Kind == DslKind.Module ? (GetString("Name") is { } module ? "module." + module + GetString("InstanceKey") : null)
        : Type.Kind == DslKind.Image
            ? (GetString("Name") is { } image && !Type.IsContainerImage ? "data.aws_ami." + ImageSpec.DataSourceName(image) : null)
            : (Type.TerraformType ?? GetString("Type")) is { } type && GetString("Name") is { } name
                ? (Type.Kind == DslKind.DataSource ? "data." : Type.Kind == DslKind.EphemeralResource ? "ephemeral." : "") + type + "." + name + GetString("InstanceKey")
                : null;

    /// <summary>Whether this is one instance (<c>At(…)</c>) of a resource declared with Count or ForEach, not the resource.</summary>
    public bool IsInstance => Get("InstanceKey") is not null;
}

/// <summary>One assigned property of a DSL object, with its Terraform name.</summary>
internal sealed record Field(string Property, string TerraformName, bool IsBlock, bool IsMeta, Value Value, bool IsWriteOnly = false);

/// <summary>A Terraform expression: a reference such as <c>aws_vpc.main.id</c> or <c>var.env</c>, or an operation over such.</summary>
internal abstract record ExpressionValue : Value;

/// <summary>A reference; <see cref="Target"/> is the referenced resource's address (or <c>var.x</c>), used for dependencies.</summary>
internal sealed record ReferenceValue(string Target, string? Attribute) : ExpressionValue
{
    public string Expression => Attribute is null ? Target : Attribute.StartsWith("[", System.StringComparison.Ordinal) ? Target + Attribute : Target + "." + Attribute;

    /// <summary>A path further into the value: an attribute (<c>data</c>) or an index (<c>[0]</c>, <c>["api"]</c>).</summary>
    public ReferenceValue Then(string step) =>
        this with { Attribute = Attribute is null ? step : step.StartsWith("[", System.StringComparison.Ordinal) ? Attribute + step : Attribute + "." + step };
}

/// <summary>
/// Terraform's <c>for</c> expression: <c>[for x in c : v if w]</c>, or with a <see cref="Key"/>, <c>{for x in c : k =&gt; v if w}</c>.
/// </summary>
internal sealed record ForValue(Value Collection, string Iterator, Value? Key, Value Result, Value? Where) : ExpressionValue;

/// <summary>A string built from literal text and expressions; Terraform's template syntax.</summary>
internal sealed record TemplateValue(EquatableArray<Value> Parts) : ExpressionValue;

/// <summary>The parameter of Dynamic.For's lambda while its content is evaluated: the block's iterator.</summary>
internal sealed record IteratorValue(string Name) : Value;

/// <summary>A dynamic block: one <see cref="Content"/> per element of <see cref="ForEach"/>, the element named <see cref="Iterator"/>.</summary>
internal sealed record DynamicValue(Value ForEach, string Iterator, ObjectValue Content) : Value;

internal sealed record BinaryValue(string Operator, Value Left, Value Right) : ExpressionValue;

internal sealed record UnaryValue(string Operator, Value Operand) : ExpressionValue;

internal sealed record ConditionalValue(Value Condition, Value WhenTrue, Value WhenFalse) : ExpressionValue;

/// <summary>A call of a Terraform function, e.g. <c>floor</c> for C#'s integer division.</summary>
internal sealed record FunctionValue(string Name, EquatableArray<Value> Arguments) : ExpressionValue;

/// <summary>Walking a value: itself and everything inside it, fields and entries included.</summary>
internal static class Values
{
    public static System.Collections.Generic.IEnumerable<Value> DescendantsAndSelf(Value value)
    {
        yield return value;
        System.Collections.Generic.IEnumerable<Value> children = value switch
        {
            ListValue list => list.Items,
            MapValue map => System.Linq.Enumerable.Select(map.Entries, e => e.Value),
            ObjectValue obj => System.Linq.Enumerable.Select(obj.Fields, f => f.Value),
            TemplateValue template => template.Parts,
            FunctionValue function => function.Arguments,
            BinaryValue binary => new[] { binary.Left, binary.Right },
            UnaryValue unary => new[] { unary.Operand },
            ConditionalValue conditional => new[] { conditional.Condition, conditional.WhenTrue, conditional.WhenFalse },
            DynamicValue dynamic => new Value[] { dynamic.ForEach, dynamic.Content },
            ForValue loop => new[] { loop.Collection, loop.Key ?? NullValue.Instance, loop.Result, loop.Where ?? NullValue.Instance },
            _ => System.Array.Empty<Value>(),
        };
        foreach (var child in children)
            foreach (var descendant in DescendantsAndSelf(child))
                yield return descendant;
    }
}
