using System.IO.Compression;
using System.Text.Json;

namespace DslInfra.Bindings.Schema;

/// <summary>What kind of Terraform object a schema describes; each is its own record family.</summary>
public enum SchemaKind
{
    /// <summary>A managed resource: <c>resource "aws_vpc" "main"</c>.</summary>
    Resource,

    /// <summary>A data source: <c>data "aws_ami" "web"</c>.</summary>
    DataSource,

    /// <summary>An ephemeral resource: <c>ephemeral "aws_secretsmanager_secret_version" "x"</c>.</summary>
    EphemeralResource,
}

/// <summary>One resource, data source or ephemeral resource type of a provider.</summary>
public sealed record TypeSchema(string Type, SchemaKind Kind, Block Block);

/// <summary>A block: its attributes and its nested block types, in the schema's order (sorted by name).</summary>
public sealed record Block(IReadOnlyList<AttributeSchema> Attributes, IReadOnlyList<BlockType> BlockTypes, string? Description, bool Deprecated);

/// <summary>An attribute (argument or exported attribute) of a block.</summary>
public sealed record AttributeSchema(
    string Name, CtyType Type, string? Description, bool Required, bool Optional, bool Computed, bool Sensitive, bool WriteOnly, bool Deprecated)
{
    /// <summary>Set by Terraform only, never by the author.</summary>
    public bool IsComputedOnly => Computed && !Required && !Optional;
}

/// <summary>How a nested block repeats.</summary>
public enum NestingMode
{
    /// <summary>At most one, written as an object.</summary>
    Single,

    /// <summary>Like single, but always present (Terraform fills an absent one with nulls).</summary>
    Group,

    /// <summary>An ordered list of blocks.</summary>
    List,

    /// <summary>An unordered set of blocks.</summary>
    Set,

    /// <summary>Blocks keyed by a label.</summary>
    Map,
}

/// <summary>A nested block type of a block.</summary>
public sealed record BlockType(string Name, NestingMode Nesting, Block Block, int MinItems, int MaxItems)
{
    /// <summary>Written once, as an object: single and group blocks, and lists or sets of at most one.</summary>
    public bool IsSingle => Nesting is NestingMode.Single or NestingMode.Group || Nesting is NestingMode.List or NestingMode.Set && MaxItems == 1;
}

/// <summary>The provider schemas of one `terraform providers schema -json` output.</summary>
public sealed record ProviderSchemaFile(IReadOnlyList<ProviderSchema> Providers)
{
    /// <summary>Reads the JSON (or its .gz): every provider in it, every type sorted by name.</summary>
    public static ProviderSchemaFile Read(string path)
    {
        using var file = File.OpenRead(path);
        using Stream stream = path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
        return Read(stream, path);
    }

    /// <summary>Reads the JSON from a stream; <paramref name="name"/> names it in errors.</summary>
    public static ProviderSchemaFile Read(Stream stream, string name)
    {
        try
        {
            using var document = JsonDocument.Parse(stream, new JsonDocumentOptions { MaxDepth = 512 });
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("provider_schemas", out var providers) || providers.ValueKind != JsonValueKind.Object)
                throw new SchemaException($"{name}: not the output of `terraform providers schema -json` (no provider_schemas object).");
            var list = new List<ProviderSchema>();
            foreach (var provider in ProviderSchema.Properties(providers, $"{name}: provider_schemas"))
                list.Add(ProviderSchema.From(provider.Name, provider.Value, name));
            return new ProviderSchemaFile(list);
        }
        catch (JsonException exception)
        {
            throw new SchemaException($"{name}: not valid JSON ({exception.Message.Split('\n')[0]}).");
        }
        catch (Exception exception) when (exception is InvalidOperationException or KeyNotFoundException or FormatException)
        {
            // A value of the wrong JSON kind somewhere (an array where an object belongs…): not a schema this reads.
            throw new SchemaException($"{name}: not the output of `terraform providers schema -json` ({exception.Message.Split('\n')[0]}).");
        }
    }
}

/// <summary>One provider's types.</summary>
public sealed record ProviderSchema(string Address, IReadOnlyList<TypeSchema> Types)
{
    /// <summary>The provider's local name: the last part of its address, e.g. <c>aws</c>.</summary>
    public string LocalName => Address.Split('/')[^1];

    internal static ProviderSchema From(string address, JsonElement schema, string file)
    {
        var types = new List<TypeSchema>();
        foreach (var (property, kind) in new[] { ("resource_schemas", SchemaKind.Resource), ("data_source_schemas", SchemaKind.DataSource), ("ephemeral_resource_schemas", SchemaKind.EphemeralResource) })
        {
            if (!schema.TryGetProperty(property, out var entries) || entries.ValueKind != JsonValueKind.Object)
                continue;
            foreach (var entry in Properties(entries, $"{file}: {property}"))
            {
                var where = $"{file}: {property}.{entry.Name}";
                if (!entry.Value.TryGetProperty("block", out var block))
                    throw new SchemaException($"{where} has no block.");
                types.Add(new TypeSchema(entry.Name, kind, ReadBlock(block, where)));
            }
        }
        return new ProviderSchema(address, types);
    }

    /// <summary>A provider's configuration block: the <c>{"version":0,"block":{…}}</c> that <c>terraform providers schema -json</c> prints under <c>provider</c>.</summary>
    public static Block ReadConfiguration(Stream stream, string name)
    {
        try
        {
            using var document = JsonDocument.Parse(stream, new JsonDocumentOptions { MaxDepth = 512 });
            if (document.RootElement.ValueKind != JsonValueKind.Object || !document.RootElement.TryGetProperty("block", out var block))
                throw new SchemaException($"{name}: not a provider configuration schema (no block).");
            return ReadBlock(block, name);
        }
        catch (JsonException exception)
        {
            throw new SchemaException($"{name}: not valid JSON ({exception.Message.Split('\n')[0]}).");
        }
    }

    private static Block ReadBlock(JsonElement block, string where)
    {
        var attributes = new List<AttributeSchema>();
        if (block.TryGetProperty("attributes", out var attributeMap))
        {
            foreach (var attribute in Properties(attributeMap, $"{where}.attributes"))
            {
                var a = attribute.Value;
                var type = a.TryGetProperty("type", out var cty) ? CtyType.Parse(cty, $"{where}.{attribute.Name}")
                    : a.TryGetProperty("nested_type", out var nested) ? CtyType.FromNested(nested, $"{where}.{attribute.Name}")
                    : throw new SchemaException($"{where}.{attribute.Name} has no type.");
                attributes.Add(new AttributeSchema(attribute.Name, type, Text(a, "description"),
                    Flag(a, "required"), Flag(a, "optional"), Flag(a, "computed"), Flag(a, "sensitive"), Flag(a, "write_only"), Flag(a, "deprecated")));
            }
        }
        var blockTypes = new List<BlockType>();
        if (block.TryGetProperty("block_types", out var blockMap))
        {
            foreach (var nested in Properties(blockMap, $"{where}.block_types"))
            {
                var b = nested.Value;
                var mode = Text(b, "nesting_mode") switch
                {
                    "single" => NestingMode.Single,
                    "group" => NestingMode.Group,
                    "list" => NestingMode.List,
                    "set" => NestingMode.Set,
                    "map" => NestingMode.Map,
                    var other => throw new SchemaException($"{where}.{nested.Name}: unknown nesting_mode '{other}'."),
                };
                blockTypes.Add(new BlockType(nested.Name, mode, ReadBlock(b.GetProperty("block"), $"{where}.{nested.Name}"),
                    Number(b, "min_items"), Number(b, "max_items")));
            }
        }
        return new Block(attributes, blockTypes, Text(block, "description"), Flag(block, "deprecated"));
    }

    /// <summary>
    /// An object's members in name order. JSON allows a key twice, and readers disagree on which one counts: a schema
    /// that names a type, attribute or block twice is refused rather than read one way.
    /// </summary>
    internal static IEnumerable<JsonProperty> Properties(JsonElement map, string where)
    {
        if (map.ValueKind != JsonValueKind.Object)
            throw new SchemaException($"{where} is not an object.");
        var members = map.EnumerateObject().OrderBy(m => m.Name, StringComparer.Ordinal).ToList();
        for (var i = 1; i < members.Count; i++)
            if (members[i].Name == members[i - 1].Name)
                throw new SchemaException($"{where} has '{members[i].Name}' twice.");
        return members;
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static bool Flag(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.True;

    private static int Number(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) ? number : 0;
}

/// <summary>A schema file that cannot be read.</summary>
public sealed class SchemaException(string message) : Exception(message);
