using System.Collections.Immutable;
using System.Reflection;
using System.Text;
using DslInfra.Schema;

namespace DslInfra;

/// <summary>A managed Terraform resource. Declared once as a static readonly member of a stack; never changed afterwards.</summary>
public abstract record Resource
{
    /// <summary>Declares the resource; <paramref name="name"/> is its Terraform name (the second label).</summary>
    protected Resource(string name) => Name = name;

    /// <summary>The resource's Terraform name: letters, digits, underscores and hyphens, starting with a letter or underscore.</summary>
    public string Name { get; init; }

    /// <summary>Resources Terraform must create first although no attribute refers to them.</summary>
    public ImmutableArray<Resource> DependsOn { get; init; }

    /// <summary>How Terraform replaces this resource. Replace-only types default to create-before-destroy.</summary>
    public Lifecycle? Lifecycle { get; init; }

    /// <summary>A non-default provider configuration (one with an alias).</summary>
    public ProviderConfig? Provider { get; init; }

    /// <summary>
    /// How many instances Terraform creates, known only at deploy time (<c>count</c>): a variable, a function call.
    /// Inside, <see cref="DslInfra.Count.Index"/> is the instance's index; from outside, <c>At(0)</c> is one instance.
    /// For a number known when the stack is written, <see cref="Repeat"/> gives each instance its own name instead.
    /// </summary>
    public Expr? Count { get; init; }

    /// <summary>
    /// One instance per key of a map or set of strings known only at deploy time (<c>for_each</c>); a list is made a
    /// set. Inside, <see cref="Each.Key"/> and <see cref="Each.Value{T}"/>; from outside, <c>At("key")</c>. Keys keep
    /// an instance's address when others come and go, so prefer it to <see cref="Count"/>.
    /// </summary>
    public Expr? ForEach { get; init; }

    /// <summary>The instance key of a resource with Count or ForEach, as <c>At</c> sets it: <c>[0]</c>, <c>["a"]</c>.</summary>
    internal string InstanceKey { get; init; } = "";

    /// <summary>The Terraform type of this resource, e.g. <c>aws_vpc</c>.</summary>
    public virtual string TerraformType => GetType().GetCustomAttribute<TerraformTypeAttribute>()?.Type
        ?? throw new InvalidOperationException($"{GetType().Name} has no [TerraformType].");

    /// <summary>The resource's address, e.g. <c>aws_vpc.main</c>.</summary>
    public virtual string Address => TerraformType + "." + Name + InstanceKey;

    /// <summary>A reference to an attribute the typed record does not expose, e.g. <c>Attr&lt;string&gt;("owner_id")</c>.</summary>
    [Schema.Intrinsic("attr")]
    public Reference<T> Attr<T>(string attribute) => new(Address + "." + attribute);

    /// <summary>The Terraform name of a C# member: snake_case.</summary>
    protected static string SnakeCase(string name)
    {
        var text = new StringBuilder();
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
                text.Append('_');
            text.Append(char.ToLowerInvariant(name[i]));
        }
        return text.ToString();
    }
}

/// <summary>A Terraform data source: something read, never managed.</summary>
public abstract record DataSource : Resource
{
    /// <summary>Declares the data source; <paramref name="name"/> is its Terraform name.</summary>
    protected DataSource(string name) : base(name)
    {
    }

    /// <inheritdoc/>
    public override string Address => "data." + base.Address;
}

/// <summary>
/// An ephemeral resource (Terraform 1.10+): opened for one plan or apply and never stored in state or plan, such as a
/// secret read for a write-only argument. Its values may flow only into write-only arguments, provider configurations
/// and other ephemeral resources (DI1007 elsewhere).
/// </summary>
public abstract record EphemeralResource : Resource
{
    /// <summary>Declares the ephemeral resource; <paramref name="name"/> is its Terraform name.</summary>
    protected EphemeralResource(string name) : base(name)
    {
    }

    /// <inheritdoc/>
    public override string Address => "ephemeral." + base.Address;
}

/// <summary>The lifecycle meta-argument of a resource.</summary>
public sealed record Lifecycle
{
    /// <summary>Create the replacement before destroying the old resource. Replace-only types default to true.</summary>
    public bool? CreateBeforeDestroy { get; init; }

    /// <summary>Refuse any plan that destroys this resource.</summary>
    public bool? PreventDestroy { get; init; }

    /// <summary>Attribute names whose drift Terraform ignores. Never list what defines the machine.</summary>
    public ImmutableArray<string> IgnoreChanges { get; init; }

    /// <summary>Replace this resource whenever one of these is replaced or changed.</summary>
    public ImmutableArray<Resource> ReplaceTriggeredBy { get; init; }

    /// <summary>Conditions checked before Terraform plans a change to this resource: a false one stops the plan.</summary>
    public ImmutableArray<Condition> Preconditions { get; init; }

    /// <summary>Conditions checked after Terraform creates or updates this resource: a false one fails the apply.</summary>
    public ImmutableArray<Condition> Postconditions { get; init; }
}
