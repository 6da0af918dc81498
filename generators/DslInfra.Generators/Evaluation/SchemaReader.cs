using System;
using System.Collections.Generic;
using System.Linq;
using DslInfra.Generators.Model;
using Microsoft.CodeAnalysis;

namespace DslInfra.Generators.Evaluation;

/// <summary>How one property of a DSL record maps onto Terraform.</summary>
internal sealed record PropertySchema(string Name, string TerraformName, bool IsBlock, bool IsMeta, bool IsWriteOnly = false, bool IsComputed = false, string? Nesting = null);

/// <summary>A DSL record type's schema: its DslType and its settable properties.</summary>
internal sealed class RecordSchema(DslType type, Dictionary<string, PropertySchema> properties)
{
    public DslType Type { get; } = type;

    public PropertySchema? Property(string name) =>
        properties.TryGetValue(name, out var property) ? property : null;

    /// <summary>The property a positional constructor parameter initializes (records name them alike, differing in case).</summary>
    public PropertySchema? PropertyForParameter(string parameter)
    {
        foreach (var property in properties.Values)
            if (string.Equals(property.Name, parameter, System.StringComparison.OrdinalIgnoreCase))
                return property;
        return null;
    }
}

/// <summary>Reads the schema attributes of DSL record types (TerraformType, NestedBlock, Required…), once per type.</summary>
internal sealed class SchemaReader(DslSymbols dsl)
{
    // Properties the DSL base types declare: meta-arguments, written by the emitter itself, never as attributes.
    private static readonly HashSet<string> MetaDeclaringTypes = new()
    {
        "Resource", "DataSource", "ProviderConfig", "CustomResource", "CustomDataSource", "CustomBlock", "Image", "Module",
    };

    private readonly Dictionary<ITypeSymbol, RecordSchema?> cache = new(SymbolEqualityComparer.Default);

    /// <summary>The schema of <paramref name="type"/>, or null when it is not a record the DSL can describe.</summary>
    public RecordSchema? For(ITypeSymbol type)
    {
        if (cache.TryGetValue(type, out var known))
            return known;
        var schema = Read(type);
        cache[type] = schema;
        return schema;
    }

    private RecordSchema? Read(ITypeSymbol type)
    {
        if (type is not INamedTypeSymbol named || !named.IsRecord || named.IsAbstract)
            return null;
        var kind = KindOf(named);
        var properties = new Dictionary<string, PropertySchema>();
        var arguments = new List<string>();
        var required = new List<RequiredArgument>();
        for (var current = named; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
        {
            var isMeta = current.ContainingNamespace?.ToDisplayString() == "DslInfra" && MetaDeclaringTypes.Contains(current.Name);
            foreach (var property in current.GetMembers().OfType<IPropertySymbol>())
            {
                if (property.IsStatic || property.IsIndexer || property.SetMethod is null
                    || property.DeclaredAccessibility != Accessibility.Public || property.Name == "EqualityContract"
                    || properties.ContainsKey(property.Name))
                    continue;
                var terraformName = TerraformNames.Of(property);
                var isBlock = HasAttribute(property, "NestedBlockAttribute");
                properties[property.Name] = new PropertySchema(property.Name, terraformName, isBlock, isMeta,
                    HasAttribute(property, "WriteOnlyAttribute"), HasAttribute(property, "ComputedAttribute"), isBlock ? BlockNesting(property) : null);
                if (isMeta)
                    continue;
                arguments.Add(terraformName);
                if (HasAttribute(property, "RequiredAttribute"))
                    required.Add(new RequiredArgument(property.Name, terraformName));
            }
        }
        arguments.Sort(System.StringComparer.Ordinal);
        required.Sort((a, b) => string.CompareOrdinal(a.TerraformName, b.TerraformName));

        string? providerName = null, providerSource = null, terraformType = null, variableType = null;
        foreach (var attribute in named.GetAttributes())
        {
            var args = attribute.ConstructorArguments;
            switch (attribute.AttributeClass?.Name)
            {
                case "TerraformTypeAttribute" when args.Length == 1:
                case "TerraformBackendAttribute" when args.Length == 1:
                    terraformType = args[0].Value as string;
                    break;
                case "TerraformProviderAttribute" when args.Length == 2:
                    providerName = args[0].Value as string;
                    providerSource = args[1].Value as string;
                    break;
            }
        }
        if (kind == DslKind.Variable)
            variableType = VariableTypes.Of(named.TypeArguments[0], dsl);

        var dslType = new DslType(
            named.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat),
            kind,
            terraformType,
            HasAttribute(named, "ReplaceOnlyAttribute"),
            HasAttribute(named, "AttributesAsBlocksAttribute"),
            arguments.ToEquatableArray(),
            required.ToEquatableArray(),
            providerName,
            providerSource,
            variableType,
            terraformType is null ? null : SchemaRelease(named, terraformType));
        return new RecordSchema(dslType, properties);
    }

    private DslKind KindOf(INamedTypeSymbol type)
    {
        if (dsl.EphemeralResource is not null && DslSymbols.DerivesFrom(type, dsl.EphemeralResource)) return DslKind.EphemeralResource;
        if (DslSymbols.DerivesFrom(type, dsl.DataSource)) return DslKind.DataSource;
        if (DslSymbols.DerivesFrom(type, dsl.Resource)) return DslKind.Resource;
        if (DslSymbols.DerivesFrom(type, dsl.ProviderConfig)) return DslKind.Provider;
        if (DslSymbols.DerivesFrom(type, dsl.Backend)) return DslKind.Backend;
        if (DslSymbols.Is(type, dsl.Variable)) return DslKind.Variable;
        if (DslSymbols.Is(type, dsl.Output) || DslSymbols.Is(type, dsl.TypedOutput)) return DslKind.Output;
        if (DslSymbols.Is(type, dsl.Lifecycle)) return DslKind.Lifecycle;
        if (DslSymbols.Is(type, dsl.Validation)) return DslKind.Validation;
        if (DslSymbols.Is(type, dsl.Local)) return DslKind.Local;
        if (DslSymbols.Is(type, dsl.Moved)) return DslKind.Moved;
        if (DslSymbols.Is(type, dsl.Import)) return DslKind.Import;
        if (DslSymbols.Is(type, dsl.Removed)) return DslKind.Removed;
        if (DslSymbols.Is(type, dsl.Check)) return DslKind.Check;
        if (DslSymbols.Is(type, dsl.Condition)) return DslKind.Condition;
        if (DslSymbols.DerivesFrom(type, dsl.Module)) return DslKind.Module;
        if (DslSymbols.DerivesFrom(type, dsl.Image)) return DslKind.Image;
        return DslKind.Block;
    }

    /// <summary>"aws 6.47.0" when the record's assembly says it was generated from that provider's schema ([ProviderSchema]).</summary>
    private static string? SchemaRelease(INamedTypeSymbol record, string terraformType)
    {
        foreach (var attribute in record.ContainingAssembly.GetAttributes())
            if (attribute.AttributeClass?.Name == "ProviderSchemaAttribute" && attribute.ConstructorArguments.Length == 3
                && attribute.ConstructorArguments[0].Value is string provider && terraformType.StartsWith(provider + "_", System.StringComparison.Ordinal))
                return provider + " " + attribute.ConstructorArguments[2].Value;
        return null;
    }

    /// <summary>[NestedBlock(Nesting = "list")]'s nesting; null for a single block.</summary>
    private static string? BlockNesting(IPropertySymbol property)
    {
        foreach (var attribute in property.GetAttributes())
            if (attribute.AttributeClass?.Name == "NestedBlockAttribute")
                foreach (var named in attribute.NamedArguments)
                    if (named.Key == "Nesting")
                        return named.Value.Value as string;
        return null;
    }

    private static bool HasAttribute(ISymbol symbol, string attributeName)
    {
        foreach (var attribute in symbol.GetAttributes())
            if (attribute.AttributeClass?.Name == attributeName
                && attribute.AttributeClass.ContainingNamespace?.ToDisplayString() == "DslInfra.Schema")
                return true;
        return false;
    }
}

/// <summary>Terraform type constraints for the C# type argument of a Variable&lt;T&gt;.</summary>
internal static class VariableTypes
{
    /// <summary>The constraint, e.g. <c>list(string)</c>, or null when T has no Terraform counterpart.</summary>
    public static string? Of(ITypeSymbol type, DslSymbols dsl)
    {
        switch (type.SpecialType)
        {
            case SpecialType.System_String:
                return "string";
            case SpecialType.System_Boolean:
                return "bool";
            case SpecialType.System_Byte or SpecialType.System_SByte or SpecialType.System_Int16 or SpecialType.System_UInt16
                or SpecialType.System_Int32 or SpecialType.System_UInt32 or SpecialType.System_Int64 or SpecialType.System_UInt64
                or SpecialType.System_Single or SpecialType.System_Double or SpecialType.System_Decimal:
                return "number";
        }
        if (type is INamedTypeSymbol { IsGenericType: true } generic)
        {
            var name = generic.OriginalDefinition.ToDisplayString();
            if (name is "System.Collections.Immutable.ImmutableArray<T>" or "System.Collections.Immutable.ImmutableList<T>"
                && Of(generic.TypeArguments[0], dsl) is { } element)
                return "list(" + element + ")";
            if (DslSymbols.Is(generic, dsl.Map) && Of(generic.TypeArguments[0], dsl) is { } value)
                return "map(" + value + ")";
        }
        if (type is INamedTypeSymbol { IsRecord: true, TypeKind: TypeKind.Class } record && record.ContainingNamespace?.ToDisplayString() != "DslInfra")
            return ObjectOf(record, dsl, depth: 0);
        return null;
    }

    /// <summary>
    /// A record as Terraform's object type: each public property an attribute (snake_case or [TerraformName]); a nullable
    /// one is <c>optional(T)</c>, one whose positional parameter has a default <c>optional(T, default)</c>.
    /// </summary>
    public static string? ObjectOf(INamedTypeSymbol record, DslSymbols dsl, int depth)
    {
        if (depth > 8)
            return null; // a record that contains itself has no Terraform type
        var defaults = new Dictionary<string, IParameterSymbol>(StringComparer.Ordinal);
        foreach (var constructor in record.InstanceConstructors)
            foreach (var parameter in constructor.Parameters)
                if (parameter.HasExplicitDefaultValue)
                    defaults[parameter.Name] = parameter;
        var attributes = new List<string>();
        foreach (var property in Properties(record))
        {
            var nullable = property.NullableAnnotation == NullableAnnotation.Annotated;
            var propertyType = property.Type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } wrapped ? wrapped.TypeArguments[0] : property.Type;
            var inner = propertyType is INamedTypeSymbol { IsRecord: true } nested && nested.ContainingNamespace?.ToDisplayString() != "DslInfra"
                ? ObjectOf(nested, dsl, depth + 1) : Of(propertyType, dsl);
            if (inner is null)
                return null;
            var written = defaults.TryGetValue(property.Name, out var parameter) && DefaultLiteral(parameter.ExplicitDefaultValue) is { } literal
                ? "optional(" + inner + ", " + literal + ")"
                : nullable || parameter is not null ? "optional(" + inner + ")" : inner;
            attributes.Add(TerraformNames.Of(property) + " = " + written);
        }
        return "object({" + string.Join(", ", attributes) + "})";
    }

    /// <summary>The record's public instance properties, base first, as C# lists them (EqualityContract is protected).</summary>
    public static IEnumerable<IPropertySymbol> Properties(INamedTypeSymbol record)
    {
        var chain = new List<INamedTypeSymbol>();
        for (var current = record; current is not null && current.SpecialType != SpecialType.System_Object; current = current.BaseType)
            chain.Insert(0, current);
        foreach (var type in chain)
            foreach (var member in type.GetMembers())
                if (member is IPropertySymbol { IsStatic: false, IsIndexer: false, DeclaredAccessibility: Accessibility.Public, GetMethod: not null } property)
                    yield return property;
    }

    private static string? DefaultLiteral(object? value) => value switch
    {
        null => null,
        string text => Emit.Hcl.Expression(new StringValue(text)),
        bool flag => flag ? "true" : "false",
        _ => Numbers.From(value) is NumberValue number ? number.Text : null,
    };
}
