using System.Collections.Immutable;

namespace Platform;

/// <summary>
/// One EKS node group as a team describes it in tfvars: the variable's Terraform type is this record
/// (<c>object({instance_types = list(string), min = number, max = number, capacity_type = optional(string, "ON_DEMAND")})</c>).
/// </summary>
public sealed record NodeGroup(ImmutableArray<string> InstanceTypes, int Min, int Max, string CapacityType = "ON_DEMAND");

/// <summary>What the registry's ALB module says about each target group (its <c>target_groups</c> output).</summary>
public sealed record TargetGroup(string Arn, string Name);
