namespace DslInfra;

/// <summary>
/// A named value Terraform computes once (a <c>locals</c> entry): a long expression written once in the JSON and
/// referenced as <c>local.name</c> wherever the stack uses it. For a value known when the stack is written, a C#
/// <c>const</c> or <c>static readonly</c> member is simpler: it is written inline.
/// </summary>
public sealed record Local<T>(string Name)
{
    /// <summary>The value: references, function calls, variables, literals.</summary>
    public Expr<T>? Value { get; init; }

    /// <summary>The local as a value: <c>local.name</c>.</summary>
    public static implicit operator Expr<T>(Local<T> local) => new Reference<T>("local." + local.Name);

    /// <summary>The local as a Terraform template, so that interpolating it keeps it a reference.</summary>
    public override string ToString() => "${local." + Name + "}";
}
