using System;
using System.Collections.Generic;

namespace DslInfra.Catalog;

/// <summary>
/// What each Terraform type and argument means for immutable infrastructure, in one place. This one source file is
/// compiled into every part that needs it (the stack generator, the analyzers, `dslinfra bindings` and the dslinfra
/// CLI), so they can never disagree. docs/catalog.md says where each fact comes from: provider schemas carry none of
/// them (no ForceNew, no "serves traffic"), so they are curated here from the providers' documentation.
/// A type nobody listed gets the safe default of each question (see each member).
/// </summary>
internal static class TypeCatalog
{
    /// <summary>
    /// Types that must never change in place: servers that boot from an image. Any change replaces them, and they
    /// default to create_before_destroy. An unlisted type may update in place (the review gate, without a manifest,
    /// still treats every in-place update as a violation).
    /// </summary>
    public static readonly HashSet<string> ReplaceOnly = new(StringComparer.Ordinal)
    {
        "aws_instance", "aws_launch_configuration", "aws_spot_instance_request",
        "azurerm_linux_virtual_machine", "azurerm_windows_virtual_machine", "azurerm_virtual_machine",
        "google_compute_instance", "google_compute_instance_template", "google_compute_region_instance_template",
    };

    /// <summary>
    /// Types whose destroy-then-create replacement drops traffic (DI4002 in the review gate). An unlisted type is not
    /// assumed to serve traffic; the gate's DI4001 still guards its in-place updates.
    /// </summary>
    public static readonly HashSet<string> ServesTraffic = new(StringComparer.Ordinal)
    {
        "aws_instance", "aws_autoscaling_group", "aws_launch_template", "aws_lb", "aws_alb", "aws_lb_listener", "aws_alb_listener",
        "aws_lb_target_group", "aws_alb_target_group", "aws_lb_listener_rule", "aws_eip", "aws_route53_record", "aws_ecs_service",
        "aws_cloudfront_distribution", "aws_api_gateway_deployment", "aws_security_group", "aws_nat_gateway", "aws_lambda_function",
        "azurerm_linux_virtual_machine", "azurerm_windows_virtual_machine", "azurerm_linux_virtual_machine_scale_set", "azurerm_lb",
        "google_compute_instance", "google_compute_instance_group_manager", "google_compute_forwarding_rule",
        "kubernetes_deployment", "kubernetes_deployment_v1", "kubernetes_service", "kubernetes_service_v1", "kubernetes_ingress_v1",
    };

    /// <summary>
    /// Types that hold state — data, keys, disks — that goes with them when they are destroyed or replaced (DI4005 in
    /// the review gate, DI3004 at compile time without prevent_destroy). Immutable infrastructure replaces compute and
    /// keeps these. An unlisted type is assumed to hold nothing that a new one would not have.
    /// </summary>
    public static readonly HashSet<string> Stateful = new(StringComparer.Ordinal)
    {
        "aws_db_instance", "aws_rds_cluster", "aws_dynamodb_table", "aws_s3_bucket", "aws_ebs_volume", "aws_efs_file_system",
        "aws_elasticache_cluster", "aws_elasticache_replication_group", "aws_elasticache_serverless_cache", "aws_docdb_cluster",
        "aws_neptune_cluster", "aws_redshift_cluster", "aws_opensearch_domain", "aws_elasticsearch_domain", "aws_kinesis_stream",
        "aws_msk_cluster", "aws_fsx_lustre_file_system", "aws_fsx_windows_file_system", "aws_fsx_ontap_file_system",
        "aws_fsx_openzfs_file_system", "aws_backup_vault", "aws_kms_key", "aws_secretsmanager_secret", "aws_sqs_queue",
        "azurerm_storage_account", "azurerm_mssql_server", "azurerm_mssql_database", "azurerm_postgresql_flexible_server",
        "azurerm_mysql_flexible_server", "azurerm_cosmosdb_account", "azurerm_managed_disk", "azurerm_key_vault", "azurerm_redis_cache",
        "google_sql_database_instance", "google_sql_database", "google_storage_bucket", "google_compute_disk", "google_bigquery_dataset",
        "google_bigquery_table", "google_spanner_instance", "google_spanner_database", "google_redis_instance", "google_filestore_instance",
        "google_kms_crypto_key",
        "kubernetes_persistent_volume", "kubernetes_persistent_volume_v1", "kubernetes_persistent_volume_claim", "kubernetes_persistent_volume_claim_v1",
    };

    /// <summary>
    /// Groups of machines that can replace their instances on a schedule, with the argument that sets the longest an
    /// instance may live (DI3005 when it is unset): instances that live long drift and collect risk. Other providers'
    /// groups have no such setting; an unlisted type is not asked for one.
    /// </summary>
    public static readonly Dictionary<string, string> InstanceLifetime = new(StringComparer.Ordinal)
    {
        ["aws_autoscaling_group"] = "max_instance_lifetime",
    };

    /// <summary>
    /// Groups of machines that replace their running instances when the machine definition they launch from changes,
    /// for `dslinfra diff`'s blast radius: the arguments whose change reaches the instances, and the setting without
    /// which the running instances keep the old definition (only new instances get the new one). Null setting: the
    /// group always rolls (Kubernetes workloads). An unlisted type is not assumed to roll anything.
    /// </summary>
    public static readonly Dictionary<string, Roll> Rolls = new(StringComparer.Ordinal)
    {
        ["aws_autoscaling_group"] = new(new(StringComparer.Ordinal) { "launch_template", "launch_configuration", "mixed_instances_policy" }, "instance_refresh", null),
        ["azurerm_linux_virtual_machine_scale_set"] = new(new(StringComparer.Ordinal) { "source_image_id", "source_image_reference", "custom_data", "user_data", "sku" }, "upgrade_mode", "Manual"),
        ["azurerm_windows_virtual_machine_scale_set"] = new(new(StringComparer.Ordinal) { "source_image_id", "source_image_reference", "custom_data", "user_data", "sku" }, "upgrade_mode", "Manual"),
        ["google_compute_instance_group_manager"] = new(new(StringComparer.Ordinal) { "version" }, "update_policy", null),
        ["google_compute_region_instance_group_manager"] = new(new(StringComparer.Ordinal) { "version" }, "update_policy", null),
        ["kubernetes_deployment"] = new(new(StringComparer.Ordinal) { "spec" }, null, null),
        ["kubernetes_deployment_v1"] = new(new(StringComparer.Ordinal) { "spec" }, null, null),
        ["kubernetes_stateful_set"] = new(new(StringComparer.Ordinal) { "spec" }, null, null),
        ["kubernetes_stateful_set_v1"] = new(new(StringComparer.Ordinal) { "spec" }, null, null),
        ["kubernetes_daemonset"] = new(new(StringComparer.Ordinal) { "spec" }, null, null),
        ["kubernetes_daemon_set_v1"] = new(new(StringComparer.Ordinal) { "spec" }, null, null),
    };

    /// <summary>
    /// Types that keep every version of themselves: an in-place change adds a version, and these attributes change
    /// with it (what a group launching "the latest version" follows). An unlisted type changes only what was set.
    /// </summary>
    public static readonly Dictionary<string, HashSet<string>> Versioned = new(StringComparer.Ordinal)
    {
        ["aws_launch_template"] = new(StringComparer.Ordinal) { "latest_version", "default_version" },
        ["aws_lambda_function"] = new(StringComparer.Ordinal) { "version", "qualified_arn", "qualified_invoke_arn", "last_modified" },
        ["aws_ecs_task_definition"] = new(StringComparer.Ordinal) { "arn", "revision", "id" },
        ["google_compute_instance_template"] = new(StringComparer.Ordinal) { "self_link", "self_link_unique", "id" },
    };

    /// <summary>
    /// Arguments that define what a machine is, in any type: ignore_changes on one lets the running machine drift from
    /// its declaration (DI2006). Matched by name, so an unlisted type is covered by its arguments' names.
    /// </summary>
    public static readonly HashSet<string> MachineDefining = new(StringComparer.Ordinal)
    {
        "ami", "image_id", "user_data", "user_data_base64", "instance_type", "launch_template", "image", "source_image_id",
        "machine_type", "custom_data", "source_image_reference", "boot_disk", "container_definitions", "metadata_startup_script",
        "source_image",
    };

    /// <summary>Arguments whose script runs when a machine boots (DI2005 reads them for installs and config pulls), in any type.</summary>
    public static readonly HashSet<string> UserData = new(StringComparer.Ordinal)
    {
        "user_data", "user_data_base64", "custom_data", "metadata_startup_script",
    };

    /// <summary>
    /// Arguments whose change makes the provider replace the resource (ForceNew in the provider's source; schemas do
    /// not carry it), for `dslinfra diff` to say why a change replaces. The plan's replace_paths stay authoritative.
    /// </summary>
    public static readonly Dictionary<string, HashSet<string>> ForcesReplacement = new(StringComparer.Ordinal)
    {
        ["aws_vpc"] = new(StringComparer.Ordinal) { "cidr_block", "instance_tenancy" },
        ["aws_subnet"] = new(StringComparer.Ordinal) { "vpc_id", "cidr_block", "availability_zone", "availability_zone_id", "ipv6_native" },
        ["aws_security_group"] = new(StringComparer.Ordinal) { "name", "name_prefix", "description", "vpc_id" },
        ["aws_launch_template"] = new(StringComparer.Ordinal) { "name", "name_prefix" },
        ["aws_autoscaling_group"] = new(StringComparer.Ordinal) { "name", "name_prefix" },
        ["aws_lb"] = new(StringComparer.Ordinal) { "name", "name_prefix", "internal", "load_balancer_type" },
        ["aws_lb_target_group"] = new(StringComparer.Ordinal) { "name", "name_prefix", "port", "protocol", "vpc_id", "target_type" },
        ["aws_lb_listener"] = new(StringComparer.Ordinal) { "load_balancer_arn" },
        ["aws_instance"] = new(StringComparer.Ordinal) { "ami", "availability_zone", "subnet_id", "key_name", "private_ip", "associate_public_ip_address", "root_block_device", "tenancy" },
        ["aws_iam_role"] = new(StringComparer.Ordinal) { "name", "name_prefix", "path" },
        ["aws_iam_instance_profile"] = new(StringComparer.Ordinal) { "name", "name_prefix", "path" },
        ["aws_s3_bucket"] = new(StringComparer.Ordinal) { "bucket", "bucket_prefix", "object_lock_enabled" },
        ["aws_rds_cluster"] = new(StringComparer.Ordinal) { "cluster_identifier", "cluster_identifier_prefix", "engine", "database_name", "master_username", "storage_encrypted", "kms_key_id", "availability_zones" },
        ["aws_db_instance"] = new(StringComparer.Ordinal) { "identifier", "identifier_prefix", "engine", "db_name", "username", "storage_encrypted", "kms_key_id", "availability_zone" },
        ["aws_lambda_function"] = new(StringComparer.Ordinal) { "function_name", "package_type" },
        ["aws_cloudwatch_log_group"] = new(StringComparer.Ordinal) { "name", "name_prefix" },
        ["google_compute_instance_template"] = new(StringComparer.Ordinal) { "name", "name_prefix", "machine_type", "disk", "network_interface", "metadata_startup_script" },
    };

    /// <summary>Whether a change to this argument of this type replaces the resource (false for anything unlisted).</summary>
    public static bool ForcesReplacementOf(string type, string argument) =>
        ForcesReplacement.TryGetValue(type, out var arguments) && arguments.Contains(argument);
}

/// <summary>
/// How a group rolls its instances: the arguments that reach them, the setting that makes it roll (null: always), and
/// the setting's value that means "do not roll" (null: the setting's presence is enough).
/// </summary>
internal sealed class Roll
{
    public Roll(HashSet<string> triggers, string? setting, string? manualValue)
    {
        Triggers = triggers;
        Setting = setting;
        ManualValue = manualValue;
    }

    public HashSet<string> Triggers { get; }

    public string? Setting { get; }

    public string? ManualValue { get; }
}
