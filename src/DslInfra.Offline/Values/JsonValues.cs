using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace DslInfra.Offline.Values;

/// <summary>Terraform's JSON form of a value (a state file's attributes), read by its type.</summary>
internal static class JsonValues
{
    public static object? Read(JsonNode? node, CtyType type, int depth = 0)
    {
        if (depth > 64)
            throw new FormatException("value nested more than 64 levels deep");
        if (node is null)
            return null;
        switch (type)
        {
            case CtyType.Primitive { Name: "string" }:
                return node is JsonValue text && text.TryGetValue<string>(out var s) ? s : node.ToJsonString();
            case CtyType.Primitive { Name: "bool" }:
                return node is JsonValue flag && flag.TryGetValue<bool>(out var b) ? b
                    : node is JsonValue textFlag && textFlag.TryGetValue<string>(out var t) ? t == "true"
                    : throw new FormatException("not a bool");
            case CtyType.Primitive { Name: "number" }:
                return node is JsonValue number && number.GetValueKind() is JsonValueKind.Number or JsonValueKind.String
                    ? new CtyNumber(number.GetValueKind() == JsonValueKind.String ? number.GetValue<string>() : number.ToJsonString())
                    : throw new FormatException("not a number");
            case CtyType.Primitive { Name: "dynamic" }:
                // A dynamic value in state is {"value": …, "type": …}.
                if (node is JsonObject wrapped && wrapped.ContainsKey("type"))
                {
                    var actual = CtyType.Parse(wrapped["type"]);
                    return new TypedValue(actual, Read(wrapped["value"], actual, depth + 1));
                }
                throw new FormatException("a dynamic value needs its type");
            case CtyType.Collection { Kind: "map" } map:
                return ((JsonObject)node).ToDictionary(e => e.Key, e => Read(e.Value, map.Element, depth + 1), StringComparer.Ordinal);
            case CtyType.Collection collection:
                return ((JsonArray)node).Select(i => Read(i, collection.Element, depth + 1)).ToList();
            case CtyType.Tuple tuple:
                return ((JsonArray)node).Select((i, index) => Read(i, tuple.Elements[index], depth + 1)).ToList();
            case CtyType.Object obj:
            {
                var source = (JsonObject)node;
                // Attributes a newer schema added are null; ones it dropped are left behind, as an upgrade would.
                return obj.Attributes.ToDictionary(a => a.Key, a => Read(source[a.Key], a.Value, depth + 1), StringComparer.Ordinal);
            }
            default:
                throw new FormatException("unsupported type");
        }
    }
}
