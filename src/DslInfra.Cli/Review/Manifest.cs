using System.Text.Json;

namespace DslInfra.Cli.Review;

/// <summary>One resource as a DslInfra manifest.json describes it.</summary>
internal sealed record ManifestResource(string Address, string Type, string Update, string Member, string? File, int? Line, IReadOnlyList<string> Images)
{
    public bool ReplaceOnly => Update == "replace-only";
}

/// <summary>The resources of one or more manifests, by address.</summary>
internal sealed class Manifest
{
    private readonly Dictionary<string, ManifestResource> resources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> imageHashes = new(StringComparer.Ordinal);

    public static Manifest Empty { get; } = new();

    public bool IsEmpty => resources.Count == 0;

    public ManifestResource? Find(string address) => resources.GetValueOrDefault(address);

    public IEnumerable<ManifestResource> Resources => resources.Values;

    /// <summary>Each image's content hash, by image name.</summary>
    public IReadOnlyDictionary<string, string> ImageHashes => imageHashes;

    /// <summary>A manifest from its text (e.g. read from a git revision); null text is an empty manifest.</summary>
    public static Manifest Parse(string? json, string where)
    {
        var manifest = new Manifest();
        if (json is not null)
            manifest.AddText(json, where);
        return manifest;
    }

    /// <summary>Reads manifests; a folder means every manifest.json below it.</summary>
    public static Manifest Load(IEnumerable<string> paths)
    {
        var manifest = new Manifest();
        foreach (var path in paths)
        {
            var files = Directory.Exists(path)
                ? Directory.GetFiles(path, "manifest.json", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToArray()
                : [path];
            if (files.Length == 0)
                throw new InputException($"{path}: no manifest.json below this folder.");
            foreach (var file in files)
                manifest.Add(file);
        }
        return manifest;
    }

    private void Add(string file)
    {
        if (!File.Exists(file))
            throw new InputException($"{file}: no such manifest.");
        AddText(File.ReadAllText(file), file);
    }

    private void AddText(string json, string file)
    {
        try
        {
            using var document = JsonDocument.Parse(json);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("resources", out var list) || list.ValueKind != JsonValueKind.Array)
                throw new InputException($"{file}: not a DslInfra manifest (no resources array).");
            foreach (var entry in list.EnumerateArray())
            {
                var address = entry.GetProperty("address").GetString()!;
                var source = entry.TryGetProperty("source", out var s) && s.ValueKind == JsonValueKind.Object ? s : default;
                var images = entry.TryGetProperty("images", out var i) && i.ValueKind == JsonValueKind.Array
                    ? i.EnumerateArray().Select(x => x.ValueKind == JsonValueKind.String ? x.GetString()! : x.GetProperty("name").GetString()!).ToList()
                    : [];
                resources[address] = new ManifestResource(
                    address,
                    entry.GetProperty("type").GetString()!,
                    entry.GetProperty("update").GetString()!,
                    entry.TryGetProperty("member", out var m) ? m.GetString() ?? "" : "",
                    source.ValueKind == JsonValueKind.Object ? source.GetProperty("file").GetString() : null,
                    source.ValueKind == JsonValueKind.Object ? source.GetProperty("line").GetInt32() : null,
                    images);
            }
            if (root.TryGetProperty("images", out var bakes) && bakes.ValueKind == JsonValueKind.Array)
                foreach (var image in bakes.EnumerateArray())
                    if (image.TryGetProperty("name", out var name) && image.TryGetProperty("hash", out var hash))
                        imageHashes[name.GetString()!] = hash.GetString()!;
        }
        catch (Exception exception) when (exception is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InputException($"{file}: not a valid DslInfra manifest ({exception.Message})");
        }
    }
}

/// <summary>Input the command cannot use: exit code 2.</summary>
internal sealed class InputException(string message) : Exception(message);
