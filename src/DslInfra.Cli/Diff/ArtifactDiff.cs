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

internal sealed record DiffResult(string Before, string After, IReadOnlyList<string> StacksAdded, IReadOnlyList<string> StacksRemoved, IReadOnlyList<ResourceDiff> Resources, IReadOnlyList<ImageDiff> Images, IReadOnlyList<BlastCause> BlastRadius)
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
        var blastRadius = new List<BlastCause>();
        foreach (var stack in before.Stacks.Keys.Union(after.Stacks.Keys).Order(StringComparer.Ordinal))
        {
            var old = before.Stacks.GetValueOrDefault(stack);
            var @new = after.Stacks.GetValueOrDefault(stack);
            var oldResources = old is null ? [] : StackConfiguration.Read(old.Terraform, $"{before.Label}/{stack}").Blocks;
            var configuration = @new is null ? null : StackConfiguration.Read(@new.Terraform, $"{after.Label}/{stack}");
            var newResources = configuration?.Blocks ?? [];
            var firstChange = resources.Count;
            var firstImage = images.Count;
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
            if (configuration is not null)
                blastRadius.AddRange(Diff.BlastRadius.Of(stack, configuration, resources[firstChange..], images[firstImage..]));
        }
        return new DiffResult(
            before.Label,
            after.Label,
            after.Stacks.Keys.Except(before.Stacks.Keys).Order(StringComparer.Ordinal).ToList(),
            before.Stacks.Keys.Except(after.Stacks.Keys).Order(StringComparer.Ordinal).ToList(),
            resources,
            images,
            blastRadius);
    }

    private static ResourceDiff Changed(string stack, string address, JsonElement was, JsonElement now, bool replaceOnly)
    {
        if (address.StartsWith("module.", StringComparison.Ordinal) || address.StartsWith("local.", StringComparison.Ordinal)
            || address.StartsWith("check.", StringComparison.Ordinal) || StackConfiguration.IsStateBlock(address))
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
