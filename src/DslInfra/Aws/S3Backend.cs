using System.Collections.Immutable;
using DslInfra.Schema;

namespace DslInfra.Aws;

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
