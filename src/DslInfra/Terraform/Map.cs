using System.Collections;
using System.Collections.Immutable;

namespace DslInfra;

/// <summary>A string-keyed map that is filled by its initializer (<c>new() { ["env"] = "prod" }</c>) and never changes afterwards.</summary>
public sealed class Map<T> : IReadOnlyDictionary<string, T>
{
    private ImmutableSortedDictionary<string, T> entries = ImmutableSortedDictionary.Create<string, T>(StringComparer.Ordinal);

    /// <summary>The value of <paramref name="key"/>; settable only in an initializer.</summary>
    public T this[string key]
    {
        get => entries[key];
        init => entries = entries.SetItem(key, value);
    }

    /// <inheritdoc/>
    public IEnumerable<string> Keys => entries.Keys;

    /// <inheritdoc/>
    public IEnumerable<T> Values => entries.Values;

    /// <inheritdoc/>
    public int Count => entries.Count;

    /// <inheritdoc/>
    public bool ContainsKey(string key) => entries.ContainsKey(key);

    /// <inheritdoc/>
    public bool TryGetValue(string key, out T value) => entries.TryGetValue(key, out value!);

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, T>> GetEnumerator() => entries.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
