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

    /// <summary>The local where a plain <typeparamref name="T"/> goes (an item of a list argument); see <c>Expr&lt;T&gt;</c>'s conversion to <typeparamref name="T"/>.</summary>
    public static implicit operator T(Local<T> local) => RuntimeValue.Of<T>(local);

    /// <summary>The local as a value: <c>local.name</c>.</summary>
    public static implicit operator Expr<T>(Local<T> local) => new Reference<T>("local." + local.Name);

    // `Env == "prod"`, `Workers > 0`: comparisons Terraform evaluates, without a cast to Expr<T>.

    /// <summary>Terraform's <c>==</c>.</summary>
    public static Expr<bool> operator ==(Local<T> left, Expr<T> right) => Operation<bool>.Of(left, "==", right);

    /// <summary>Terraform's <c>!=</c>.</summary>
    public static Expr<bool> operator !=(Local<T> left, Expr<T> right) => Operation<bool>.Of(left, "!=", right);

    /// <summary>Terraform's <c>==</c>.</summary>
    public static Expr<bool> operator ==(Expr<T> left, Local<T> right) => Operation<bool>.Of(left, "==", right);

    /// <summary>Terraform's <c>!=</c>.</summary>
    public static Expr<bool> operator !=(Expr<T> left, Local<T> right) => Operation<bool>.Of(left, "!=", right);

    /// <summary>Terraform's <c>&lt;</c>.</summary>
    public static Expr<bool> operator <(Local<T> left, Expr<T> right) => Operation<bool>.Of(left, "<", right);

    /// <summary>Terraform's <c>&gt;</c>.</summary>
    public static Expr<bool> operator >(Local<T> left, Expr<T> right) => Operation<bool>.Of(left, ">", right);

    /// <summary>Terraform's <c>&lt;=</c>.</summary>
    public static Expr<bool> operator <=(Local<T> left, Expr<T> right) => Operation<bool>.Of(left, "<=", right);

    /// <summary>Terraform's <c>&gt;=</c>.</summary>
    public static Expr<bool> operator >=(Local<T> left, Expr<T> right) => Operation<bool>.Of(left, ">=", right);

    /// <summary>Terraform's <c>+</c> on numbers; on strings, concatenation written as a template.</summary>
    public static Expr<T> operator +(Local<T> left, Expr<T> right) => Arithmetic.Of<T>(left, "+", right);

    /// <summary>Terraform's <c>+</c> on numbers; on strings, concatenation written as a template.</summary>
    public static Expr<T> operator +(Expr<T> left, Local<T> right) => Arithmetic.Of<T>(left, "+", right);

    /// <summary>Terraform's <c>-</c>.</summary>
    public static Expr<T> operator -(Local<T> left, Expr<T> right) => Arithmetic.Of<T>(left, "-", right);

    /// <summary>Terraform's <c>-</c>.</summary>
    public static Expr<T> operator -(Expr<T> left, Local<T> right) => Arithmetic.Of<T>(left, "-", right);

    /// <summary>Terraform's <c>*</c>.</summary>
    public static Expr<T> operator *(Local<T> left, Expr<T> right) => Arithmetic.Of<T>(left, "*", right);

    /// <summary>Terraform's <c>*</c>.</summary>
    public static Expr<T> operator *(Expr<T> left, Local<T> right) => Arithmetic.Of<T>(left, "*", right);

    /// <summary>Terraform's <c>/</c> (on whole numbers the generator writes <c>floor(a / b)</c>, as C# divides).</summary>
    public static Expr<T> operator /(Local<T> left, Expr<T> right) => Arithmetic.Of<T>(left, "/", right);

    /// <summary>Terraform's <c>%</c>.</summary>
    public static Expr<T> operator %(Local<T> left, Expr<T> right) => Arithmetic.Of<T>(left, "%", right);

    /// <summary>The local as a Terraform template, so that interpolating it keeps it a reference.</summary>
    public override string ToString() => "${local." + Name + "}";
}
