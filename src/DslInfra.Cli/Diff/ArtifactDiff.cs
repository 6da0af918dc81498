using System.Text.Json;

namespace DslInfra.Cli.Diff;

/// <summary>How a resource's generated configuration changed between two artifact sets.</summary>
internal enum ResourceDiffKind
{
    Added,
    Removed,
    Replaced,
    ChangedInPlace,

    /// <summary>A data source whose arguments changed: Terraform reads it again; nothing is changed.</summary>
    ReRead,
}

internal sealed record ResourceDiff(string Stack, string Address, ResourceDiffKind Kind, IReadOnlyList<string> ChangedArguments, string? Why);

internal sealed record ImageDiff(string Stack, string Image, string? Before, string? After);

internal sealed record DiffResult(string Before, string After, IReadOnlyList<string> StacksAdded, IReadOnlyList<string> StacksRemoved, IReadOnlyList<ResourceDiff> Resources, IReadOnlyList<ImageDiff> Images)
{
    public bool IsEmpty => StacksAdded.Count == 0 && StacksRemoved.Count == 0 && Resources.Count == 0 && Images.Count == 0;
}

/// <summary>Compares two artifact sets by meaning (parsed JSON, key order and formatting ignored), not bytes.</summary>
internal static class ArtifactDiff
{
    public static DiffResult Compare(ArtifactSet before, ArtifactSet after)
    {
        var resources = new List<ResourceDiff>();
        var images = new List<ImageDiff>();
        foreach (var stack in before.Stacks.Keys.Union(after.Stacks.Keys).Order(StringComparer.Ordinal))
        {
            var old = before.Stacks.GetValueOrDefault(stack);
            var @new = after.Stacks.GetValueOrDefault(stack);
            var oldResources = old is null ? [] : Resources(old.Terraform, $"{before.Label}/{stack}");
            var newResources = @new is null ? [] : Resources(@new.Terraform, $"{after.Label}/{stack}");
            var oldManifest = Review.Manifest.Parse(old?.Manifest, $"{before.Label}/{stack}/manifest.json");
            var newManifest = Review.Manifest.Parse(@new?.Manifest, $"{after.Label}/{stack}/manifest.json");
            var replaceOnly = newManifest.Resources.Where(r => r.ReplaceOnly).Select(r => r.Address).ToHashSet(StringComparer.Ordinal);
            foreach (var address in oldResources.Keys.Union(newResources.Keys).Order(StringComparer.Ordinal))
            {
                var was = oldResources.GetValueOrDefault(address);
                var now = newResources.GetValueOrDefault(address);
                if (was.ValueKind == JsonValueKind.Undefined)
                    resources.Add(new ResourceDiff(stack, address, ResourceDiffKind.Added, [], null));
                else if (now.ValueKind == JsonValueKind.Undefined)
                    resources.Add(new ResourceDiff(stack, address, ResourceDiffKind.Removed, [], null));
                else if (!JsonMeaning.Equal(was, now))
                    resources.Add(Changed(stack, address, was, now, replaceOnly.Contains(address)));
            }
            images.AddRange(ImageChanges(stack, oldManifest.ImageHashes, newManifest.ImageHashes));
        }
        return new DiffResult(
            before.Label,
            after.Label,
            after.Stacks.Keys.Except(before.Stacks.Keys).Order(StringComparer.Ordinal).ToList(),
            before.Stacks.Keys.Except(after.Stacks.Keys).Order(StringComparer.Ordinal).ToList(),
            resources,
            images);
    }

    private static ResourceDiff Changed(string stack, string address, JsonElement was, JsonElement now, bool replaceOnly)
    {
        if (address.StartsWith("module.", StringComparison.Ordinal) || address.StartsWith("local.", StringComparison.Ordinal)
            || address.StartsWith("check.", StringComparison.Ordinal) || address.Contains(' '))
            return new ResourceDiff(stack, address, ResourceDiffKind.ChangedInPlace,
                was.ValueKind == JsonValueKind.Object && now.ValueKind == JsonValueKind.Object ? ChangedNames(was, now) : [], null);
        var changed = ChangedNames(was, now);
        if (address.StartsWith("data.", StringComparison.Ordinal))
            return new ResourceDiff(stack, address, ResourceDiffKind.ReRead, changed, null);
        var type = address.StartsWith("ephemeral.", StringComparison.Ordinal) ? address.Split('.')[1] : address.Split('.')[0];
        var flags = new Dictionary<string, bool> { ["user_data_replace_on_change"] = Get(now, "user_data_replace_on_change").ValueKind == JsonValueKind.True };
        var forcing = ReplacementRules.Forcing(type, changed, flags);
        if (replaceOnly)
            return new ResourceDiff(stack, address, ResourceDiffKind.Replaced, changed, "it is replace-only: any change replaces it");
        if (forcing.Count > 0)
            return new ResourceDiff(stack, address, ResourceDiffKind.Replaced, changed, $"{string.Join(", ", forcing)} changed, which forces replacement");
        return new ResourceDiff(stack, address, ResourceDiffKind.ChangedInPlace, changed, null);
    }

    /// <summary>The arguments (object keys) whose values differ by meaning, in ordinal order.</summary>
    private static List<string> ChangedNames(JsonElement was, JsonElement now) =>
        was.EnumerateObject().Select(p => p.Name).Union(now.EnumerateObject().Select(p => p.Name))
            .Where(name => !JsonMeaning.Equal(Get(was, name), Get(now, name)))
            .Order(StringComparer.Ordinal).ToList();

    private static JsonElement Get(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) ? value : default;

    /// <summary>Resources and data sources by address; a file that is not Terraform JSON is bad input.</summary>
    private static Dictionary<string, JsonElement> Resources(string terraform, string where)
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
        Blocks(root, file, found);
        return found;
    }

    /// <summary>
    /// The rest of the language, so that a review sees it change too: module calls, locals and checks by name, and
    /// import, moved and removed blocks by the address they name (<c>moved aws_subnet.a</c>).
    /// </summary>
    private static void Blocks(JsonElement root, string file, Dictionary<string, JsonElement> found)
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

    /// <summary>Images whose content hash changed (a rebuild), from the manifests' "images" sections when present.</summary>
    private static IEnumerable<ImageDiff> ImageChanges(string stack, IReadOnlyDictionary<string, string> was, IReadOnlyDictionary<string, string> now)
    {
        foreach (var name in was.Keys.Union(now.Keys).Order(StringComparer.Ordinal))
        {
            var (old, @new) = (was.GetValueOrDefault(name), now.GetValueOrDefault(name));
            if (old != @new)
                yield return new ImageDiff(stack, name, old, @new);
        }
    }
}

/// <summary>JSON equality by meaning: object key order and number spelling do not matter.</summary>
internal static class JsonMeaning
{
    public static bool Equal(JsonElement a, JsonElement b)
    {
        if (a.ValueKind != b.ValueKind)
            return false;
        switch (a.ValueKind)
        {
            case JsonValueKind.Object:
                var left = a.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
                var right = b.EnumerateObject().ToDictionary(p => p.Name, p => p.Value, StringComparer.Ordinal);
                return left.Count == right.Count && left.All(p => right.TryGetValue(p.Key, out var other) && Equal(p.Value, other));
            case JsonValueKind.Array:
                return a.GetArrayLength() == b.GetArrayLength() && a.EnumerateArray().Zip(b.EnumerateArray()).All(pair => Equal(pair.First, pair.Second));
            case JsonValueKind.String:
                return a.GetString() == b.GetString();
            case JsonValueKind.Number:
                return a.TryGetDecimal(out var x) && b.TryGetDecimal(out var y) ? x == y : a.GetRawText() == b.GetRawText();
            default:
                return true;
        }
    }
}
