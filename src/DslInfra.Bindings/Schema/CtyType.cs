using System.Text.Json;

namespace DslInfra.Bindings.Schema;

/// <summary>
/// A Terraform (cty) type as the schema JSON writes it: "string", "number", "bool", "dynamic",
/// ["list", T], ["set", T], ["map", T], ["object", {name: T}, [optional names]], ["tuple", [T…]].
/// </summary>
public abstract record CtyType
{
    internal static CtyType Parse(JsonElement json, string where)
    {
        if (json.ValueKind == JsonValueKind.String)
        {
            return json.GetString() switch
            {
                "string" => Primitive.String,
                "number" => Primitive.Number,
                "bool" => Primitive.Bool,
                "dynamic" => Primitive.Dynamic,
                var other => throw new SchemaException($"{where}: unknown type '{other}'."),
            };
        }
        if (json.ValueKind != JsonValueKind.Array || json.GetArrayLength() < 2 || json[0].ValueKind != JsonValueKind.String)
            throw new SchemaException($"{where}: a type is a name or [kind, element]: {json.GetRawText()}");
        var kind = json[0].GetString();
        return kind switch
        {
            "list" => new Collection(CollectionKind.List, Parse(json[1], where)),
            "set" => new Collection(CollectionKind.Set, Parse(json[1], where)),
            "map" => new Collection(CollectionKind.Map, Parse(json[1], where)),
            "object" => new ObjectType(ProviderSchema.Properties(json[1], where)
                .Select(p => new ObjectAttribute(p.Name, Parse(p.Value, $"{where}.{p.Name}"))).ToList()),
            "tuple" => new Tuple(json[1].EnumerateArray().Select(e => Parse(e, where)).ToList()),
            _ => throw new SchemaException($"{where}: unknown type kind '{kind}'."),
        };
    }

    /// <summary>A nested_type attribute (protocol 6): an object, or a list/set/map of objects.</summary>
    internal static CtyType FromNested(JsonElement nested, string where)
    {
        var attributes = new List<ObjectAttribute>();
        if (nested.TryGetProperty("attributes", out var map))
            foreach (var attribute in ProviderSchema.Properties(map, $"{where}.attributes"))
                attributes.Add(new ObjectAttribute(attribute.Name,
                    attribute.Value.TryGetProperty("type", out var type) ? Parse(type, $"{where}.{attribute.Name}") : FromNested(attribute.Value.GetProperty("nested_type"), $"{where}.{attribute.Name}")));
        var obj = new ObjectType(attributes);
        return (nested.TryGetProperty("nesting_mode", out var mode) ? mode.GetString() : "single") switch
        {
            "list" => new Collection(CollectionKind.List, obj),
            "set" => new Collection(CollectionKind.Set, obj),
            "map" => new Collection(CollectionKind.Map, obj),
            _ => obj,
        };
    }
}

/// <summary>string, number, bool or dynamic.</summary>
public sealed record Primitive(string Name) : CtyType
{
    public static readonly Primitive String = new("string");
    public static readonly Primitive Number = new("number");
    public static readonly Primitive Bool = new("bool");
    public static readonly Primitive Dynamic = new("dynamic");
}

/// <summary>The kinds of collection.</summary>
public enum CollectionKind
{
    /// <summary>list(T)</summary>
    List,

    /// <summary>set(T)</summary>
    Set,

    /// <summary>map(T)</summary>
    Map,
}

/// <summary>list(T), set(T) or map(T).</summary>
public sealed record Collection(CollectionKind Kind, CtyType Element) : CtyType;

/// <summary>object({…}).</summary>
public sealed record ObjectType(IReadOnlyList<ObjectAttribute> Attributes) : CtyType;

/// <summary>One attribute of an object type.</summary>
public sealed record ObjectAttribute(string Name, CtyType Type);

/// <summary>tuple([…]).</summary>
public sealed record Tuple(IReadOnlyList<CtyType> Elements) : CtyType;
