using System.Collections;
using System.Collections.Immutable;
using System.Runtime.CompilerServices;

namespace DslInfra;

/// <summary>
/// A list or set argument (<c>subnet_ids</c>, <c>security_groups</c>): either its items, written as a collection
/// (<c>[Subnet.Id, "subnet-0abc"]</c>, <c>[.. SharedSubnets]</c>), or one Terraform expression that is the whole list —
/// a variable (<c>var.subnet_ids</c>), a module output, another stack's output, a function's result
/// (<c>concat(…)</c>) — which Terraform evaluates, so that <c>-var</c> and the module's real value are what deploy.
/// </summary>
[CollectionBuilder(typeof(ExprList), nameof(ExprList.Create))]
// Its items are T, not Expr<T>: `[.. Subnets]` of an ImmutableArray<string> then copies without the conversion loop the
// compiler writes per spread otherwise (5,000 such spreads in one class compiled in 14.7 s against 2.6 s in a minimal
// library; bench/scale). An expression item reaches T through Expr<T>'s conversion, and the generator reads the C#.
public sealed class ExprList<T> : IEnumerable<T>
{
    private readonly ImmutableArray<Expr<T>> items;

    internal ExprList(ImmutableArray<Expr<T>> items, Expr<ImmutableArray<T>>? whole)
    {
        this.items = items.IsDefault ? ImmutableArray<Expr<T>>.Empty : items;
        Whole = whole;
    }

    /// <summary>The Terraform expression that is the whole list, when the list is one (else null: the items are the list).</summary>
    public Expr<ImmutableArray<T>>? Whole { get; }

    /// <summary>The list as one expression (its items as a literal list when they are the list), for functions that take a list.</summary>
    public Expr<ImmutableArray<T>> AsExpr() => Whole ?? new ItemsExpr(new Literal<ImmutableArray<Expr<T>>>(items));

    /// <summary>The number of items (0 when the list is one expression).</summary>
    public int Count => items.Length;

    /// <summary>An item: read as Terraform's <c>list[index]</c> when the list belongs to another block.</summary>
    public Expr<T> this[int index] => items[index];

    /// <summary>The items as expressions.</summary>
    public IReadOnlyList<Expr<T>> Expressions => items;

    /// <summary>The items as plain values (see <c>Expr&lt;T&gt;</c>'s conversion to <typeparamref name="T"/>).</summary>
    public IEnumerator<T> GetEnumerator()
    {
        foreach (var item in items)
            yield return item;
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Plain values shared by many records (<c>SubnetIds = Subnets</c>): each one a literal item.</summary>
    public static implicit operator ExprList<T>(ImmutableArray<T> items) =>
        new(items.IsDefault ? default : ImmutableArray.CreateRange(items, item => (Expr<T>)new Literal<T>(item)), null);

    /// <summary>Plain values (<c>SubnetIds = new[] { "a", "b" }</c>).</summary>
    public static implicit operator ExprList<T>(T[] items) => ImmutableArray.Create(items);

    /// <summary>Items kept in a shared member (<c>ImmutableArray&lt;Expr&lt;string&gt;&gt;</c>).</summary>
    public static implicit operator ExprList<T>(ImmutableArray<Expr<T>> items) => new(items, null);

    /// <summary>A list Terraform computes: a module output, an attribute, a function's result, a conditional.</summary>
    public static implicit operator ExprList<T>(Expr<ImmutableArray<T>> whole) => new(default, whole);

    /// <summary>A list variable: <c>var.name</c>, so that tfvars and <c>-var</c> decide it.</summary>
    public static implicit operator ExprList<T>(Variable<ImmutableArray<T>> variable) => new(default, variable);

    /// <summary>A list local: <c>local.name</c>.</summary>
    public static implicit operator ExprList<T>(Local<ImmutableArray<T>> local) => new(default, local);

    /// <summary>Another stack's list output.</summary>
    public static implicit operator ExprList<T>(Output<ImmutableArray<T>> output) => new(default, output);

    /// <summary>The list where any Terraform value goes (a function's argument).</summary>
    public static implicit operator Expr(ExprList<T> list) => list.AsExpr();

    /// <summary>The list as Terraform writes it, for interpolation.</summary>
    public override string ToString() => Whole?.ToString() ?? "[" + string.Join(", ", items) + "]";

    /// <summary>Items as one list value.</summary>
    private sealed record ItemsExpr(Literal<ImmutableArray<Expr<T>>> Items) : Expr<ImmutableArray<T>>
    {
        public override string ToString() => "[" + string.Join(", ", Items.Value) + "]";
    }
}

/// <summary>Builds <see cref="ExprList{T}"/> from a collection expression.</summary>
public static class ExprList
{
    /// <summary>The items of <c>[a, b, .. c]</c>.</summary>
    public static ExprList<T> Create<T>(ReadOnlySpan<T> items)
    {
        var list = ImmutableArray.CreateBuilder<Expr<T>>(items.Length);
        foreach (var item in items)
            list.Add(item);
        return new(list.MoveToImmutable(), null);
    }
}
