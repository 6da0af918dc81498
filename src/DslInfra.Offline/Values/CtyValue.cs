namespace DslInfra.Offline.Values;

/// <summary>
/// Terraform's values while the server works on them: <c>null</c>, <see cref="Unknown"/>, <see cref="string"/>,
/// <see cref="CtyNumber"/>, <see cref="bool"/>, <see cref="List{T}"/> (list, set, tuple) and
/// <see cref="Dictionary{TKey,TValue}"/> (map, object), with the <see cref="CtyType"/> beside them saying which.
/// </summary>
internal static class CtyValue
{
    /// <summary>A value Terraform will know only after apply.</summary>
    public sealed class Unknown
    {
        public static readonly Unknown Instance = new();

        private Unknown()
        {
        }

        public override string ToString() => "(known after apply)";
    }

    public static bool IsUnknown(object? value) => value is Unknown;

    /// <summary>Whether a value holds an unknown anywhere inside.</summary>
    public static bool ContainsUnknown(object? value) => value switch
    {
        Unknown => true,
        List<object?> list => list.Any(ContainsUnknown),
        Dictionary<string, object?> map => map.Values.Any(ContainsUnknown),
        _ => false,
    };
}

/// <summary>A number in its exact decimal text, as cty keeps it (no rounding through double).</summary>
internal sealed record CtyNumber(string Text)
{
    public override string ToString() => Text;
}
