using System.Collections.Immutable;

namespace DslInfra;

/// <summary>
/// A call of a Terraform module (a <c>module</c> block): a registry module (<c>terraform-aws-modules/vpc/aws</c>), a
/// Git or HTTP source, or a local folder (<c>./modules/network</c>), relative to the stack's artifact folder. Pass
/// its inputs in <see cref="Inputs"/> and read its outputs with <see cref="Output{T}"/>. For typed inputs and
/// outputs, derive a record from this one: its properties are the module's inputs (snake_case or
/// <c>[TerraformName]</c>), and get-only properties returning <c>Output&lt;T&gt;("name")</c> its outputs.
/// </summary>
public record Module(string Name)
{
    /// <summary>Where the module comes from. Terraform reads it before anything is evaluated: a literal.</summary>
    public string? Source { get; init; }

    /// <summary>A version constraint, for registry modules, e.g. <c>~&gt; 5.8</c>.</summary>
    public string? Version { get; init; }

    /// <summary>The module's input variables by name: literals, references, lists, maps, function calls.</summary>
    public Map<object>? Inputs { get; init; }

    /// <summary>Which of this stack's provider configurations the module's providers use, by the module's local name (<c>aws</c>).</summary>
    public Map<ProviderConfig>? Providers { get; init; }

    /// <summary>How many instances of the module, known at deploy time (<c>count</c>); inside, <see cref="DslInfra.Count.Index"/>.</summary>
    public Expr? Count { get; init; }

    /// <summary>One instance per key of a map or set of strings (<c>for_each</c>); inside, <see cref="Each.Key"/> and <see cref="Each.Value{T}"/>.</summary>
    public Expr? ForEach { get; init; }

    /// <summary>Resources Terraform must create before anything in the module.</summary>
    public ImmutableArray<Resource> DependsOn { get; init; }

    /// <summary>One of the module's outputs: <c>module.name.output</c>.</summary>
    [Schema.Intrinsic("output")]
    public Reference<T> Output<T>(string output) => new("module." + Name + InstanceKey + "." + output);

    /// <summary>
    /// One of the module's outputs as a typed value to read into: a record (its properties are the output's
    /// attributes), a list or map of them — <c>Alb.OutputAs&lt;Map&lt;TargetGroup&gt;&gt;("target_groups")["api"].Arn</c> is
    /// <c>module.alb.target_groups["api"].arn</c>. Read by the generator; it has no value at run time.
    /// </summary>
    [Schema.Intrinsic("output")]
    public T OutputAs<T>(string output) => Computed.Placeholder<T>();

    /// <summary>The instance key <c>At</c> set: <c>["a"]</c>, <c>[0]</c>.</summary>
    internal string InstanceKey { get; init; } = "";

    /// <summary>One instance of a module called with ForEach, for its outputs: <c>module.name["key"]</c>.</summary>
    [Schema.Intrinsic("instance")]
    public Module At(string key) => this with { InstanceKey = "[\"" + key.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"]" };

    /// <summary>One instance of a module called with Count, for its outputs: <c>module.name[0]</c>.</summary>
    [Schema.Intrinsic("instance")]
    public Module At(int index) => this with { InstanceKey = "[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]" };
}
