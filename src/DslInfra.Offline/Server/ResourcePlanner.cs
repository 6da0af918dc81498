using DslInfra.Catalog;
using DslInfra.Offline.Schemas;
using DslInfra.Offline.Values;
using Tfplugin6;

namespace DslInfra.Offline.Server;

/// <summary>
/// Plans a resource as a provider would from its schema alone: what the provider computes is unknown until apply,
/// write-only values are never kept, and a change to an argument the type catalog knows forces replacement (or any
/// change, for a replace-only type) is planned as a replacement.
/// </summary>
internal static class ResourcePlanner
{
    public static (object? Planned, List<AttributePath> RequiresReplace) Plan(string type, BlockSchema schema, object? prior, object? proposed) =>
        PlanWithDefaults(type, schema, prior, proposed) is var (planned, replace, _) ? (planned, replace) : default;

    /// <summary>As <see cref="Plan"/>, and whether provider defaults were filled in (the answer must then say legacy_type_system).</summary>
    public static (object? Planned, List<AttributePath> RequiresReplace, bool FilledDefaults) PlanWithDefaults(string type, BlockSchema schema, object? prior, object? proposed)
    {
        var replace = new List<AttributePath>();
        if (proposed is null)
            return (null, replace, false); // destroy
        var creating = prior is null;
        var planned = Block(schema, prior as Dictionary<string, object?>, (Dictionary<string, object?>)proposed, creating);
        PlanTimeValues.Apply(type, (Dictionary<string, object?>)proposed, planned);
        var filled = ProviderDefaults.Apply(type, schema, planned);
        if (!creating)
        {
            var before = (Dictionary<string, object?>)prior!;
            var changed = schema.Attributes.Keys.Concat(schema.Blocks.Keys)
                .Where(name => !Equal(before.GetValueOrDefault(name), planned.GetValueOrDefault(name)))
                .OrderBy(n => n, StringComparer.Ordinal).ToList();
            foreach (var name in changed)
                if (TypeCatalog.ReplaceOnly.Contains(type) && !IsComputedOnly(schema, name) || TypeCatalog.ForcesReplacementOf(type, name))
                    replace.Add(new AttributePath { Steps = { new AttributePath.Types.Step { AttributeName = name } } });
            // A versioned type gains a version with any in-place change: what follows "the latest" follows it.
            if (changed.Count > 0 && replace.Count == 0 && TypeCatalog.Versioned.TryGetValue(type, out var versioned))
                foreach (var name in versioned.Where(schema.Attributes.ContainsKey))
                    planned[name] = CtyValue.Unknown.Instance;
        }
        return (planned, replace, filled);
    }

    private static bool IsComputedOnly(BlockSchema schema, string name) =>
        schema.Attributes.TryGetValue(name, out var attribute) && attribute.Computed && !attribute.Optional && !attribute.Required;

    private static Dictionary<string, object?> Block(BlockSchema schema, Dictionary<string, object?>? prior, Dictionary<string, object?> proposed, bool creating)
    {
        var planned = new Dictionary<string, object?>(proposed, StringComparer.Ordinal);
        foreach (var attribute in schema.Attributes.Values)
        {
            var value = proposed.GetValueOrDefault(attribute.Name);
            if (attribute.WriteOnly)
                planned[attribute.Name] = null;
            else if (value is null && attribute.Computed)
                planned[attribute.Name] = creating || prior is null ? CtyValue.Unknown.Instance : prior.GetValueOrDefault(attribute.Name);
            else if (attribute.Nested is { } nested && value is not null and not CtyValue.Unknown)
                planned[attribute.Name] = Each(value, nested.Nesting, item => Nested(nested, item, creating));
        }
        foreach (var block in schema.Blocks.Values)
        {
            var value = proposed.GetValueOrDefault(block.Name);
            if (value is not null and not CtyValue.Unknown)
                planned[block.Name] = Each(value, block.Nesting, item => Block(block.Block, null, item, creating));
        }
        return planned;
    }

    private static Dictionary<string, object?> Nested(NestedAttributes nested, Dictionary<string, object?> item, bool creating)
    {
        var planned = new Dictionary<string, object?>(item, StringComparer.Ordinal);
        foreach (var attribute in nested.Attributes.Values)
            if (item.GetValueOrDefault(attribute.Name) is null && attribute.Computed && creating)
                planned[attribute.Name] = CtyValue.Unknown.Instance;
            else if (attribute.WriteOnly)
                planned[attribute.Name] = null;
        return planned;
    }

    /// <summary>Applies <paramref name="plan"/> to each object of a single, list, set or map of them.</summary>
    private static object? Each(object value, string nesting, Func<Dictionary<string, object?>, Dictionary<string, object?>> plan) => value switch
    {
        Dictionary<string, object?> obj when nesting is "single" or "group" => plan(obj),
        Dictionary<string, object?> map => map.ToDictionary(e => e.Key, e => e.Value is Dictionary<string, object?> item ? plan(item) : e.Value, StringComparer.Ordinal),
        List<object?> list => list.Select(i => i is Dictionary<string, object?> item ? plan(item) : i).ToList(),
        _ => value,
    };

    /// <summary>Whether two values are the same (an unknown equals nothing).</summary>
    public static bool Equal(object? a, object? b) => (a, b) switch
    {
        (null, null) => true,
        (CtyValue.Unknown, _) or (_, CtyValue.Unknown) => false,
        (List<object?> x, List<object?> y) => x.Count == y.Count && x.Zip(y).All(p => Equal(p.First, p.Second)),
        (Dictionary<string, object?> x, Dictionary<string, object?> y) =>
            x.Keys.Union(y.Keys).All(k => Equal(x.GetValueOrDefault(k), y.GetValueOrDefault(k))),
        (CtyNumber x, CtyNumber y) => decimal.TryParse(x.Text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var dx)
            && decimal.TryParse(y.Text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var dy) ? dx == dy : x.Text == y.Text,
        (TypedValue x, TypedValue y) => Equal(x.Value, y.Value),
        _ => Equals(a, b),
    };
}
