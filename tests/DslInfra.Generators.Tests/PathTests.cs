using System.Text.Json;
using Microsoft.CodeAnalysis;

namespace DslInfra.Generators.Tests;

/// <summary>
/// Paths into values Terraform computes, splats, for expressions and object-typed variables: each written as HCL
/// would write it, and read back by real Terraform with the references HCL would have.
/// </summary>
public class PathTests
{
    private static Dictionary<string, string> Build(string source)
    {
        var compilation = Harness.Compile(Harness.Usings + source);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return Harness.Artifacts(compilation);
    }

    private static JsonElement Resource(JsonDocument terraform, string type, string name) =>
        terraform.RootElement.GetProperty("resource").GetProperty(type).GetProperty(name);

    [Fact]
    public void Acm_dns_validation_is_a_for_expression_over_the_certificates_options()
    {
        var artifacts = Build("""
            [Stack("site")]
            public static class Site
            {
                public static readonly Variable<string> ZoneId = new("zone_id") { Default = "Z123" };
                public static readonly AwsAcmCertificate Certificate = new("site") { DomainName = "example.com", ValidationMethod = "DNS" };
                public static readonly AwsRoute53Record Validation = new("validation")
                {
                    ForEach = For.Map(Certificate.DomainValidationOptions, dvo => dvo.DomainName, dvo => dvo),
                    ZoneId = ZoneId,
                    NameArgument = Each.Item<AwsAcmCertificate.DomainValidationOptionsValue>().ResourceRecordName,
                    Type = Each.Item<AwsAcmCertificate.DomainValidationOptionsValue>().ResourceRecordType,
                    Records = [Each.Item<AwsAcmCertificate.DomainValidationOptionsValue>().ResourceRecordValue],
                    Ttl = 60,
                };
                public static readonly AwsAcmCertificateValidation Validated = new("site")
                {
                    CertificateArn = Certificate.Arn,
                    ValidationRecordFqdns = For.List(Validation.Splat(r => r.Fqdn), fqdn => fqdn),
                };
            }
            """);
        var json = artifacts["site/main.tf.json"];
        using var manifest = JsonDocument.Parse(artifacts["site/manifest.json"]);
        string[] DependsOn(string address) => manifest.RootElement.GetProperty("resources").EnumerateArray()
            .Single(r => r.GetProperty("address").GetString() == address).GetProperty("depends_on").EnumerateArray().Select(d => d.GetString()!).ToArray();
        Assert.Equal(["aws_acm_certificate.site"], DependsOn("aws_route53_record.validation"));
        Assert.Equal(["aws_acm_certificate.site", "aws_route53_record.validation"], DependsOn("aws_acm_certificate_validation.site"));
        using var terraform = JsonDocument.Parse(json);
        var record = Resource(terraform, "aws_route53_record", "validation");
        Assert.Equal("${{for dvo in aws_acm_certificate.site.domain_validation_options : dvo.domain_name => dvo}}", record.GetProperty("for_each").GetString());
        Assert.Equal("${each.value.resource_record_name}", record.GetProperty("name").GetString());
        Assert.Equal(["${each.value.resource_record_value}"], record.GetProperty("records").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("${[for fqdn in [for r in aws_route53_record.validation : r.fqdn] : fqdn]}",
            Resource(terraform, "aws_acm_certificate_validation", "site").GetProperty("validation_record_fqdns").GetString());

        // The real aws provider knows domain_validation_options at plan time; the offline mock leaves them unknown, so
        // Terraform cannot plan a for_each keyed by them there: validated, and the edges read from the manifest.
        RealTerraform.Validates(json);
        TerraformReferences.AssertAllDeclared(json);
    }

    [Fact]
    public void A_nested_computed_attribute_is_a_path_and_a_splat_lists_every_instance()
    {
        var json = Build("""
            [Stack("eks")]
            public static class Eks
            {
                public static readonly AwsEksCluster Cluster = new("main")
                {
                    NameArgument = "platform",
                    RoleArn = "arn:aws:iam::123456789012:role/eks",
                    VpcConfig = new() { SubnetIds = ["subnet-1", "subnet-2"] },
                };
                public static readonly Variable<ImmutableArray<string>> Zones = new("zones") { Default = ["eu-west-1a", "eu-west-1b"] };
                public static readonly AwsEip Nat = new("nat") { Count = Fn.Length(Zones), Domain = "vpc" };
                public static readonly AwsSsmParameter Ca = new("ca") { NameArgument = "/eks/ca", Type = "String", Value = Fn.Base64decode(Cluster.CertificateAuthority[0].Data) };
                public static readonly AwsSsmParameter Issuer = new("issuer") { NameArgument = "/eks/issuer", Type = "String", Value = Cluster.Identity[0].Oidc[0].Issuer };
                public static readonly Output<ImmutableArray<string>> NatIps = new("nat_ips") { Value = Nat.Splat(e => e.PublicIp) };
                public static readonly AwsSsmParameter Ips = new("ips") { NameArgument = "/eks/nat", Type = "StringList", Value = Fn.Join(",", Nat.Splat(e => e.PublicIp)) };
            }
            """)["eks/main.tf.json"];
        using var terraform = JsonDocument.Parse(json);
        Assert.Equal("${base64decode(aws_eks_cluster.main.certificate_authority[0].data)}", Resource(terraform, "aws_ssm_parameter", "ca").GetProperty("value").GetString());
        Assert.Equal("${aws_eks_cluster.main.identity[0].oidc[0].issuer}", Resource(terraform, "aws_ssm_parameter", "issuer").GetProperty("value").GetString());
        Assert.Equal("${aws_eip.nat[*].public_ip}", terraform.RootElement.GetProperty("output").GetProperty("nat_ips").GetProperty("value").GetString());

        var references = RealTerraform.PlanReferences(json);
        Assert.Contains("aws_eks_cluster.main.certificate_authority", references["aws_ssm_parameter.ca"]);
        Assert.Contains("aws_eip.nat", references["aws_ssm_parameter.ips"]);
    }

    [Fact]
    public void A_map_of_object_variable_is_declared_from_a_record_and_each_item_reads_its_attributes()
    {
        var json = Build("""
            public sealed record NodeGroup(ImmutableArray<string> InstanceTypes, int Min, int Max, string CapacityType = "ON_DEMAND", string? AmiType = null);

            [Stack("nodes")]
            public static class Nodes
            {
                public static readonly Variable<Map<NodeGroup>> Groups = new("node_groups")
                {
                    Default = new() { ["general"] = new(["t3.large"], 1, 3), ["spot"] = new(["m5.large", "m5a.large"], 0, 5, "SPOT") },
                };
                public static readonly Variable<ImmutableArray<string>> Emails = new("alert_emails") { Default = [] };
                public static readonly AwsEksNodeGroup Workers = new("workers")
                {
                    ForEach = Groups,
                    ClusterName = "platform",
                    NodeGroupName = Each.Key,
                    NodeRoleArn = "arn:aws:iam::123456789012:role/nodes",
                    SubnetIds = ["subnet-1"],
                    InstanceTypes = Each.Item<NodeGroup>().InstanceTypes,
                    CapacityType = Each.Item<NodeGroup>().CapacityType,
                    ScalingConfig = new() { MinSize = Each.Item<NodeGroup>().Min, MaxSize = Each.Item<NodeGroup>().Max, DesiredSize = Each.Item<NodeGroup>().Min },
                };
                public static readonly AwsSnsTopic Alerts = new("alerts") { Count = Fn.Length(Emails) > 0 ? 1 : 0 };
            }
            """)["nodes/main.tf.json"];
        using var terraform = JsonDocument.Parse(json);
        var variable = terraform.RootElement.GetProperty("variable").GetProperty("node_groups");
        Assert.Equal("map(object({instance_types = list(string), min = number, max = number, capacity_type = optional(string, \"ON_DEMAND\"), ami_type = optional(string)}))",
            variable.GetProperty("type").GetString());
        Assert.Equal("SPOT", variable.GetProperty("default").GetProperty("spot").GetProperty("capacity_type").GetString());
        var workers = Resource(terraform, "aws_eks_node_group", "workers");
        Assert.Equal("${var.node_groups}", workers.GetProperty("for_each").GetString());
        Assert.Equal("${each.value.instance_types}", workers.GetProperty("instance_types").GetString());
        Assert.Equal("${each.value.capacity_type}", workers.GetProperty("capacity_type").GetString());
        Assert.Contains("1.3", terraform.RootElement.GetProperty("terraform").GetProperty("required_version").GetString()); // optional() needs 1.3

        var references = RealTerraform.PlanReferences(json);
        Assert.Contains("var.node_groups", references["aws_eks_node_group.workers"]);
        Assert.Contains("each.value.instance_types", references["aws_eks_node_group.workers"]);
    }

    [Fact]
    public void A_block_Terraform_decides_is_dynamic_and_a_module_output_of_any_type_is_a_path()
    {
        var json = Build("""
            public sealed record TargetGroup(string Arn, string Name);

            [Stack("lb")]
            public static class Lb
            {
                public static readonly Variable<string> LogBucket = new("log_bucket") { Default = "" };
                public static readonly Module Alb = new("alb") { Source = "terraform-aws-modules/alb/aws", Version = "~> 9.0" };
                public static readonly AwsLb Front = new("front")
                {
                    Subnets = ["subnet-1", "subnet-2"],
                    AccessLogs = LogBucket != "" ? new() { Bucket = LogBucket, Enabled = true } : null,
                };
                public static readonly AwsAutoscalingAttachment Api = new("api")
                {
                    AutoscalingGroupName = "workers",
                    LbTargetGroupArn = Alb.OutputAs<Map<TargetGroup>>("target_groups")["api"].Arn,
                };
            }
            """)["lb/main.tf.json"];
        using var terraform = JsonDocument.Parse(json);
        var front = Resource(terraform, "aws_lb", "front");
        Assert.False(front.TryGetProperty("access_logs", out _));
        var logs = front.GetProperty("dynamic").GetProperty("access_logs")[0];
        Assert.Equal("${(var.log_bucket != \"\") ? [1] : []}", logs.GetProperty("for_each").GetString());
        Assert.Equal("${var.log_bucket}", logs.GetProperty("content").GetProperty("bucket").GetString());
        Assert.Equal("${module.alb.target_groups[\"api\"].arn}", Resource(terraform, "aws_autoscaling_attachment", "api").GetProperty("lb_target_group_arn").GetString());

        var references = RealTerraform.PlanReferences(json);
        // The plan's configuration JSON does not list a dynamic block's references (its body is marshalled by the
        // schema, which has no "dynamic"), so the block's reference is checked in the JSON above; Terraform accepted it.
        Assert.DoesNotContain(references["aws_lb.front"], r => r.StartsWith("module.", StringComparison.Ordinal));
        Assert.Contains("module.alb.target_groups", references["aws_autoscaling_attachment.api"]);
    }
}
