using System.Security.Cryptography;
using System.Text;
using DslInfra.Offline.Values;

namespace DslInfra.Offline.Server;

/// <summary>
/// What an apply or a data read gives for a value only the cloud would know: deterministic (the same resource and
/// attribute give the same value in every run, so two builds plan against each other), and shaped like the real
/// thing where a name says what it is (an ARN, a CIDR block, an IP address), so functions over them still work.
/// </summary>
internal static class Placeholders
{
    /// <summary>Every unknown inside <paramref name="value"/> replaced (<paramref name="seed"/>: from <see cref="Seed"/>); <paramref name="listLength"/> elements for an unknown list of primitives.</summary>
    public static object? Fill(object? value, CtyType type, string seed, string path, int listLength = 0)
    {
        if (value is CtyValue.Unknown)
            return Make(type, seed, path, listLength);
        switch (value, type)
        {
            case (Dictionary<string, object?> obj, CtyType.Object objectType):
                return objectType.Attributes.ToDictionary(a => a.Key,
                    a => Fill(obj.GetValueOrDefault(a.Key), a.Value, seed, path + "." + a.Key, listLength), StringComparer.Ordinal);
            case (Dictionary<string, object?> map, CtyType.Collection { Kind: "map" } mapType):
                return map.ToDictionary(e => e.Key, e => Fill(e.Value, mapType.Element, seed, path + "[\"" + e.Key + "\"]", listLength), StringComparer.Ordinal);
            case (List<object?> list, CtyType.Collection collection):
                return list.Select((item, i) => Fill(item, collection.Element, seed, path + "[" + i + "]", listLength)).ToList();
            case (List<object?> list, CtyType.Tuple tuple):
                return list.Select((item, i) => Fill(item, tuple.Elements[i], seed, path + "[" + i + "]", listLength)).ToList();
            default:
                return value;
        }
    }

    /// <summary>Null attributes the provider computes, in a data source's answer, filled (a data source's result is wholly known).</summary>
    public static Dictionary<string, object?> FillComputed(Schemas.BlockSchema schema, Dictionary<string, object?> config, string seed)
    {
        var result = new Dictionary<string, object?>(config, StringComparer.Ordinal);
        foreach (var attribute in schema.Attributes.Values)
            if (attribute.Computed && result.GetValueOrDefault(attribute.Name) is null)
                result[attribute.Name] = Make(attribute.Type, seed, attribute.Name, listLength: 3);
        return (Dictionary<string, object?>)Fill(result, schema.Type, seed, "", 3)!;
    }

    /// <summary>
    /// The seed that makes two objects' placeholders differ: what was planned or configured, so that a change to it
    /// (another image name in a lookup, say) gives other values, and the same configuration always the same ones.
    /// </summary>
    public static string Seed(string resourceType, byte[] content) => resourceType + "#" + Convert.ToHexString(SHA256.HashData(content), 0, 8);

    private static object? Make(CtyType type, string seeded, string path, int listLength)
    {
        var resourceType = seeded.Split('#')[0];
        var name = path.Substring(path.LastIndexOf('.') + 1);
        var hash = Hash(seeded + path);
        return type switch
        {
            CtyType.Primitive { Name: "string" } => Text(resourceType, name, hash),
            CtyType.Primitive { Name: "number" } => new CtyNumber("1"),
            CtyType.Primitive { Name: "bool" } => false,
            CtyType.Collection { Kind: "list" or "set" } collection when collection.Element is CtyType.Primitive =>
                Enumerable.Range(0, listLength).Select(i => Make(collection.Element, seeded, path + "[" + i + "]", 0)).ToList(),
            CtyType.Collection { Kind: "map" } => new Dictionary<string, object?>(StringComparer.Ordinal),
            CtyType.Collection => new List<object?>(),
            CtyType.Object obj => obj.Attributes.ToDictionary(a => a.Key, a => Make(a.Value, seeded, path + "." + a.Key, listLength), StringComparer.Ordinal),
            CtyType.Tuple tuple => tuple.Elements.Select((e, i) => Make(e, seeded, path + "[" + i + "]", listLength)).ToList(),
            _ => null,
        };
    }

    private static string Text(string resourceType, string name, string hash)
    {
        var lower = name.TrimEnd(']').ToLowerInvariant();
        var provider = resourceType.Split('_')[0];
        var service = resourceType.Split('_').Skip(1).FirstOrDefault() ?? "resource";
        if (lower.EndsWith("arn", StringComparison.Ordinal))
            return $"arn:aws:{service}:us-east-1:123456789012:{resourceType}/{hash}";
        if (lower.Contains("cidr"))
            return "10.0.0.0/16";
        if (lower.EndsWith("ip", StringComparison.Ordinal) || lower.Contains("ip_address") || lower.EndsWith("_ip", StringComparison.Ordinal))
            return "10.0.0.10";
        if (lower.Contains("dns_name") || lower.Contains("endpoint") || lower.Contains("domain"))
            return $"{hash}.{provider}.example.internal";
        if (lower.Contains("url") || lower.Contains("uri"))
            return $"https://{hash}.{provider}.example.internal/";
        if (lower is "id" || lower.EndsWith("_id", StringComparison.Ordinal))
            return $"{resourceType.Replace('_', '-')}-{hash}";
        if (lower.Contains("data") && lower.Contains("cert"))
            return "LS0tLS1CRUdJTiBDRVJUSUZJQ0FURS0tLS0t"; // base64 text, as certificate data is
        return $"{name.Split('[')[0]}-{hash}";
    }

    private static string Hash(string text)
    {
        var bytes = SHA256.HashData(Encoding.UTF8.GetBytes(text));
        return Convert.ToHexString(bytes, 0, 6).ToLowerInvariant();
    }
}
