using System.Text.Json;
using System.Text.Json.Nodes;

namespace DslInfra.Offline.Values;

/// <summary>
/// A Terraform (cty) type as the plugin protocol and the schema dumps write it in JSON: <c>"string"</c>,
/// <c>["list","string"]</c>, <c>["object",{"a":"number"}]</c>, <c>["tuple",["string"]]</c>, <c>"dynamic"</c>.
/// </summary>
internal abstract record CtyType
{
    public static readonly CtyType String = new Primitive("string");
    public static readonly CtyType Number = new Primitive("number");
    public static readonly CtyType Bool = new Primitive("bool");
    public static readonly CtyType Dynamic = new Primitive("dynamic");

    public sealed record Primitive(string Name) : CtyType;

    /// <summary>list, set or map of one element type.</summary>
    public sealed record Collection(string Kind, CtyType Element) : CtyType;

    /// <summary>An object; <see cref="Optional"/> names the attributes a type constraint marks optional (never in provider types).</summary>
    public sealed record Object(IReadOnlyDictionary<string, CtyType> Attributes) : CtyType;

    public sealed record Tuple(IReadOnlyList<CtyType> Elements) : CtyType;

    public static CtyType Parse(JsonNode? json) => json switch
    {
        JsonValue value when value.TryGetValue<string>(out var name) => name switch
        {
            "string" => String,
            "number" => Number,
            "bool" => Bool,
            "dynamic" => Dynamic,
            _ => throw new FormatException($"unknown type '{name}'"),
        },
        JsonArray { Count: 2 } array when array[0]?.GetValue<string>() is "list" or "set" or "map" =>
            new Collection(array[0]!.GetValue<string>(), Parse(array[1])),
        JsonArray { Count: >= 2 } array when array[0]?.GetValue<string>() == "object" && array[1] is JsonObject attributes =>
            new Object(attributes.ToDictionary(a => a.Key, a => Parse(a.Value), StringComparer.Ordinal)),
        JsonArray { Count: 2 } array when array[0]?.GetValue<string>() == "tuple" && array[1] is JsonArray elements =>
            new Tuple(elements.Select(Parse).ToList()),
        _ => throw new FormatException($"not a type: {json?.ToJsonString() ?? "null"}"),
    };

    public static CtyType Parse(ReadOnlySpan<byte> utf8Json) => Parse(JsonNode.Parse(utf8Json));

    public JsonNode ToJson() => this switch
    {
        Primitive primitive => JsonValue.Create(primitive.Name)!,
        Collection collection => new JsonArray(JsonValue.Create(collection.Kind), collection.Element.ToJson()),
        Object obj => new JsonArray(JsonValue.Create("object"),
            new JsonObject(obj.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => KeyValuePair.Create(a.Key, (JsonNode?)a.Value.ToJson())))),
        Tuple tuple => new JsonArray(JsonValue.Create("tuple"), new JsonArray(tuple.Elements.Select(e => (JsonNode?)e.ToJson()).ToArray())),
        _ => throw new InvalidOperationException(),
    };

    public byte[] ToJsonBytes() => JsonSerializer.SerializeToUtf8Bytes(ToJson());

    // Records compare dictionaries and lists by reference; types compare by what they say.
    public virtual bool Same(CtyType other) => ToJson().ToJsonString() == other.ToJson().ToJsonString();
}
