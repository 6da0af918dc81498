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

    /// <summary>
    /// The expression where a plain <typeparamref name="T"/> goes — an item of a list argument (<c>[Vpc.Id, "x"]</c>),
    /// whose items are <typeparamref name="T"/> so that <c>[.. Subnets]</c> compiles without a conversion loop. The
    /// generator reads the C# and writes the expression; at run time this is a literal's value, a string expression's
    /// template (<c>${aws_vpc.main.id}</c>) or the type's default.
    /// </summary>
    public static implicit operator T(Expr<T> value) => RuntimeValue.Of<T>(value);

    // Comparisons and logic Terraform evaluates: `Fn.Length(Emails) > 0`, `a && b`, `!enabled`. (== and != are the
    // record's own; a Variable<T> or Local<T> compares with a value through its own operators.)

    /// <summary>Terraform's <c>&lt;</c>.</summary>
    public static Expr<bool> operator <(Expr<T> left, Expr<T> right) => Operation<bool>.Of(left, "<", right);

    /// <summary>Terraform's <c>&gt;</c>.</summary>
    public static Expr<bool> operator >(Expr<T> left, Expr<T> right) => Operation<bool>.Of(left, ">", right);

    /// <summary>Terraform's <c>&lt;=</c>.</summary>
    public static Expr<bool> operator <=(Expr<T> left, Expr<T> right) => Operation<bool>.Of(left, "<=", right);

    /// <summary>Terraform's <c>&gt;=</c>.</summary>
    public static Expr<bool> operator >=(Expr<T> left, Expr<T> right) => Operation<bool>.Of(left, ">=", right);

    // Arithmetic Terraform evaluates: `Workers * 2`, `Fn.Length(Zones) - 1`. On strings `+` keeps C#'s meaning and is
    // written as a template ("${var.env}-vpc"); Terraform has no other operator on strings.

    /// <summary>Terraform's <c>+</c> on numbers; on strings, concatenation written as a template.</summary>
    public static Expr<T> operator +(Expr<T> left, Expr<T> right) => Arithmetic.Of<T>(left, "+", right);

    /// <summary>Terraform's <c>-</c>.</summary>
    public static Expr<T> operator -(Expr<T> left, Expr<T> right) => Arithmetic.Of<T>(left, "-", right);

    /// <summary>Terraform's <c>*</c>.</summary>
    public static Expr<T> operator *(Expr<T> left, Expr<T> right) => Arithmetic.Of<T>(left, "*", right);

    /// <summary>Terraform's <c>/</c> (on whole numbers the generator writes <c>floor(a / b)</c>, as C# divides).</summary>
    public static Expr<T> operator /(Expr<T> left, Expr<T> right) => Arithmetic.Of<T>(left, "/", right);

    /// <summary>Terraform's <c>%</c>.</summary>
    public static Expr<T> operator %(Expr<T> left, Expr<T> right) => Arithmetic.Of<T>(left, "%", right);

    /// <summary>Terraform's unary <c>-</c>.</summary>
    public static Expr<T> operator -(Expr<T> operand) => new Operation<T>("-" + Operation<T>.Operand(operand));

    /// <summary>Terraform's <c>&amp;&amp;</c> (with <c>true</c>/<c>false</c>, C#'s <c>&amp;&amp;</c> works on expressions).</summary>
    public static Expr<T> operator &(Expr<T> left, Expr<T> right) => Operation<T>.Of(left, "&&", right);

    /// <summary>Terraform's <c>||</c>.</summary>
    public static Expr<T> operator |(Expr<T> left, Expr<T> right) => Operation<T>.Of(left, "||", right);

    /// <summary>Terraform's <c>!</c>.</summary>
    public static Expr<bool> operator !(Expr<T> operand) => new Operation<bool>("!" + Operation<bool>.Operand(operand));

    /// <summary>
    /// Lets an expression be a C# condition (<c>enabled ? 1 : 0</c>, <c>a &amp;&amp; b</c>); the generator writes Terraform's
    /// conditional. Never evaluated by DslInfra, which runs no user code.
    /// </summary>
    public static bool operator true(Expr<T> value) => value is Literal<bool> { Value: true };

    /// <summary>See <c>operator true</c>.</summary>
    public static bool operator false(Expr<T> value) => value is Literal<bool> { Value: false };
}

/// <summary>An operation Terraform evaluates, e.g. <c>length(var.emails) &gt; 0</c>.</summary>
public sealed record Operation<T>(string Text) : Expr<T>
{
    internal static Operation<T> Of(Expr left, string op, Expr right) => new(Operand(left) + " " + op + " " + Operand(right));

    internal static string Operand(Expr value) => value switch
    {
        Literal<string> text => "\"" + text.Value.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"",
        Literal<bool> flag => flag.Value ? "true" : "false",
        _ => value.ToString() is { } written && written.StartsWith("${", StringComparison.Ordinal) && written.EndsWith("}", StringComparison.Ordinal)
            ? "(" + written.Substring(2, written.Length - 3) + ")" : value.ToString() ?? "",
    };

    /// <summary>The operation as a Terraform template.</summary>
    public override string ToString() => "${" + Text + "}";
}

/// <summary>What an expression is at run time where a plain value goes (the generator reads the C#, not this value).</summary>
internal static class RuntimeValue
{
    internal static T Of<T>(object? value) =>
        value is Literal<T> literal ? literal.Value
        : typeof(T) == typeof(string) ? (T)(object)(value?.ToString() ?? "")
        : default!;
}

/// <summary>The runtime value of an arithmetic operator (the generator reads the C#, not this value).</summary>
internal static class Arithmetic
{
    internal static Expr<T> Of<T>(Expr left, string op, Expr right) =>
        typeof(T) == typeof(string) && op == "+"
            ? (Expr<T>)(object)new Literal<string>(left.ToString() + right.ToString())
            : Operation<T>.Of(left, op, right);
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
