using System.Collections.Immutable;

namespace DslInfra;

/// <summary>A provider configuration. One without an alias is the default for its provider.</summary>
public abstract record ProviderConfig
{
    /// <summary>The alias that resources name in their <c>Provider</c> to use this configuration.</summary>
    public string? Alias { get; init; }

    /// <summary>The version constraint written to <c>terraform.required_providers</c>, e.g. <c>~&gt; 5.0</c>.</summary>
    public string? Version { get; init; }
}

/// <summary>Where Terraform keeps the stack's state.</summary>
public abstract record Backend
{
}

/// <summary>A value known only at deploy time: a Terraform input variable.</summary>
public sealed record Variable<T>(string Name) : NamedValue<T>
{
    /// <summary>The value used when none is given.</summary>
    public T? Default { get; init; }

    /// <summary>What the variable is for.</summary>
    public string? Description { get; init; }

    /// <summary>Hide the value in plan output.</summary>
    public bool Sensitive { get; init; }

    /// <summary>Whether null is an acceptable value.</summary>
    public bool? Nullable { get; init; }

    /// <summary>Checks Terraform runs on the value before planning.</summary>
    public ImmutableArray<Validation> Validations { get; init; }

    private protected override string Address() => "var." + Name;
}

/// <summary>A variable validation: a Terraform condition expression and the message shown when it is false.</summary>
public sealed record Validation(string Condition, string ErrorMessage);

/// <summary>A value the stack exports: a Terraform output.</summary>
public sealed record Output(string Name)
{
    /// <summary>The exported value.</summary>
    public Expr? Value { get; init; }

    /// <summary>What the output is for.</summary>
    public string? Description { get; init; }

    /// <summary>Hide the value in plan output.</summary>
    public bool Sensitive { get; init; }

    /// <summary>Conditions checked before the output's value is computed: a false one stops the plan.</summary>
    public ImmutableArray<Condition> Preconditions { get; init; }
}

/// <summary>
/// A typed output. Besides being an output of its stack, it is how another stack reads the value:
/// <c>VpcId = NetworkStack.VpcId</c> in an app stack becomes a <c>terraform_remote_state</c> read of the network
/// stack's state (its backend's settings), and the manifest records that the app stack deploys after it.
/// </summary>
public sealed record Output<T>(string Name)
{
    /// <summary>The exported value.</summary>
    public Expr<T>? Value { get; init; }

    /// <summary>What the output is for.</summary>
    public string? Description { get; init; }

    /// <summary>Hide the value in plan output.</summary>
    public bool Sensitive { get; init; }

    /// <summary>Conditions checked before the output's value is computed: a false one stops the plan.</summary>
    public ImmutableArray<Condition> Preconditions { get; init; }

    /// <summary>The output where a plain <typeparamref name="T"/> goes (an item of a list argument); see <c>Expr&lt;T&gt;</c>'s conversion to <typeparamref name="T"/>.</summary>
    public static implicit operator T(Output<T> output) => RuntimeValue.Of<T>((Expr<T>)output);

    /// <summary>The output, read by another stack: <c>data.terraform_remote_state.&lt;stack&gt;.outputs.&lt;name&gt;</c>.</summary>
    public static implicit operator Expr<T>(Output<T> output) => new Reference<T>("outputs." + output.Name);
}

/// <summary>Declares one resource per item at compile time, so N similar resources need no copy-paste.</summary>
public static class Repeat
{
    /// <summary>One result per item, in order, e.g. one subnet per availability zone.</summary>
    [Schema.Intrinsic("repeat")]
    public static ImmutableArray<TResult> For<TItem, TResult>(ImmutableArray<TItem> items, Func<TItem, TResult> make) =>
        items.Select(make).ToImmutableArray();

    /// <summary>One result per index from 0 to <paramref name="count"/> - 1.</summary>
    [Schema.Intrinsic("repeat")]
    public static ImmutableArray<TResult> For<TResult>(int count, Func<int, TResult> make) =>
        Enumerable.Range(0, count).Select(make).ToImmutableArray();
}
