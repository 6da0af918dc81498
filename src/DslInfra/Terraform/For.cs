using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace DslInfra;

/// <summary>
/// Terraform's <c>for</c> expressions, over a collection Terraform knows only at plan time (a computed attribute, a
/// variable, a module output). The lambdas are not run: the generator reads them, their parameter named as the
/// expression's iterator (<c>dvo => dvo.DomainName</c> is <c>for dvo in … : dvo.domain_name</c>).
/// </summary>
public static class For
{
    /// <summary><c>[for x in items : value(x)]</c>, or with <paramref name="where"/>, <c>[for x in items : value(x) if where(x)]</c>.</summary>
    [Schema.Intrinsic("for")]
    public static Expr<ImmutableArray<TResult>> List<TItem, TResult>(IEnumerable<TItem> items, Func<TItem, Expr<TResult>?> value, Func<TItem, Expr<bool>>? where = null) =>
        new Reference<ImmutableArray<TResult>>("for");

    /// <summary>
    /// <c>{for x in items : key(x) =&gt; value(x)}</c> (with <paramref name="where"/>, <c>… if where(x)</c>): a map, e.g. a
    /// for_each keyed by domain name. Keys must be unique, as Terraform requires.
    /// </summary>
    [Schema.Intrinsic("for")]
    public static Expr<Map<TResult>> Map<TItem, TResult>(IEnumerable<TItem> items, Func<TItem, Expr<string>?> key, Func<TItem, TResult> value, Func<TItem, Expr<bool>>? where = null) =>
        new Reference<Map<TResult>>("for");

    /// <summary><c>[for x in items : value(x)]</c> over a list Terraform computes (a splat, a function's result).</summary>
    [Schema.Intrinsic("for")]
    public static Expr<ImmutableArray<TResult>> List<TItem, TResult>(Expr<ImmutableArray<TItem>> items, Func<Expr<TItem>, Expr<TResult>?> value, Func<Expr<TItem>, Expr<bool>>? where = null) =>
        new Reference<ImmutableArray<TResult>>("for");

    /// <summary>A list Terraform computes, as items to iterate: <c>For.List(For.Items(Subnets), s =&gt; …)</c>.</summary>
    [Schema.Intrinsic("for")]
    public static IEnumerable<Expr<T>> Items<T>(ExprList<T> list) => list.Expressions;

    /// <summary>A map Terraform computes, as its values to iterate (Terraform's <c>for v in map</c>).</summary>
    [Schema.Intrinsic("for")]
    public static IEnumerable<T> Values<T>(Variable<Map<T>> map) => ImmutableArray<T>.Empty;
}

/// <summary>Values Terraform computes, typed as the C# that reads them.</summary>
public static class Computed
{
    /// <summary>
    /// A value only Terraform knows, typed as <typeparamref name="T"/> so that its members read as paths
    /// (<c>each.value.instance_types</c>). At run time an empty instance: DslInfra never runs stack code to synthesize.
    /// </summary>
    internal static T Placeholder<T>() =>
        typeof(T).IsValueType || typeof(T) == typeof(string) ? default! : (T)RuntimeHelpers.GetUninitializedObject(typeof(T));
}
