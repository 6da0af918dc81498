using System.IO.Compression;
using System.Text.Json.Nodes;
using Google.Protobuf;
using Tfplugin6;

namespace DslInfra.Offline.Schemas;

/// <summary>
/// One provider's schema, from the dumps DslInfra ships (<c>terraform providers schema -json</c>, vendored in
/// src/DslInfra.Providers/schemas with their provenance) and its configuration block (<c>&lt;provider&gt;.provider.json</c>).
/// </summary>
internal sealed class ProviderSchema
{
    /// <summary>The providers whose schemas ship with DslInfra, by local name.</summary>
    public static readonly IReadOnlyList<string> Bundled = new[] { "aws", "azurerm", "google", "kubernetes" };

    private ProviderSchema(string name, string version, BlockSchema provider,
        Dictionary<string, (long Version, BlockSchema Block)> resources,
        Dictionary<string, (long Version, BlockSchema Block)> dataSources,
        Dictionary<string, (long Version, BlockSchema Block)> ephemeral)
    {
        Name = name;
        Version = version;
        Provider = provider;
        Resources = resources;
        DataSources = dataSources;
        Ephemeral = ephemeral;
    }

    public string Name { get; }

    public string Version { get; }

    public BlockSchema Provider { get; }

    public IReadOnlyDictionary<string, (long Version, BlockSchema Block)> Resources { get; }

    public IReadOnlyDictionary<string, (long Version, BlockSchema Block)> DataSources { get; }

    public IReadOnlyDictionary<string, (long Version, BlockSchema Block)> Ephemeral { get; }

    /// <summary>The source address Terraform knows the provider by.</summary>
    public string Address => "registry.terraform.io/hashicorp/" + Name;

    /// <summary>Loads a bundled provider's schema from this assembly's resources.</summary>
    public static ProviderSchema LoadBundled(string name)
    {
        var assembly = typeof(ProviderSchema).Assembly;
        using var compressed = assembly.GetManifestResourceStream($"schemas/{name}.schema.json.gz")
            ?? throw new ArgumentException($"no schema ships for provider '{name}'; bundled: {string.Join(", ", Bundled)}");
        using var schema = new GZipStream(compressed, CompressionMode.Decompress);
        using var configuration = assembly.GetManifestResourceStream($"schemas/{name}.provider.json");
        return Load(name, schema, configuration);
    }

    /// <summary>Reads a dump (and optionally the configuration block); throws <see cref="FormatException"/> on anything else.</summary>
    public static ProviderSchema Load(string name, Stream schema, Stream? configuration)
    {
        var root = JsonNode.Parse(schema) as JsonObject ?? throw new FormatException("not a provider schema dump");
        var providers = root["provider_schemas"] as JsonObject ?? throw new FormatException("no provider_schemas in the dump");
        var (address, node) = providers.FirstOrDefault(p => p.Key.EndsWith("/" + name, StringComparison.Ordinal));
        if (node is not JsonObject provider)
            throw new FormatException($"the dump has no provider '{name}'");
        var version = (string?)root["provider_versions"]?[address] ?? "";
        var configBlock = configuration is null ? null : (JsonNode.Parse(configuration) as JsonObject)?["block"] as JsonObject;
        return new ProviderSchema(name, version, BlockSchema.Parse(configBlock ?? provider["provider"]?["block"] as JsonObject),
            Types(provider["resource_schemas"]), Types(provider["data_source_schemas"]), Types(provider["ephemeral_resource_schemas"]));
    }

    private static Dictionary<string, (long, BlockSchema)> Types(JsonNode? node)
    {
        var types = new Dictionary<string, (long, BlockSchema)>(StringComparer.Ordinal);
        foreach (var (type, schema) in node as JsonObject ?? new JsonObject())
            types[type] = ((long?)schema?["version"] ?? 0, BlockSchema.Parse(schema?["block"] as JsonObject));
        return types;
    }

    /// <summary>GetProviderSchema's answer; built once, as it is large (the aws one is about 2 MB).</summary>
    public GetProviderSchema.Types.Response ToProtocol()
    {
        var response = new GetProviderSchema.Types.Response
        {
            Provider = new Schema { Block = ToProtocol(Provider) },
            ServerCapabilities = Capabilities,
        };
        foreach (var (type, (version, block)) in Resources)
            response.ResourceSchemas[type] = new Schema { Version = version, Block = ToProtocol(block) };
        foreach (var (type, (version, block)) in DataSources)
            response.DataSourceSchemas[type] = new Schema { Version = version, Block = ToProtocol(block) };
        foreach (var (type, (version, block)) in Ephemeral)
            response.EphemeralResourceSchemas[type] = new Schema { Version = version, Block = ToProtocol(block) };
        return response;
    }

    /// <summary>What the server can do: plan a destroy (so the gate sees it) and answer without GetProviderSchema being cached.</summary>
    public static ServerCapabilities Capabilities => new() { PlanDestroy = true };

    private static Schema.Types.Block ToProtocol(BlockSchema block)
    {
        var result = new Schema.Types.Block { Deprecated = block.Deprecated };
        foreach (var attribute in block.Attributes.Values.OrderBy(a => a.Name, StringComparer.Ordinal))
            result.Attributes.Add(ToProtocol(attribute));
        foreach (var nested in block.Blocks.Values.OrderBy(b => b.Name, StringComparer.Ordinal))
            result.BlockTypes.Add(new Schema.Types.NestedBlock
            {
                TypeName = nested.Name,
                Block = ToProtocol(nested.Block),
                Nesting = nested.Nesting switch
                {
                    "single" => Schema.Types.NestedBlock.Types.NestingMode.Single,
                    "group" => Schema.Types.NestedBlock.Types.NestingMode.Group,
                    "set" => Schema.Types.NestedBlock.Types.NestingMode.Set,
                    "map" => Schema.Types.NestedBlock.Types.NestingMode.Map,
                    _ => Schema.Types.NestedBlock.Types.NestingMode.List,
                },
                MinItems = nested.MinItems,
                MaxItems = nested.MaxItems,
            });
        return result;
    }

    private static Schema.Types.Attribute ToProtocol(AttributeSchema attribute)
    {
        var result = new Schema.Types.Attribute
        {
            Name = attribute.Name,
            Required = attribute.Required,
            Optional = attribute.Optional,
            Computed = attribute.Computed,
            Sensitive = attribute.Sensitive,
            Deprecated = attribute.Deprecated,
            WriteOnly = attribute.WriteOnly,
        };
        if (attribute.Nested is { } nested)
        {
            var obj = new Schema.Types.Object
            {
                Nesting = nested.Nesting switch
                {
                    "list" => Schema.Types.Object.Types.NestingMode.List,
                    "set" => Schema.Types.Object.Types.NestingMode.Set,
                    "map" => Schema.Types.Object.Types.NestingMode.Map,
                    _ => Schema.Types.Object.Types.NestingMode.Single,
                },
            };
            foreach (var inner in nested.Attributes.Values.OrderBy(a => a.Name, StringComparer.Ordinal))
                obj.Attributes.Add(ToProtocol(inner));
            result.NestedType = obj;
        }
        else
        {
            result.Type = ByteString.CopyFrom(attribute.Type.ToJsonBytes());
        }
        return result;
    }
}
