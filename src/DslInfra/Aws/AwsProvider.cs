using System.Collections.Immutable;
using DslInfra.Schema;

namespace DslInfra.Aws;

/// <summary>The AWS provider (hashicorp/aws).</summary>
[TerraformProvider("aws", "hashicorp/aws")]
public sealed record AwsProvider : ProviderConfig
{
    /// <summary>The region resources are created in.</summary>
    public Expr<string>? Region { get; init; }

    /// <summary>A named profile from the shared credentials file.</summary>
    public Expr<string>? Profile { get; init; }

    /// <summary>The only accounts this configuration may act on: a guard against deploying to the wrong account.</summary>
    public ImmutableArray<Expr<string>> AllowedAccountIds { get; init; }

    /// <summary>Tags every resource of this provider gets.</summary>
    [NestedBlock]
    public DefaultTags? DefaultTags { get; init; }
}

/// <summary>The default_tags block of the AWS provider.</summary>
public sealed record DefaultTags
{
    /// <summary>The tags.</summary>
    public Map<Expr<string>>? Tags { get; init; }
}

/// <summary>State in an S3 bucket.</summary>
[TerraformBackend("s3")]
public sealed record S3Backend : Backend
{
    /// <summary>The bucket holding the state.</summary>
    [Required] public string? Bucket { get; init; }

    /// <summary>The state object's key.</summary>
    [Required] public string? Key { get; init; }

    /// <summary>The bucket's region.</summary>
    [Required] public string? Region { get; init; }

    /// <summary>Encrypt the state at rest.</summary>
    public bool? Encrypt { get; init; }

    /// <summary>Lock with an S3 lock file (Terraform 1.10+).</summary>
    public bool? UseLockfile { get; init; }

    /// <summary>Lock with a DynamoDB table (older Terraform).</summary>
    public string? DynamodbTable { get; init; }
}

/// <summary>State in a local file.</summary>
[TerraformBackend("local")]
public sealed record LocalBackend : Backend
{
    /// <summary>The state file's path.</summary>
    public string? Path { get; init; }
}
