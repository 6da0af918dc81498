using System.Collections.Immutable;

namespace DslInfra;

/// <summary>
/// Nested blocks repeated over a value known only at deploy time (a <c>dynamic</c> block): one block per element of a
/// list, set or map. For elements known when the stack is written, a collection expression or Repeat.For is simpler.
/// </summary>
public static class Dynamic
{
    /// <summary>
    /// One <typeparamref name="TBlock"/> per element of <paramref name="items"/>: <c>Ingress = Dynamic.For(Rules, rule =&gt;
    /// new() { FromPort = rule.Value&lt;double&gt;("port") })</c>. The lambda's parameter is the block's iterator, named like it.
    /// </summary>
    [Schema.Intrinsic("dynamic")]
    public static ImmutableArray<TBlock> For<TBlock>(Expr items, Func<DynamicItem, TBlock> content) => ImmutableArray<TBlock>.Empty;
}

/// <summary>The element a dynamic block is made for: <c>iterator.key</c> and <c>iterator.value</c>.</summary>
public sealed record DynamicItem(string Iterator)
{
    /// <summary>The element's key (its index in a list): <c>rule.key</c>.</summary>
    public Reference<string> Key => new(Iterator + ".key");

    /// <summary>The element: <c>rule.value</c>.</summary>
    [Schema.Intrinsic("iterator")]
    public Reference<T> Value<T>() => new(Iterator + ".value");

    /// <summary>An attribute of the element, for a list of objects: <c>rule.value.port</c>.</summary>
    [Schema.Intrinsic("iterator")]
    public Reference<T> Value<T>(string attribute) => new(Iterator + ".value." + attribute);
}
