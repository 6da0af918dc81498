using System.Collections.Immutable;
using System.Globalization;

namespace DslInfra;

/// <summary>Inside a resource or module with <c>ForEach</c>: the current instance's key and value (<c>each.key</c>, <c>each.value</c>).</summary>
public static class Each
{
    /// <summary>The instance's key: <c>each.key</c>.</summary>
    public static Reference<string> Key => new("each.key");

    /// <summary>The instance's value, typed as you use it: <c>each.value</c>.</summary>
    [Schema.Intrinsic("each")]
    public static Reference<T> Value<T>() => new("each.value");

    /// <summary>
    /// The instance's value as an object of <typeparamref name="T"/> (a record declared as a variable's object type, a
    /// value record of a provider): reading its members reads paths into <c>each.value</c>
    /// (<c>Each.Item&lt;NodeGroup&gt;().InstanceTypes</c> is <c>each.value.instance_types</c>).
    /// </summary>
    [Schema.Intrinsic("each")]
    public static T Item<T>() => Computed.Placeholder<T>();
}

/// <summary>Inside a resource or module with <c>Count</c>: the current instance's index (<c>count.index</c>).</summary>
public static class Count
{
    /// <summary>The instance's index, from 0: <c>count.index</c>.</summary>
    public static Reference<double> Index => new("count.index");
}

/// <summary>One instance of a resource declared with Count or ForEach, for reading its attributes from outside.</summary>
public static class Instances
{
    /// <summary>The instance with this key of a resource with ForEach: <c>aws_subnet.app["a"]</c>.</summary>
    [Schema.Intrinsic("instance")]
    public static T At<T>(this T resource, string key) where T : Resource =>
        (T)(resource with { InstanceKey = "[\"" + key.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"]" });

    /// <summary>
    /// An attribute of every instance of a resource with Count or ForEach, as a list: Terraform's splat,
    /// <c>Nat.Splat(e =&gt; e.PublicIp)</c> is <c>aws_eip.nat[*].public_ip</c> (over ForEach, <c>[for e in aws_eip.nat : e.public_ip]</c>).
    /// </summary>
    [Schema.Intrinsic("splat")]
    public static Expr<ImmutableArray<TValue>> Splat<T, TValue>(this T resource, Func<T, Expr<TValue>?> attribute) where T : Resource =>
        new Reference<ImmutableArray<TValue>>(resource.Address + "[*]");

    /// <summary>The instance with this index of a resource with Count: <c>aws_subnet.app[0]</c>.</summary>
    [Schema.Intrinsic("instance")]
    public static T At<T>(this T resource, int index) where T : Resource =>
        (T)(resource with { InstanceKey = "[" + index.ToString(CultureInfo.InvariantCulture) + "]" });
}
