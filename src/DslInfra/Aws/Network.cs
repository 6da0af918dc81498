using System.Collections.Immutable;
using DslInfra.Schema;

namespace DslInfra.Aws;

/// <summary>A VPC (aws_vpc).</summary>
[TerraformType("aws_vpc")]
public sealed record AwsVpc(string Name) : Resource(Name)
{
    /// <summary>The IPv4 CIDR block.</summary>
    [Required] public Expr<string>? CidrBlock { get; init; }

    /// <summary>Give instances DNS hostnames.</summary>
    public Expr<bool>? EnableDnsHostnames { get; init; }

    /// <summary>Resolve DNS inside the VPC.</summary>
    public Expr<bool>? EnableDnsSupport { get; init; }

    /// <summary>The tags.</summary>
    public Map<Expr<string>>? Tags { get; init; }

    /// <summary>The VPC's id.</summary>
    public Reference<string> Id => Attr<string>("id");

    /// <summary>The VPC's ARN.</summary>
    public Reference<string> Arn => Attr<string>("arn");
}

/// <summary>A subnet (aws_subnet).</summary>
[TerraformType("aws_subnet")]
public sealed record AwsSubnet(string Name) : Resource(Name)
{
    /// <summary>The VPC the subnet belongs to.</summary>
    [Required] public Expr<string>? VpcId { get; init; }

    /// <summary>The IPv4 CIDR block.</summary>
    public Expr<string>? CidrBlock { get; init; }

    /// <summary>The availability zone, e.g. eu-west-1a.</summary>
    public Expr<string>? AvailabilityZone { get; init; }

    /// <summary>Give instances launched here a public IP.</summary>
    public Expr<bool>? MapPublicIpOnLaunch { get; init; }

    /// <summary>The tags.</summary>
    public Map<Expr<string>>? Tags { get; init; }

    /// <summary>The subnet's id.</summary>
    public Reference<string> Id => Attr<string>("id");

    /// <summary>The subnet's ARN.</summary>
    public Reference<string> Arn => Attr<string>("arn");
}

/// <summary>A security group (aws_security_group).</summary>
[TerraformType("aws_security_group")]
public sealed record AwsSecurityGroup(string Name) : Resource(Name)
{
    /// <summary>The group's name in AWS (the Terraform name is the record's Name).</summary>
    [TerraformName("name")] public Expr<string>? GroupName { get; init; }

    /// <summary>A prefix for a generated group name, so a replacement can exist beside the old group.</summary>
    public Expr<string>? NamePrefix { get; init; }

    /// <summary>What the group is for. Changing it replaces the group.</summary>
    public Expr<string>? Description { get; init; }

    /// <summary>The VPC.</summary>
    public Expr<string>? VpcId { get; init; }

    /// <summary>Inbound rules.</summary>
    [NestedBlock] public ImmutableArray<SecurityGroupRule> Ingress { get; init; }

    /// <summary>Outbound rules.</summary>
    [NestedBlock] public ImmutableArray<SecurityGroupRule> Egress { get; init; }

    /// <summary>The tags.</summary>
    public Map<Expr<string>>? Tags { get; init; }

    /// <summary>The group's id.</summary>
    public Reference<string> Id => Attr<string>("id");

    /// <summary>The group's ARN.</summary>
    public Reference<string> Arn => Attr<string>("arn");
}

/// <summary>An ingress or egress rule of a security group.</summary>
[AttributesAsBlocks]
public sealed record SecurityGroupRule
{
    /// <summary>First port of the range.</summary>
    [Required] public Expr<int>? FromPort { get; init; }

    /// <summary>Last port of the range.</summary>
    [Required] public Expr<int>? ToPort { get; init; }

    /// <summary>tcp, udp, icmp, or -1 for all.</summary>
    [Required] public Expr<string>? Protocol { get; init; }

    /// <summary>IPv4 ranges.</summary>
    public ImmutableArray<Expr<string>> CidrBlocks { get; init; }

    /// <summary>IPv6 ranges.</summary>
    public ImmutableArray<Expr<string>> Ipv6CidrBlocks { get; init; }

    /// <summary>Prefix list ids.</summary>
    public ImmutableArray<Expr<string>> PrefixListIds { get; init; }

    /// <summary>Source or destination security group ids.</summary>
    public ImmutableArray<Expr<string>> SecurityGroups { get; init; }

    /// <summary>The group itself as source or destination.</summary>
    public Expr<bool>? Self { get; init; }

    /// <summary>What the rule is for.</summary>
    public Expr<string>? Description { get; init; }
}
