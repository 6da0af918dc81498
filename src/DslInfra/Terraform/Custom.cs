using System.Collections.Immutable;

namespace DslInfra;

/// <summary>Any resource type DslInfra does not model yet: its Terraform type, arguments and nested blocks.</summary>
public sealed record CustomResource : Resource
{
    /// <summary>Declares a resource of Terraform type <paramref name="type"/> named <paramref name="name"/>.</summary>
    public CustomResource(string type, string name) : base(name) => Type = type;

    /// <summary>The Terraform type, e.g. <c>aws_cloudwatch_log_group</c>.</summary>
    public string Type { get; init; }

    /// <summary>The resource's arguments by their Terraform names: any value (a literal, a reference, an array, a nested <c>Map&lt;object&gt;</c> for an object).</summary>
    public Map<object>? Arguments { get; init; }

    /// <summary>The resource's nested blocks, in order.</summary>
    public ImmutableArray<CustomBlock> Blocks { get; init; }

    /// <summary>Whether every change to this resource replaces it.</summary>
    public bool ReplaceOnly { get; init; }

    /// <inheritdoc/>
    public override string TerraformType => Type;
}

/// <summary>Any data source type DslInfra does not model yet.</summary>
public sealed record CustomDataSource : DataSource
{
    /// <summary>Declares a data source of Terraform type <paramref name="type"/> named <paramref name="name"/>.</summary>
    public CustomDataSource(string type, string name) : base(name) => Type = type;

    /// <summary>The Terraform type, e.g. <c>aws_caller_identity</c>.</summary>
    public string Type { get; init; }

    /// <summary>The data source's arguments by their Terraform names.</summary>
    public Map<object>? Arguments { get; init; }

    /// <summary>The data source's nested blocks, in order.</summary>
    public ImmutableArray<CustomBlock> Blocks { get; init; }

    /// <inheritdoc/>
    public override string TerraformType => Type;
}

/// <summary>A nested block of a custom resource: its type, arguments and own nested blocks.</summary>
public sealed record CustomBlock(string Type)
{
    /// <summary>The block's arguments by their Terraform names.</summary>
    public Map<object>? Arguments { get; init; }

    /// <summary>The block's own nested blocks, in order.</summary>
    public ImmutableArray<CustomBlock> Blocks { get; init; }
}
