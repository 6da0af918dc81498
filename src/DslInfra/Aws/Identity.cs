using DslInfra.Schema;

namespace DslInfra.Aws;

/// <summary>An IAM role (aws_iam_role).</summary>
[TerraformType("aws_iam_role")]
public sealed record AwsIamRole(string Name) : Resource(Name)
{
    /// <summary>A prefix for the generated role name.</summary>
    public Expr<string>? NamePrefix { get; init; }

    /// <summary>Who may assume the role: a JSON policy document.</summary>
    [Required] public Expr<string>? AssumeRolePolicy { get; init; }

    /// <summary>What the role is for.</summary>
    public Expr<string>? Description { get; init; }

    /// <summary>The IAM path.</summary>
    public Expr<string>? Path { get; init; }

    /// <summary>The tags.</summary>
    public Map<Expr<string>>? Tags { get; init; }

    /// <summary>The role's ARN.</summary>
    public Reference<string> Arn => Attr<string>("arn");

    /// <summary>The role's name.</summary>
    [TerraformName("name")] public Reference<string> RoleName => Attr<string>("name");
}

/// <summary>An instance profile (aws_iam_instance_profile).</summary>
[TerraformType("aws_iam_instance_profile")]
public sealed record AwsIamInstanceProfile(string Name) : Resource(Name)
{
    /// <summary>A prefix for the generated profile name.</summary>
    public Expr<string>? NamePrefix { get; init; }

    /// <summary>The role's name.</summary>
    public Expr<string>? Role { get; init; }

    /// <summary>The profile's ARN.</summary>
    public Reference<string> Arn => Attr<string>("arn");

    /// <summary>The profile's name.</summary>
    [TerraformName("name")] public Reference<string> ProfileName => Attr<string>("name");
}

/// <summary>An S3 bucket (aws_s3_bucket).</summary>
[TerraformType("aws_s3_bucket")]
public sealed record AwsS3Bucket(string Name) : Resource(Name)
{
    /// <summary>The bucket's globally unique name.</summary>
    public Expr<string>? Bucket { get; init; }

    /// <summary>A prefix for a generated bucket name.</summary>
    public Expr<string>? BucketPrefix { get; init; }

    /// <summary>Delete objects with the bucket.</summary>
    public Expr<bool>? ForceDestroy { get; init; }

    /// <summary>Enable object lock (write once, read many).</summary>
    public Expr<bool>? ObjectLockEnabled { get; init; }

    /// <summary>The tags.</summary>
    public Map<Expr<string>>? Tags { get; init; }

    /// <summary>The bucket's name.</summary>
    public Reference<string> Id => Attr<string>("id");

    /// <summary>The bucket's ARN.</summary>
    public Reference<string> Arn => Attr<string>("arn");
}
