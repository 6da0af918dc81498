using System.Text.Json;

namespace DslInfra.Cli.Review;

/// <summary>One resource as a DslInfra manifest.json describes it.</summary>
internal sealed record ManifestResource(string Address, string Type, string Update, string Member, string? File, int? Line, IReadOnlyList<string> Images)
{
    public bool ReplaceOnly => Update == ArtifactContract.Updates.ReplaceOnly;

    /// <summary>The model's edges from this resource (format 2; empty in a format-1 manifest).</summary>
    public IReadOnlyList<ManifestReference> References { get; init; } = [];
}

/// <summary>One edge of the model: <see cref="Argument"/> of the resource reads <see cref="To"/> (its <see cref="Attribute"/>); kind is value, depends_on or replace_triggered_by.</summary>
internal sealed record ManifestReference(string Argument, string To, string? Attribute, string Kind);

/// <summary>The resources of one or more manifests, by address.</summary>
internal sealed class Manifest
{
    private readonly Dictionary<string, ManifestResource> resources = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> imageHashes = new(StringComparer.Ordinal);
    private readonly List<ManifestStack> stacks = [];

    /// <summary>The stacks read, in order.</summary>
    public IReadOnlyList<ManifestStack> Stacks => stacks;

    public static Manifest Empty { get; } = new();

    public bool IsEmpty => resources.Count == 0;

    public ManifestResource? Find(string address) => resources.GetValueOrDefault(address);

    public IEnumerable<ManifestResource> Resources => resources.Values;

    private readonly List<ManifestImage> images = [];

    /// <summary>The images the stacks bake, in manifest order.</summary>
    public IReadOnlyList<ManifestImage> Images => images;

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
        if (new FileInfo(file).Length > MaxBytes)
            throw new InputException($"{file}: larger than {MaxBytes >> 20} MiB, dslinfra's limit for a manifest.");
        using var document = Plans.JsonChecks.Parse(File.ReadAllBytes(file), file);
        Add(document, file);
    }

    /// <summary>The largest manifest read; one stack's manifest is kilobytes.</summary>
    public const long MaxBytes = 64 << 20;

    private void AddText(string json, string file)
    {
        using var document = Plans.JsonChecks.Parse(json, file);
        Add(document, file);
    }

    private void Add(JsonDocument document, string file)
    {
        var root = document.RootElement;
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("resources", out var list) || list.ValueKind != JsonValueKind.Array)
            throw new InputException($"{file}: not a DslInfra manifest (no resources array).");
        var version = String(root, ArtifactContract.Keys.FormatVersion, file, ArtifactContract.Keys.FormatVersion);
        if (!ReadableVersions.Contains(version))
            throw new InputException($"{file}: manifest format_version {version} is not one this dslinfra reads ({string.Join(", ", ReadableVersions)}); use the dslinfra of the same DslInfra version.");
        var index = 0;
        foreach (var entry in list.EnumerateArray())
        {
            var where = $"resources[{index++}]";
            if (entry.ValueKind != JsonValueKind.Object)
                throw new InputException($"{file}: {where} is not an object.");
            var address = String(entry, "address", file, where)!;
            var source = entry.TryGetProperty("source", out var s) && s.ValueKind == JsonValueKind.Object ? s : default;
            var images = new List<string>();
            if (entry.TryGetProperty("images", out var i) && i.ValueKind == JsonValueKind.Array)
                foreach (var image in i.EnumerateArray())
                    images.Add(image.ValueKind == JsonValueKind.String ? image.GetString()! : String(image, "name", file, where + ".images")!);
            resources[address] = new ManifestResource(
                address,
                String(entry, "type", file, where)!,
                String(entry, "update", file, where)!,
                entry.TryGetProperty("member", out var m) && m.ValueKind == JsonValueKind.String ? m.GetString()! : "",
                source.ValueKind == JsonValueKind.Object ? String(source, "file", file, where + ".source") : null,
                source.ValueKind == JsonValueKind.Object ? Line(source, file, where + ".source") : null,
                images) { References = References(entry, file, where) };
        }
        if (root.TryGetProperty("images", out var bakes) && bakes.ValueKind == JsonValueKind.Array)
            foreach (var image in bakes.EnumerateArray())
                if (image.ValueKind == JsonValueKind.Object && image.TryGetProperty("name", out _) && image.TryGetProperty("hash", out _))
                {
                    var name = String(image, "name", file, "images")!;
                    imageHashes[name] = String(image, "hash", file, "images")!;
                    if (image.TryGetProperty(ArtifactContract.Keys.PublishedName, out _) && image.TryGetProperty(ArtifactContract.Keys.Template, out _))
                        images.Add(new ManifestImage(name, String(image, ArtifactContract.Keys.Kind, file, "images")!, String(image, ArtifactContract.Keys.PublishedName, file, "images")!,
                            String(image, ArtifactContract.Keys.Template, file, "images")!, Path.GetDirectoryName(Path.GetFullPath(file)) ?? ""));
                }
        stacks.Add(new ManifestStack(
            root.TryGetProperty("stack", out var stack) && stack.ValueKind == JsonValueKind.String ? stack.GetString()! : Path.GetFileName(Path.GetDirectoryName(file)) ?? "",
            Count(root, "variables"), Count(root, "outputs"), Strings(root, "reads_stacks"), Path.GetDirectoryName(Path.GetFullPath(file)) ?? "")
        {
            Environment = root.TryGetProperty(ArtifactContract.Keys.Environment, out var environment) && environment.ValueKind == JsonValueKind.String ? environment.GetString() : null,
            Environments = Strings(root, ArtifactContract.Keys.Environments),
        });
    }

    /// <summary>The manifest format the generator writes (the shared <see cref="ArtifactContract"/>).</summary>
    public const string FormatVersion = ArtifactContract.ManifestFormatVersion;

    /// <summary>The formats this dslinfra reads: the current one, and version 1 (no reference edges), which a diff against an older revision meets.</summary>
    private static readonly string[] ReadableVersions = ["1", FormatVersion];

    private static IReadOnlyList<ManifestReference> References(JsonElement entry, string file, string where)
    {
        if (!entry.TryGetProperty(ArtifactContract.Keys.References, out var list) || list.ValueKind == JsonValueKind.Null)
            return [];
        if (list.ValueKind != JsonValueKind.Array)
            throw new InputException($"{file}: {where}.references is not an array.");
        var found = new List<ManifestReference>();
        var index = 0;
        foreach (var edge in list.EnumerateArray())
        {
            var at = $"{where}.references[{index++}]";
            var attribute = edge.ValueKind == JsonValueKind.Object && edge.TryGetProperty(ArtifactContract.Keys.Attribute, out var a) && a.ValueKind == JsonValueKind.String ? a.GetString() : null;
            found.Add(new ManifestReference(String(edge, ArtifactContract.Keys.Argument, file, at)!, String(edge, ArtifactContract.Keys.To, file, at)!, attribute, String(edge, ArtifactContract.Keys.Kind, file, at)!));
        }
        return found;
    }

    private static string? String(JsonElement element, string property, string file, string where)
    {
        if (element.ValueKind != JsonValueKind.Object || !element.TryGetProperty(property, out var value))
            throw new InputException($"{file}: {where} has no \"{property}\".");
        return value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : throw new InputException($"{file}: {where}.{property} is {value.ValueKind.ToString().ToLowerInvariant()}, not a string.");
    }

    private static int? Line(JsonElement source, string file, string where)
    {
        if (!source.TryGetProperty("line", out var line) || line.ValueKind == JsonValueKind.Null)
            return null;
        return line.ValueKind == JsonValueKind.Number && line.TryGetInt32(out var number) && number > 0
            ? number
            : throw new InputException($"{file}: {where}.line is not a line number (a whole number from 1 to {int.MaxValue}).");
    }

    private static IReadOnlyList<string> Strings(JsonElement root, string property) =>
        root.TryGetProperty(property, out var list) && list.ValueKind == JsonValueKind.Array
            ? list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!).ToList()
            : [];

    private static int Count(JsonElement root, string property) =>
        root.TryGetProperty(property, out var list) && list.ValueKind == JsonValueKind.Array ? list.GetArrayLength() : 0;
}

/// <summary>An image a stack bakes: its kind (amazon-ebs, container), the content-addressed name it is published under, and its template (relative to <see cref="Folder"/>).</summary>
internal sealed record ManifestImage(string Name, string Kind, string PublishedName, string Template, string Folder);

/// <summary>One manifest's stack: its name, counts for summaries, the stacks whose outputs it reads, and its folder.</summary>
internal sealed record ManifestStack(string Name, int Variables, int Outputs, IReadOnlyList<string> ReadsStacks, string Folder)
{
    /// <summary>The environment this stack's artifacts are for (null for a stack without environments).</summary>
    public string? Environment { get; init; }

    /// <summary>Every environment of the stack, in deployment order.</summary>
    public IReadOnlyList<string> Environments { get; init; } = [];
}

/// <summary>Input the command cannot use: exit code 2.</summary>
internal sealed class InputException(string message) : Exception(message);
