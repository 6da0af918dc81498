using System.Collections.Immutable;

namespace DslInfra;

/// <summary>
/// A condition Terraform checks during plan or apply, and the message it shows when the condition is false: a
/// resource's precondition or postcondition, an output's precondition, or a check's assertion. The test is a
/// Terraform expression built in C#: <c>Vpc.Id != ""</c>, <c>Fn.Startswith(Image.NameArgument, "web-")</c>, a variable.
/// </summary>
public sealed record Condition(Expr<bool> Test, string ErrorMessage)
{
    /// <summary>
    /// An attribute of the resource a postcondition belongs to (<c>self.private_ip</c>): a postcondition cannot name
    /// its own resource's member, which would refer to itself.
    /// </summary>
    [Schema.Intrinsic("self")]
    public static Reference<T> Self<T>(string attribute) => new("self." + attribute);
}

/// <summary>
/// A <c>check</c> block (Terraform 1.5+): assertions about the deployed infrastructure that Terraform reports as
/// warnings after every plan and apply, without blocking them. For a condition that must block, use a resource's
/// <see cref="Lifecycle.Preconditions"/> or <see cref="Lifecycle.Postconditions"/>.
/// </summary>
public sealed record Check(string Name)
{
    /// <summary>The assertions, each a test and the message shown when it fails.</summary>
    public ImmutableArray<Condition> Assertions { get; init; }
}
