using System.Text.Json.Nodes;
using DslInfra.Offline.Values;

namespace DslInfra.Offline.Schemas;

/// <summary>One attribute of a block, as <c>terraform providers schema -json</c> describes it.</summary>
internal sealed record AttributeSchema(
    string Name,
    CtyType Type,
    bool Required,
    bool Optional,
    bool Computed,
    bool Sensitive,
    bool Deprecated,
    bool WriteOnly,
    NestedAttributes? Nested);

/// <summary>An attribute made of attributes (<c>nested_type</c>), nested single, list, set or map.</summary>
internal sealed record NestedAttributes(string Nesting, IReadOnlyDictionary<string, AttributeSchema> Attributes);

/// <summary>A nested block type: its nesting (single, group, list, set, map) and item limits.</summary>
internal sealed record NestedBlockSchema(string Name, string Nesting, BlockSchema Block, long MinItems, long MaxItems);

/// <summary>A block of a resource, data source, ephemeral resource or provider configuration, and the value type it implies.</summary>
internal sealed class BlockSchema
{
    public BlockSchema(IReadOnlyDictionary<string, AttributeSchema> attributes, IReadOnlyDictionary<string, NestedBlockSchema> blocks, bool deprecated)
    {
        Attributes = attributes;
        Blocks = blocks;
        Deprecated = deprecated;
        Type = new CtyType.Object(attributes.Values.Select(a => KeyValuePair.Create(a.Name, a.Type))
            .Concat(blocks.Values.Select(b => KeyValuePair.Create(b.Name, BlockType(b))))
            .ToDictionary(p => p.Key, p => p.Value, StringComparer.Ordinal));
    }

    public IReadOnlyDictionary<string, AttributeSchema> Attributes { get; }

    public IReadOnlyDictionary<string, NestedBlockSchema> Blocks { get; }

    public bool Deprecated { get; }

    /// <summary>The object type of the block's values (Terraform's "implied type").</summary>
    public CtyType.Object Type { get; }

    public static BlockSchema Parse(JsonObject? block, int depth = 0)
    {
        if (depth > 32)
            throw new FormatException("schema nested more than 32 blocks deep");
        var attributes = new Dictionary<string, AttributeSchema>(StringComparer.Ordinal);
        foreach (var (name, node) in block?["attributes"] as JsonObject ?? new JsonObject())
            attributes[name] = ParseAttribute(name, (JsonObject)node!, depth);
        var blocks = new Dictionary<string, NestedBlockSchema>(StringComparer.Ordinal);
        foreach (var (name, node) in block?["block_types"] as JsonObject ?? new JsonObject())
        {
            var nested = (JsonObject)node!;
            blocks[name] = new NestedBlockSchema(name, (string?)nested["nesting_mode"] ?? "list", Parse(nested["block"] as JsonObject, depth + 1),
                (long?)nested["min_items"] ?? 0, (long?)nested["max_items"] ?? 0);
        }
        return new BlockSchema(attributes, blocks, Flag(block, "deprecated"));
    }

    private static AttributeSchema ParseAttribute(string name, JsonObject node, int depth)
    {
        NestedAttributes? nested = null;
        CtyType type;
        if (node["nested_type"] is JsonObject nestedType)
        {
            var inner = new Dictionary<string, AttributeSchema>(StringComparer.Ordinal);
            foreach (var (innerName, innerNode) in nestedType["attributes"] as JsonObject ?? new JsonObject())
                inner[innerName] = ParseAttribute(innerName, (JsonObject)innerNode!, depth + 1);
            nested = new NestedAttributes((string?)nestedType["nesting_mode"] ?? "single", inner);
            var element = new CtyType.Object(inner.ToDictionary(a => a.Key, a => a.Value.Type, StringComparer.Ordinal));
            type = nested.Nesting == "single" ? element : new CtyType.Collection(nested.Nesting, element);
        }
        else
        {
            type = CtyType.Parse(node["type"]);
        }
        return new AttributeSchema(name, type, Flag(node, "required"), Flag(node, "optional"), Flag(node, "computed"),
            Flag(node, "sensitive"), Flag(node, "deprecated"), Flag(node, "write_only"), nested);
    }

    private static bool Flag(JsonObject? node, string name) => node?[name] is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;

    /// <summary>
    /// A nested block's value type. As Terraform's own, a list or map of blocks that hold a dynamic attribute is
    /// itself dynamic (its elements may differ in type).
    /// </summary>
    private static CtyType BlockType(NestedBlockSchema block) => block.Nesting switch
    {
        "single" or "group" => block.Block.Type,
        "set" => new CtyType.Collection("set", block.Block.Type),
        _ when HasDynamic(block.Block.Type) => CtyType.Dynamic,
        "map" => new CtyType.Collection("map", block.Block.Type),
        _ => new CtyType.Collection("list", block.Block.Type),
    };

    private static bool HasDynamic(CtyType type) => type switch
    {
        CtyType.Primitive { Name: "dynamic" } => true,
        CtyType.Collection collection => HasDynamic(collection.Element),
        CtyType.Object obj => obj.Attributes.Values.Any(HasDynamic),
        CtyType.Tuple tuple => tuple.Elements.Any(HasDynamic),
        _ => false,
    };
}
