using System.Text.Json;
using System.Text.Json.Nodes;

namespace DslInfra.Cli.Plans;

/// <summary>
/// What drifted: the attribute paths whose values differ between a drift entry's before and after. Only paths are
/// kept, never values, so nothing sensitive reaches a report. Each side is read within a token budget: a resource too
/// large to compare is reported as drifted without paths rather than holding the plan in memory.
/// </summary>
internal static class DriftPaths
{
    /// <summary>Tokens read per side of one drift entry before giving up on comparing it.</summary>
    public const int TokenBudget = 200_000;

    /// <summary>The value at the stream's next token as a tree, or null when it passes the budget (the value is then skipped).</summary>
    public static JsonNode? ReadValue(JsonTokenStream json, ref int budget, out bool tooLarge)
    {
        tooLarge = false;
        json.Read();
        var node = Read(json, ref budget, ref tooLarge);
        return node;
    }

    private static JsonNode? Read(JsonTokenStream json, ref int budget, ref bool tooLarge)
    {
        if (--budget < 0)
        {
            tooLarge = true;
            json.Skip();
            return null;
        }
        switch (json.TokenType)
        {
            case JsonTokenType.StartObject:
                var obj = new JsonObject();
                while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
                {
                    var key = json.GetString();
                    json.Read();
                    var child = Read(json, ref budget, ref tooLarge);
                    if (tooLarge)
                    {
                        SkipRest(json, JsonTokenType.EndObject);
                        return null;
                    }
                    obj[key] = child;
                }
                return obj;
            case JsonTokenType.StartArray:
                var array = new JsonArray();
                while (json.Read() && json.TokenType != JsonTokenType.EndArray)
                {
                    var child = Read(json, ref budget, ref tooLarge);
                    if (tooLarge)
                    {
                        SkipRest(json, JsonTokenType.EndArray);
                        return null;
                    }
                    array.Add(child);
                }
                return array;
            case JsonTokenType.String:
                return JsonValue.Create("s:" + json.GetString());
            case JsonTokenType.Number:
                return JsonValue.Create("n:" + json.GetString());
            case JsonTokenType.True:
                return JsonValue.Create(true);
            case JsonTokenType.False:
                return JsonValue.Create(false);
            default:
                return null;
        }
    }

    // Past the budget inside a container: read to its end without building anything.
    private static void SkipRest(JsonTokenStream json, JsonTokenType end)
    {
        var depth = 0;
        while (json.Read())
        {
            if (json.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray)
                depth++;
            else if (json.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray && depth-- == 0)
                return;
        }
    }

    /// <summary>The paths where <paramref name="before"/> and <paramref name="after"/> differ: <c>tags.owner</c>, <c>ingress[0].from_port</c>.</summary>
    public static List<string> Between(JsonNode? before, JsonNode? after)
    {
        var paths = new List<string>();
        Compare(before, after, "", paths);
        paths.Sort(StringComparer.Ordinal);
        return paths;
    }

    private static void Compare(JsonNode? before, JsonNode? after, string path, List<string> paths)
    {
        if (paths.Count >= 100)
            return; // enough to say what drifted; the plan has the rest
        switch (before, after)
        {
            case (JsonObject a, JsonObject b):
                foreach (var key in a.Select(p => p.Key).Union(b.Select(p => p.Key)).Order(StringComparer.Ordinal))
                    Compare(a.TryGetPropertyValue(key, out var x) ? x : null, b.TryGetPropertyValue(key, out var y) ? y : null, path.Length == 0 ? key : path + "." + key, paths);
                break;
            case (JsonArray a, JsonArray b) when a.Count == b.Count:
                for (var i = 0; i < a.Count; i++)
                    Compare(a[i], b[i], $"{path}[{i}]", paths);
                break;
            default:
                if (!JsonNode.DeepEquals(before, after))
                    paths.Add(path.Length == 0 ? "(the whole resource)" : path);
                break;
        }
    }
}
