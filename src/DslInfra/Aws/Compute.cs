using System.Collections.Immutable;
using DslInfra.Schema;

namespace DslInfra.Aws;

/// <summary>An AMI lookup (data aws_ami). Pin it: exact owners and an exact name, not most_recent over a wildcard.</summary>
[TerraformType("aws_ami")]
public sealed record AwsAmi(string Name) : DataSource(Name)
{
    /// <summary>Accounts whose images may match, e.g. self or 099720109477.</summary>
    [Required] public ImmutableArray<Expr<string>> Owners { get; init; }

    /// <summary>Take the newest match when several match.</summary>
    public Expr<bool>? MostRecent { get; init; }

    /// <summary>A regular expression the image name must match.</summary>
    public Expr<string>? NameRegex { get; init; }

    /// <summary>Filters, e.g. name = ubuntu/images/…</summary>
    [NestedBlock] public ImmutableArray<AmiFilter> Filter { get; init; }

    /// <summary>The image id.</summary>
    public Reference<string> Id => Attr<string>("id");

    /// <summary>The image's name.</summary>
    [TerraformName("name")] public Reference<string> ImageName => Attr<string>("name");
}

/// <summary>A filter of an AMI lookup.</summary>
public sealed record AmiFilter
{
    /// <summary>The filter's name, e.g. name or architecture.</summary>
    [Required] public Expr<string>? Name { get; init; }

    /// <summary>The accepted values.</summary>
    [Required] public ImmutableArray<Expr<string>> Values { get; init; }
}

/// <summary>A launch template (aws_launch_template): each change is a new version that instances are rolled onto.</summary>
[TerraformType("aws_launch_template")]
public sealed record AwsLaunchTemplate(string Name) : Resource(Name)
{
    /// <summary>A prefix for the generated template name.</summary>
    public Expr<string>? NamePrefix { get; init; }

    /// <summary>The image instances boot from.</summary>
    public Expr<string>? ImageId { get; init; }

    /// <summary>The instance type, e.g. t3.small.</summary>
    public Expr<string>? InstanceType { get; init; }

    /// <summary>Security groups of the instances.</summary>
    public ImmutableArray<Expr<string>> VpcSecurityGroupIds { get; init; }

    /// <summary>Base64 user data. Keep it to configuration; install nothing at boot.</summary>
    public Expr<string>? UserData { get; init; }

    /// <summary>Make each new version the default.</summary>
    public Expr<bool>? UpdateDefaultVersion { get; init; }

    /// <summary>The instance profile.</summary>
    [NestedBlock] public IamInstanceProfileSpec? IamInstanceProfile { get; init; }

    /// <summary>Instance metadata service settings.</summary>
    [NestedBlock] public MetadataOptions? MetadataOptions { get; init; }

    /// <summary>Volumes.</summary>
    [NestedBlock] public ImmutableArray<BlockDeviceMapping> BlockDeviceMappings { get; init; }

    /// <summary>Tags given to the instances and volumes launched.</summary>
    [NestedBlock] public ImmutableArray<TagSpecification> TagSpecifications { get; init; }

    /// <summary>The template's own tags.</summary>
    public Map<Expr<string>>? Tags { get; init; }

    /// <summary>The template's id.</summary>
    public Reference<string> Id => Attr<string>("id");

    /// <summary>The template's ARN.</summary>
    public Reference<string> Arn => Attr<string>("arn");

    /// <summary>The newest version number.</summary>
    public Reference<int> LatestVersion => Attr<int>("latest_version");
}

/// <summary>The instance profile of a launch template.</summary>
public sealed record IamInstanceProfileSpec
{
    /// <summary>The profile's name.</summary>
    public Expr<string>? Name { get; init; }

    /// <summary>The profile's ARN.</summary>
    public Expr<string>? Arn { get; init; }
}

/// <summary>Instance metadata service settings; require IMDSv2 tokens.</summary>
public sealed record MetadataOptions
{
    /// <summary>required (IMDSv2) or optional.</summary>
    public Expr<string>? HttpTokens { get; init; }

    /// <summary>enabled or disabled.</summary>
    public Expr<string>? HttpEndpoint { get; init; }

    /// <summary>How many network hops the token may travel.</summary>
    public Expr<int>? HttpPutResponseHopLimit { get; init; }
}

/// <summary>A volume of a launch template.</summary>
public sealed record BlockDeviceMapping
{
    /// <summary>The device, e.g. /dev/xvda.</summary>
    [Required] public Expr<string>? DeviceName { get; init; }

    /// <summary>The EBS volume.</summary>
    [NestedBlock] public EbsVolume? Ebs { get; init; }
}

/// <summary>An EBS volume.</summary>
public sealed record EbsVolume
{
    /// <summary>Size in GiB.</summary>
    public Expr<int>? VolumeSize { get; init; }

    /// <summary>gp3, gp2, io2…</summary>
    public Expr<string>? VolumeType { get; init; }

    /// <summary>Encrypt at rest.</summary>
    public Expr<bool>? Encrypted { get; init; }

    /// <summary>Delete with the instance.</summary>
    public Expr<bool>? DeleteOnTermination { get; init; }
}

/// <summary>Tags for what a launch template launches.</summary>
public sealed record TagSpecification
{
    /// <summary>instance, volume, network-interface…</summary>
    [Required] public Expr<string>? ResourceType { get; init; }

    /// <summary>The tags.</summary>
    public Map<Expr<string>>? Tags { get; init; }
}

/// <summary>An EC2 instance (aws_instance). Replace-only: prefer an autoscaling group for anything that serves traffic.</summary>
[TerraformType("aws_instance")]
[ReplaceOnly]
public sealed record AwsInstance(string Name) : Resource(Name)
{
    /// <summary>The image.</summary>
    [Required] public Expr<string>? Ami { get; init; }

    /// <summary>The instance type.</summary>
    [Required] public Expr<string>? InstanceType { get; init; }

    /// <summary>The subnet.</summary>
    public Expr<string>? SubnetId { get; init; }

    /// <summary>Security groups.</summary>
    public ImmutableArray<Expr<string>> VpcSecurityGroupIds { get; init; }

    /// <summary>The instance profile's name.</summary>
    public Expr<string>? IamInstanceProfile { get; init; }

    /// <summary>User data. Keep it to configuration; install nothing at boot.</summary>
    public Expr<string>? UserData { get; init; }

    /// <summary>Replace the instance when its user data changes (rather than ignoring the change).</summary>
    public Expr<bool>? UserDataReplaceOnChange { get; init; }

    /// <summary>Give the instance a public IP.</summary>
    public Expr<bool>? AssociatePublicIpAddress { get; init; }

    /// <summary>Instance metadata service settings.</summary>
    [NestedBlock] public MetadataOptions? MetadataOptions { get; init; }

    /// <summary>The root volume.</summary>
    [NestedBlock] public EbsVolume? RootBlockDevice { get; init; }

    /// <summary>The tags.</summary>
    public Map<Expr<string>>? Tags { get; init; }

    /// <summary>The instance's id.</summary>
    public Reference<string> Id => Attr<string>("id");

    /// <summary>The instance's private IP.</summary>
    public Reference<string> PrivateIp => Attr<string>("private_ip");
}

/// <summary>An autoscaling group (aws_autoscaling_group): replaces instances by instance refresh, never patches them.</summary>
[TerraformType("aws_autoscaling_group")]
public sealed record AwsAutoscalingGroup(string Name) : Resource(Name)
{
    /// <summary>The group's name in AWS.</summary>
    [TerraformName("name")] public Expr<string>? GroupName { get; init; }

    /// <summary>A prefix for a generated group name.</summary>
    public Expr<string>? NamePrefix { get; init; }

    /// <summary>Fewest instances.</summary>
    [Required] public Expr<int>? MinSize { get; init; }

    /// <summary>Most instances.</summary>
    [Required] public Expr<int>? MaxSize { get; init; }

    /// <summary>Instances wanted now.</summary>
    public Expr<int>? DesiredCapacity { get; init; }

    /// <summary>Subnets instances are launched in.</summary>
    public ImmutableArray<Expr<string>> VpcZoneIdentifier { get; init; }

    /// <summary>Target groups the instances join.</summary>
    public ImmutableArray<Expr<string>> TargetGroupArns { get; init; }

    /// <summary>EC2 or ELB.</summary>
    public Expr<string>? HealthCheckType { get; init; }

    /// <summary>Seconds before health checks start.</summary>
    public Expr<int>? HealthCheckGracePeriod { get; init; }

    /// <summary>The launch template and its version.</summary>
    [NestedBlock] public LaunchTemplateSpec? LaunchTemplate { get; init; }

    /// <summary>How instances are replaced when the launch template changes.</summary>
    [NestedBlock] public InstanceRefresh? InstanceRefresh { get; init; }

    /// <summary>Tags, and whether instances get them.</summary>
    [NestedBlock] public ImmutableArray<AutoscalingTag> Tag { get; init; }

    /// <summary>The group's id.</summary>
    public Reference<string> Id => Attr<string>("id");

    /// <summary>The group's ARN.</summary>
    public Reference<string> Arn => Attr<string>("arn");
}

/// <summary>Which launch template an autoscaling group uses.</summary>
public sealed record LaunchTemplateSpec
{
    /// <summary>The template's id.</summary>
    public Expr<string>? Id { get; init; }

    /// <summary>A version number, $Latest or $Default.</summary>
    public Expr<string>? Version { get; init; }
}

/// <summary>Rolling replacement of an autoscaling group's instances.</summary>
public sealed record InstanceRefresh
{
    /// <summary>Rolling.</summary>
    [Required] public Expr<string>? Strategy { get; init; }

    /// <summary>How the refresh proceeds.</summary>
    [NestedBlock] public InstanceRefreshPreferences? Preferences { get; init; }

    /// <summary>Further properties whose change starts a refresh.</summary>
    public ImmutableArray<Expr<string>> Triggers { get; init; }
}

/// <summary>Preferences of an instance refresh.</summary>
public sealed record InstanceRefreshPreferences
{
    /// <summary>Percentage of capacity kept healthy during the refresh.</summary>
    public Expr<int>? MinHealthyPercentage { get; init; }

    /// <summary>Seconds a new instance needs before it counts.</summary>
    public Expr<int>? InstanceWarmup { get; init; }

    /// <summary>Skip instances already on the wanted template.</summary>
    public Expr<bool>? SkipMatching { get; init; }

    /// <summary>Roll back when the refresh fails.</summary>
    public Expr<bool>? AutoRollback { get; init; }
}

/// <summary>A tag of an autoscaling group.</summary>
public sealed record AutoscalingTag
{
    /// <summary>The key.</summary>
    [Required] public Expr<string>? Key { get; init; }

    /// <summary>The value.</summary>
    [Required] public Expr<string>? Value { get; init; }

    /// <summary>Give launched instances this tag.</summary>
    [Required] public Expr<bool>? PropagateAtLaunch { get; init; }
}
