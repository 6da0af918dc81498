using System.Collections;

namespace DslInfra;

/// <summary>
/// Deploys one stack to several named environments from one source: the generator evaluates the stack once per
/// environment and writes each to <c>infra/&lt;environment&gt;/&lt;stack&gt;/</c>. What differs between environments is
/// written as <see cref="PerEnvironment{T}"/> values, and a value missing for one environment is a compile error.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class EnvironmentsAttribute : Attribute
{
    /// <summary>The environments, in the order they are deployed (e.g. "dev", "staging", "prod").</summary>
    public EnvironmentsAttribute(params string[] names) => Names = names;

    /// <summary>The environments, in deployment order.</summary>
    public IReadOnlyList<string> Names { get; }
}

/// <summary>
/// A value that differs by environment: <c>new() { ["dev"] = 1, ["prod"] = 3 }</c>. Used where a <typeparamref name="T"/>
/// goes, it is the value of the environment being generated; the generator reads it at compile time (it is never run).
/// </summary>
public sealed class PerEnvironment<T> : IEnumerable<KeyValuePair<string, T>>
{
    private readonly Dictionary<string, T> values = new(StringComparer.Ordinal);

    /// <summary>The value in one environment.</summary>
    public T this[string environment]
    {
        get => values[environment];
        init => values[environment] = value;
    }

    /// <summary>The value of the environment being generated; only the generator evaluates this conversion.</summary>
    public static implicit operator T(PerEnvironment<T> value) =>
        throw new InvalidOperationException("PerEnvironment values are read by the DslInfra generator at compile time, once per environment of the stack.");

    /// <inheritdoc/>
    public IEnumerator<KeyValuePair<string, T>> GetEnumerator() => values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>The environment being generated, for names that differ by environment (a backend key, a prefix).</summary>
public static class Environments
{
    /// <summary>The name of the environment being generated (e.g. "prod"); only the generator evaluates it.</summary>
    public static string Current =>
        throw new InvalidOperationException("Environments.Current is read by the DslInfra generator at compile time, once per environment of the stack.");
}
