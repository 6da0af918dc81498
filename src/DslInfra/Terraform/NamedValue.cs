namespace DslInfra;

/// <summary>
/// A value Terraform knows by name (a <c>Variable&lt;T&gt;</c>, a <c>Local&lt;T&gt;</c>): where a value goes it is its
/// reference (<c>var.env</c>, <c>local.prefix</c>), and it compares and computes with Terraform's operators without a
/// cast to <c>Expr&lt;T&gt;</c> (<c>Env == "prod"</c>, <c>Workers * 2</c>). C# finds an operator on an operand's own type
/// or its base, so the operators live here once for both.
/// </summary>
public abstract record NamedValue<T>
{
    private protected NamedValue()
    {
    }

    /// <summary>Terraform's address of the value: <c>var.name</c>, <c>local.name</c>.</summary>
    private protected abstract string Address();

    /// <summary>The value where a plain <typeparamref name="T"/> goes (an item of a list argument: <c>[Env]</c>); see <c>Expr&lt;T&gt;</c>'s conversion to <typeparamref name="T"/>.</summary>
    public static implicit operator T(NamedValue<T> value) => RuntimeValue.Of<T>(value);

    /// <summary>The value as its reference.</summary>
    public static implicit operator Expr<T>(NamedValue<T> value) => new Reference<T>(value.Address());

    /// <summary>Terraform's <c>==</c>.</summary>
    public static Expr<bool> operator ==(NamedValue<T> left, Expr<T> right) => Operation<bool>.Of(left, "==", right);

    /// <summary>Terraform's <c>!=</c>.</summary>
    public static Expr<bool> operator !=(NamedValue<T> left, Expr<T> right) => Operation<bool>.Of(left, "!=", right);

    /// <summary>Terraform's <c>==</c>.</summary>
    public static Expr<bool> operator ==(Expr<T> left, NamedValue<T> right) => Operation<bool>.Of(left, "==", right);

    /// <summary>Terraform's <c>!=</c>.</summary>
    public static Expr<bool> operator !=(Expr<T> left, NamedValue<T> right) => Operation<bool>.Of(left, "!=", right);

    /// <summary>Terraform's <c>&lt;</c>.</summary>
    public static Expr<bool> operator <(NamedValue<T> left, Expr<T> right) => Operation<bool>.Of(left, "<", right);

    /// <summary>Terraform's <c>&gt;</c>.</summary>
    public static Expr<bool> operator >(NamedValue<T> left, Expr<T> right) => Operation<bool>.Of(left, ">", right);

    /// <summary>Terraform's <c>&lt;=</c>.</summary>
    public static Expr<bool> operator <=(NamedValue<T> left, Expr<T> right) => Operation<bool>.Of(left, "<=", right);

    /// <summary>Terraform's <c>&gt;=</c>.</summary>
    public static Expr<bool> operator >=(NamedValue<T> left, Expr<T> right) => Operation<bool>.Of(left, ">=", right);

    /// <summary>Terraform's <c>+</c> on numbers; on strings, concatenation written as a template.</summary>
    public static Expr<T> operator +(NamedValue<T> left, Expr<T> right) => Arithmetic.Of<T>(left, "+", right);

    /// <summary>Terraform's <c>+</c> on numbers; on strings, concatenation written as a template.</summary>
    public static Expr<T> operator +(Expr<T> left, NamedValue<T> right) => Arithmetic.Of<T>(left, "+", right);

    /// <summary>Terraform's <c>-</c>.</summary>
    public static Expr<T> operator -(NamedValue<T> left, Expr<T> right) => Arithmetic.Of<T>(left, "-", right);

    /// <summary>Terraform's <c>-</c>.</summary>
    public static Expr<T> operator -(Expr<T> left, NamedValue<T> right) => Arithmetic.Of<T>(left, "-", right);

    /// <summary>Terraform's <c>*</c>.</summary>
    public static Expr<T> operator *(NamedValue<T> left, Expr<T> right) => Arithmetic.Of<T>(left, "*", right);

    /// <summary>Terraform's <c>*</c>.</summary>
    public static Expr<T> operator *(Expr<T> left, NamedValue<T> right) => Arithmetic.Of<T>(left, "*", right);

    /// <summary>Terraform's <c>/</c> (on whole numbers the generator writes <c>floor(a / b)</c>, as C# divides).</summary>
    public static Expr<T> operator /(NamedValue<T> left, Expr<T> right) => Arithmetic.Of<T>(left, "/", right);

    /// <summary>Terraform's <c>%</c>.</summary>
    public static Expr<T> operator %(NamedValue<T> left, Expr<T> right) => Arithmetic.Of<T>(left, "%", right);

    /// <summary>The value as a Terraform template, so that interpolating it keeps it a reference.</summary>
    public sealed override string ToString() => "${" + Address() + "}";
}
