using DslInfra.Offline.Values;

namespace DslInfra.Offline.Server;

/// <summary>
/// Defaults a provider plans for an optional argument left unset (the SDK's <c>Default:</c>), which the schema dumps do
/// not carry. Without them an offline plan has null where the real one has the default, and a condition such as
/// <c>self.enable_dns_support</c> fails as "must return true or false, not null". Written from the providers'
/// documentation, for the arguments conditions and checks commonly read; short on purpose, and not authoritative.
/// </summary>
internal static class ProviderDefaults
{
    private static readonly Dictionary<string, Dictionary<string, object>> Defaults = new(StringComparer.Ordinal)
    {
        ["aws_vpc"] = new(StringComparer.Ordinal) { ["enable_dns_support"] = true, ["instance_tenancy"] = "default", ["assign_generated_ipv6_cidr_block"] = false },
        ["aws_subnet"] = new(StringComparer.Ordinal) { ["map_public_ip_on_launch"] = false, ["assign_ipv6_address_on_creation"] = false },
        ["aws_security_group"] = new(StringComparer.Ordinal) { ["revoke_rules_on_delete"] = false },
        ["aws_s3_bucket"] = new(StringComparer.Ordinal) { ["force_destroy"] = false },
        ["aws_instance"] = new(StringComparer.Ordinal) { ["source_dest_check"] = true, ["get_password_data"] = false, ["user_data_replace_on_change"] = false },
        ["aws_lb"] = new(StringComparer.Ordinal) { ["enable_deletion_protection"] = false, ["idle_timeout"] = new CtyNumber("60"), ["enable_http2"] = true },
        ["aws_lb_target_group"] = new(StringComparer.Ordinal) { ["deregistration_delay"] = "300", ["slow_start"] = new CtyNumber("0") },
        ["aws_db_instance"] = new(StringComparer.Ordinal)
        {
            ["skip_final_snapshot"] = false, ["publicly_accessible"] = false, ["deletion_protection"] = false, ["auto_minor_version_upgrade"] = true,
        },
        ["aws_autoscaling_group"] = new(StringComparer.Ordinal) { ["force_delete"] = false, ["wait_for_capacity_timeout"] = "10m", ["protect_from_scale_in"] = false },
        ["aws_cloudwatch_log_group"] = new(StringComparer.Ordinal) { ["retention_in_days"] = new CtyNumber("0"), ["skip_destroy"] = false },
        ["aws_kms_key"] = new(StringComparer.Ordinal) { ["is_enabled"] = true, ["enable_key_rotation"] = false },
        ["aws_ecr_repository"] = new(StringComparer.Ordinal) { ["image_tag_mutability"] = "MUTABLE", ["force_delete"] = false },
    };

    /// <summary>
    /// Fills the defaults of <paramref name="type"/>'s unset optional, non-computed arguments in <paramref name="planned"/>;
    /// true when it filled one (the answer then says legacy_type_system, as an SDK provider's does, for core to accept it).
    /// </summary>
    public static bool Apply(string type, Schemas.BlockSchema schema, Dictionary<string, object?> planned)
    {
        if (!Defaults.TryGetValue(type, out var defaults))
            return false;
        var filled = false;
        foreach (var (name, value) in defaults)
            if (schema.Attributes.TryGetValue(name, out var attribute) && attribute.Optional && !attribute.Computed && planned.GetValueOrDefault(name) is null)
            {
                planned[name] = value;
                filled = true;
            }
        return filled;
    }
}
