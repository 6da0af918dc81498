namespace DslInfra;

/// <summary>
/// A named value Terraform computes once (a <c>locals</c> entry): a long expression written once in the JSON and
/// referenced as <c>local.name</c> wherever the stack uses it. For a value known when the stack is written, a C#
/// <c>const</c> or <c>static readonly</c> member is simpler: it is written inline.
/// </summary>
public sealed record Local<T>(string Name) : NamedValue<T>
{
    /// <summary>The value: references, function calls, variables, literals.</summary>
    public Expr<T>? Value { get; init; }

    private protected override string Address() => "local." + Name;
}
