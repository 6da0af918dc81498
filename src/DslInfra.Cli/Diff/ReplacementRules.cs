namespace DslInfra.Cli.Diff;

/// <summary>
/// Arguments whose change forces the AWS provider to replace a resource (ForceNew in its schema), for the
/// types DslInfra models. Without a provider schema at hand this table is how `diff` says *why* a change replaces.
/// </summary>
internal static class ReplacementRules
{
    private static readonly Dictionary<string, HashSet<string>> ForceNew = new(StringComparer.Ordinal)
    {
        ["aws_vpc"] = ["cidr_block", "instance_tenancy"],
        ["aws_subnet"] = ["vpc_id", "cidr_block", "availability_zone", "availability_zone_id", "ipv6_native"],
        ["aws_security_group"] = ["name", "name_prefix", "description", "vpc_id"],
        ["aws_launch_template"] = ["name", "name_prefix"],
        ["aws_autoscaling_group"] = ["name", "name_prefix"],
        ["aws_lb"] = ["name", "name_prefix", "internal", "load_balancer_type"],
        ["aws_lb_target_group"] = ["name", "name_prefix", "port", "protocol", "vpc_id", "target_type"],
        ["aws_lb_listener"] = ["load_balancer_arn"],
        ["aws_instance"] = ["ami", "availability_zone", "subnet_id", "key_name", "private_ip", "associate_public_ip_address", "root_block_device", "tenancy"],
        ["aws_iam_role"] = ["name", "name_prefix", "path"],
        ["aws_iam_instance_profile"] = ["name", "name_prefix", "path"],
        ["aws_s3_bucket"] = ["bucket", "bucket_prefix", "object_lock_enabled"],
    };

    /// <summary>The changed arguments that force replacement, in order.</summary>
    public static IReadOnlyList<string> Forcing(string type, IEnumerable<string> changed, IReadOnlyDictionary<string, bool> extra)
    {
        var forcing = new List<string>();
        foreach (var argument in changed)
        {
            if (ForceNew.TryGetValue(type, out var set) && set.Contains(argument))
                forcing.Add(argument);
            else if (type == "aws_instance" && argument == "user_data" && extra.GetValueOrDefault("user_data_replace_on_change"))
                forcing.Add(argument);
        }
        return forcing;
    }
}
