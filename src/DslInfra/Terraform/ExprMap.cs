using System.Collections;
using System.Collections.Immutable;

namespace DslInfra;

/// <summary>
/// A map argument (<c>tags</c>, <c>labels</c>): either its entries, written with an initializer
/// (<c>new() { ["Name"] = "web", ["Owner"] = Team }</c>), or one Terraform expression that is the whole map — a variable,
/// a local, a module output, <c>merge(local.tags, { Name = "web" })</c> — which Terraform evaluates.
/// </summary>
public sealed class ExprMap<T> : IReadOnlyDictionary<string, Expr<T>>
{
    private ImmutableSortedDictionary<string, Expr<T>> entries = ImmutableSortedDictionary.Create<string, Expr<T>>(StringComparer.Ordinal);

    /// <summary>An empty map, to be filled by its initializer.</summary>
    public ExprMap()
    {
    }

    private ExprMap(Expr<Map<T>> whole) => Whole = whole;

    /// <summary>The Terraform expression that is the whole map, when the map is one (else null: the entries are the map).</summary>
    public Expr<Map<T>>? Whole { get; }

    /// <summary>The value of <paramref name="key"/>; settable only in an initializer.</summary>
    public Expr<T> this[string key]
    {
        get => entries[key];
        init => entries = entries.SetItem(key, value);
    }

    /// <inheritdoc/>
    public IEnumerable<string> Keys => entries.Keys;

    /// <inheritdoc/>
    public IEnumerable<Expr<T>> Values => entries.Values;

    /// <inheritdoc/>
    public int Count => entries.Count;

    /// <inheritdoc/>
    public bool ContainsKey(string key) => entries.ContainsKey(key);

    /// <inheritdoc/>
    public bool TryGetValue(string key, out Expr<T> value) => entries.TryGetValue(key, out value!);

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, Expr<T>>> GetEnumerator() => entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Plain values shared by many records (<c>Tags = CommonTags</c>).</summary>
    public static implicit operator ExprMap<T>(Map<T> map) =>
        new() { entries = map.Aggregate(ImmutableSortedDictionary.Create<string, Expr<T>>(StringComparer.Ordinal), (all, e) => all.SetItem(e.Key, new Literal<T>(e.Value))) };

    /// <summary>Entries kept in a shared member (<c>Map&lt;Expr&lt;string&gt;&gt;</c>).</summary>
    public static implicit operator ExprMap<T>(Map<Expr<T>> map) =>
        new() { entries = map.Aggregate(ImmutableSortedDictionary.Create<string, Expr<T>>(StringComparer.Ordinal), (all, e) => all.SetItem(e.Key, e.Value)) };

    /// <summary>A map Terraform computes: <c>merge(…)</c>, a module output, an attribute, a conditional.</summary>
    public static implicit operator ExprMap<T>(Expr<Map<T>> whole) => new(whole);

    /// <summary>A map variable: <c>var.name</c>.</summary>
    public static implicit operator ExprMap<T>(Variable<Map<T>> variable) => new((Expr<Map<T>>)variable);

    /// <summary>A map local: <c>local.name</c>.</summary>
    public static implicit operator ExprMap<T>(Local<Map<T>> local) => new((Expr<Map<T>>)local);

    /// <summary>Another stack's map output.</summary>
    public static implicit operator ExprMap<T>(Output<Map<T>> output) => new((Expr<Map<T>>)output);

    /// <summary>The map where any Terraform value goes (a function's argument).</summary>
    public static implicit operator Expr(ExprMap<T> map) => map.Whole ?? (Expr)new Literal<ExprMap<T>>(map);

    /// <summary>The map as Terraform writes it, for interpolation.</summary>
    public override string ToString() => Whole?.ToString() ?? "{" + string.Join(", ", entries.Select(e => e.Key + " = " + e.Value)) + "}";
}
