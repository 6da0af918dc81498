using System.Globalization;

namespace DslInfra;

/// <summary>A value Terraform evaluates: a literal, or a reference to something known only at apply time.</summary>
public abstract record Expr
{
    /// <summary>A string literal.</summary>
    public static implicit operator Expr(string value) => new Literal<string>(value);

    /// <summary>A number literal.</summary>
    public static implicit operator Expr(int value) => new Literal<int>(value);

    /// <summary>A number literal.</summary>
    public static implicit operator Expr(long value) => new Literal<long>(value);

    /// <summary>A number literal.</summary>
    public static implicit operator Expr(double value) => new Literal<double>(value);

    /// <summary>A boolean literal.</summary>
    public static implicit operator Expr(bool value) => new Literal<bool>(value);

    /// <summary>A map of strings, for map-typed arguments of custom resources (labels, tags…).</summary>
    public static implicit operator Expr(Map<string> value) => new Literal<Map<string>>(value);
}

/// <summary>A Terraform value of type <typeparamref name="T"/>: a literal or a typed reference.</summary>
public abstract record Expr<T> : Expr
{
    /// <summary>A literal value.</summary>
    public static implicit operator Expr<T>(T value) => new Literal<T>(value);
}

/// <summary>A value known when the stack is written.</summary>
public sealed record Literal<T>(T Value) : Expr<T>
{
    /// <inheritdoc/>
    public override string ToString() => Convert.ToString(Value, CultureInfo.InvariantCulture) ?? "";
}

/// <summary>A reference to an attribute that Terraform knows only at apply time, e.g. <c>aws_vpc.main.id</c>.</summary>
public sealed record Reference<T>(string Address) : Expr<T>
{
    /// <summary>The reference as a Terraform template, so that interpolating it into a string keeps it a reference.</summary>
    public override string ToString() => "${" + Address + "}";
}
