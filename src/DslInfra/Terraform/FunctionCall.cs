using System.Collections.Immutable;

namespace DslInfra;

/// <summary>A call of a Terraform built-in function (see <see cref="Fn"/>), evaluated by Terraform at plan time.</summary>
public sealed record FunctionCall<T>(string Function, ImmutableArray<object?> Arguments) : Expr<T>
{
    /// <summary>Records the call; the stack generator reads it from the source, never runs it.</summary>
    public FunctionCall(string function, params object?[] arguments)
        : this(function, arguments.ToImmutableArray())
    {
    }
}
