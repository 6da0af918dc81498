using System.Text.Json;

namespace DslInfra.Cli.Diff;

/// <summary>
/// One stack's generated Terraform as blocks by address (resources, data sources, ephemeral resources, module calls,
/// locals, checks, and import/moved/removed blocks by the address they name) and the references between them.
/// </summary>
internal sealed class StackConfiguration
{
    private List<Reference>? references;

    private readonly string file;

    private StackConfiguration(Dictionary<string, JsonElement> blocks, string file)
    {
        Blocks = blocks;
        this.file = file;
    }

    /// <summary>Blocks by address; a key with a space (<c>moved aws_subnet.a</c>) is a state block.</summary>
    public Dictionary<string, JsonElement> Blocks { get; }

    /// <summary>Every reference from one declared block to another (not to itself), in declaration order.</summary>
    public IReadOnlyList<Reference> References => references ??= FindReferences();

    /// <summary>Whether the key names an import, moved or removed block rather than a block of its own.</summary>
    public static bool IsStateBlock(string address) =>
        address.StartsWith("import ", StringComparison.Ordinal) || address.StartsWith("moved ", StringComparison.Ordinal) || address.StartsWith("removed ", StringComparison.Ordinal);

    /// <summary>The type of a resource, data source or ephemeral resource address (null for the rest).</summary>
    public static string? TypeOf(string address)
    {
        var parts = address.Split('.');
        return parts[0] switch
        {
            "data" or "ephemeral" when parts.Length >= 3 => parts[1],
            "module" or "local" or "check" or "var" => null,
            _ when IsStateBlock(address) => null,
            _ when parts.Length >= 2 => parts[0],
            _ => null,
        };
    }

    private List<Reference> FindReferences()
    {
        var found = new List<Reference>();
        foreach (var (address, body) in Blocks)
        {
            if (IsStateBlock(address) || address.StartsWith("check.", StringComparison.Ordinal))
                continue; // state blocks and checks name addresses; nothing depends on them
            List<Reference> references;
            try
            {
                references = Diff.References.In(address, body);
            }
            catch (Review.InputException exception)
            {
                throw new Review.InputException($"{file}: {Output.Printable.Of(address)}: {exception.Message}");
            }
            foreach (var reference in references)
                if (reference.To != address && Blocks.ContainsKey(reference.To))
                    found.Add(reference);
        }
        return found;
    }

    /// <summary>Reads a stack's main.tf.json; a file that is not Terraform JSON is bad input.</summary>
    public static StackConfiguration Read(string terraform, string where)
    {
        var found = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        var file = $"{where}/main.tf.json";
        var root = Plans.JsonChecks.Parse(terraform, file).RootElement;
        if (root.ValueKind != JsonValueKind.Object)
            throw new Review.InputException($"{file}: not Terraform JSON (the root is {Kind(root)}, not an object).");
        foreach (var (block, prefix) in new[] { ("resource", ""), ("data", "data."), ("ephemeral", "ephemeral.") })
        {
            if (!root.TryGetProperty(block, out var types))
                continue;
            if (types.ValueKind != JsonValueKind.Object)
                throw new Review.InputException($"{file}: \"{block}\" is {Kind(types)}, not an object of types.");
            foreach (var type in types.EnumerateObject())
            {
                if (type.Value.ValueKind != JsonValueKind.Object)
                    throw new Review.InputException($"{file}: {block}.{type.Name} is {Kind(type.Value)}, not an object of names.");
                foreach (var resource in type.Value.EnumerateObject())
                {
                    if (resource.Value.ValueKind != JsonValueKind.Object)
                        throw new Review.InputException($"{file}: {block}.{type.Name}.{resource.Name} is {Kind(resource.Value)}; DslInfra writes each body as one object.");
                    found[$"{prefix}{type.Name}.{resource.Name}"] = resource.Value;
                }
            }
        }
        Named(root, file, found);
        return new StackConfiguration(found, file);
    }

    /// <summary>
    /// The rest of the language, so that a review sees it change too: module calls, locals and checks by name, and
    /// import, moved and removed blocks by the address they name (<c>moved aws_subnet.a</c>).
    /// </summary>
    private static void Named(JsonElement root, string file, Dictionary<string, JsonElement> found)
    {
        foreach (var (block, prefix) in new[] { ("module", "module."), ("locals", "local."), ("check", "check.") })
        {
            if (!root.TryGetProperty(block, out var named))
                continue;
            if (named.ValueKind != JsonValueKind.Object)
                throw new Review.InputException($"{file}: \"{block}\" is {Kind(named)}, not an object of names.");
            foreach (var entry in named.EnumerateObject())
                found[prefix + entry.Name] = entry.Value;
        }
        foreach (var (block, key) in new[] { ("import", "to"), ("moved", "from"), ("removed", "from") })
        {
            if (!root.TryGetProperty(block, out var list))
                continue;
            if (list.ValueKind != JsonValueKind.Array)
                throw new Review.InputException($"{file}: \"{block}\" is {Kind(list)}, not an array of blocks.");
            foreach (var entry in list.EnumerateArray())
            {
                if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty(key, out var address) || address.ValueKind != JsonValueKind.String)
                    throw new Review.InputException($"{file}: each \"{block}\" block is an object with a \"{key}\" address.");
                found[$"{block} {address.GetString()}"] = entry;
            }
        }
    }

    private static string Kind(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Array => "an array",
        JsonValueKind.Object => "an object",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.Null => "null",
        _ => element.ValueKind.ToString().ToLowerInvariant(),
    };
}
