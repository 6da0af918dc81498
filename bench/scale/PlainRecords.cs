// The compiler's floor for bench/scale: the same stack source compiled against plain records with string, int and
// list properties — no Expr<T>, no implicit conversions, no generator, no analyzers. Same names and shapes as the
// DSL's, so make_stacks.py writes one C# text for both.
using System.Collections.Generic;

namespace DslInfra
{
    [System.AttributeUsage(System.AttributeTargets.Class)]
    public sealed class StackAttribute(string name) : System.Attribute
    {
        public string Name { get; } = name;
    }

    public sealed record S3Backend
    {
        public string? Bucket { get; init; }
        public string? Key { get; init; }
        public string? Region { get; init; }
    }

    public sealed record Lifecycle
    {
        public bool? CreateBeforeDestroy { get; init; }
    }
}

namespace DslInfra.Aws
{
    public sealed record AwsProvider
    {
        public string? Region { get; init; }
        public DefaultTags? DefaultTags { get; init; }
    }

    public sealed record DefaultTags
    {
        public Dictionary<string, string>? Tags { get; init; }
    }

    public sealed record DataAwsAmiFilter
    {
        public string? Name { get; init; }
        public List<string>? Values { get; init; }
    }

    public sealed record DataAwsAmi(string Name)
    {
        public List<string>? Owners { get; init; }
        public List<DataAwsAmiFilter>? Filter { get; init; }
        public string Id => $"${{data.aws_ami.{Name}.id}}";
    }

    public sealed record AwsLaunchTemplateTagSpecifications
    {
        public string? ResourceType { get; init; }
        public Dictionary<string, string>? Tags { get; init; }
    }

    public sealed record AwsLaunchTemplate(string Name)
    {
        public string? NamePrefix { get; init; }
        public string? ImageId { get; init; }
        public string? InstanceType { get; init; }
        public string? UserData { get; init; }
        public List<AwsLaunchTemplateTagSpecifications>? TagSpecifications { get; init; }
        public DslInfra.Lifecycle? Lifecycle { get; init; }
        public string Id => $"${{aws_launch_template.{Name}.id}}";
        public string LatestVersion => $"${{aws_launch_template.{Name}.latest_version}}";
    }

    public sealed record AwsAutoscalingGroupLaunchTemplate
    {
        public string? Id { get; init; }
        public string? Version { get; init; }
    }

    public sealed record AwsAutoscalingGroupTag
    {
        public string? Key { get; init; }
        public string? Value { get; init; }
        public bool? PropagateAtLaunch { get; init; }
    }

    public sealed record AwsAutoscalingGroupInstanceRefresh
    {
        public string? Strategy { get; init; }
    }

    public sealed record AwsAutoscalingGroup(string Name)
    {
        public string? NamePrefix { get; init; }
        public int? MinSize { get; init; }
        public int? MaxSize { get; init; }
        public int? MaxInstanceLifetime { get; init; }
        public List<string>? VpcZoneIdentifier { get; init; }
        public AwsAutoscalingGroupLaunchTemplate? LaunchTemplate { get; init; }
        public List<AwsAutoscalingGroupTag>? Tag { get; init; }
        public AwsAutoscalingGroupInstanceRefresh? InstanceRefresh { get; init; }
    }
}
