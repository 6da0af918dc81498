using System.Text.Json;

namespace DslInfra.Generators.Tests;

/// <summary>
/// What a C# expression reads is what Terraform is told: another block's argument is a reference (so Terraform orders
/// the work), set or not; a repeated resource is read one instance at a time.
/// </summary>
public class ReferenceTests
{
    private const string Eks = """
        [Stack("eks")]
        public static class Eks
        {
            public static readonly Variable<string> Role = new("role");
            public static readonly AwsEksCluster Cluster = new("main")
            {
                NameArgument = "platform",
                RoleArn = Role,
                VpcConfig = new() { SubnetIds = ["subnet-1", "subnet-2"] },
            };
            public static readonly AwsEksNodeGroup Workers = new("workers")
            {
                ClusterName = Cluster.NameArgument,
                NodeRoleArn = Role,
                SubnetIds = ["subnet-1"],
                ScalingConfig = new() { DesiredSize = 2, MinSize = 1, MaxSize = 3 },
                Tags = new() { ["cluster"] = $"{Cluster.NameArgument}-workers", ["unset"] = Cluster.Version },
            };
        }
        """;

    [Fact]
    public void Reading_an_argument_that_was_set_is_a_reference_not_the_value()
    {
        var artifacts = Harness.Artifacts(Harness.Compile(Harness.Usings + Eks));
        using var terraform = JsonDocument.Parse(artifacts["eks/main.tf.json"]);
        var workers = terraform.RootElement.GetProperty("resource").GetProperty("aws_eks_node_group").GetProperty("workers");
        Assert.Equal("${aws_eks_cluster.main.name}", workers.GetProperty("cluster_name").GetString());
        Assert.Equal("${aws_eks_cluster.main.name}-workers", workers.GetProperty("tags").GetProperty("cluster").GetString());
        // Unset and not computed: still the attribute, which Terraform reads as null after ordering the work.
        Assert.Equal("${aws_eks_cluster.main.version}", workers.GetProperty("tags").GetProperty("unset").GetString());
        using var manifest = JsonDocument.Parse(artifacts["eks/manifest.json"]);
        var node = manifest.RootElement.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("address").GetString() == "aws_eks_node_group.workers");
        Assert.Equal(["aws_eks_cluster.main"], node.GetProperty("depends_on").EnumerateArray().Select(d => d.GetString()));
        TerraformReferences.AssertAllDeclared(artifacts["eks/main.tf.json"]);
        // Terraform's own reading: the node group waits for the cluster.
        Assert.Contains("aws_eks_cluster.main", RealTerraform.PlanReferences(artifacts["eks/main.tf.json"])["aws_eks_node_group.workers"]);
    }

    [Fact]
    public void A_value_inside_nested_blocks_is_read_through_Terraforms_path_set_or_not()
    {
        // metadata is a list of at most one block; a namespace named by generate_name has no name of ours to copy.
        var compilation = Harness.Compile(Harness.Usings + """
            using DslInfra.Kubernetes;

            [Stack("k")]
            public static class K
            {
                public static readonly KubernetesNamespaceV1 Orders = new("orders") { Metadata = new() { GenerateName = "orders-" } };
                public static readonly KubernetesConfigMapV1 Settings = new("settings")
                {
                    Metadata = new() { Name = "settings", Namespace = Orders.Metadata!.Name },
                    Data = new() { ["labels"] = $"{Orders.Metadata!.GenerateName}" },
                };
            }
            """).AddReferences(Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(typeof(DslInfra.Kubernetes.KubernetesNamespaceV1).Assembly.Location));
        var artifacts = Harness.Artifacts(compilation);
        using var terraform = JsonDocument.Parse(artifacts["k/main.tf.json"]);
        var settings = terraform.RootElement.GetProperty("resource").GetProperty("kubernetes_config_map_v1").GetProperty("settings");
        var metadata = settings.GetProperty("metadata");
        if (metadata.ValueKind == JsonValueKind.Array)
            metadata = metadata[0];
        Assert.Equal("${kubernetes_namespace_v1.orders.metadata[0].name}", metadata.GetProperty("namespace").GetString());
        Assert.Equal("${kubernetes_namespace_v1.orders.metadata[0].generate_name}", settings.GetProperty("data").GetProperty("labels").GetString());
        TerraformReferences.AssertAllDeclared(artifacts["k/main.tf.json"]);
        // Terraform's own reading: the config map lands in the namespace, after it exists (metadata[0].name validates).
        Assert.Contains("kubernetes_namespace_v1.orders", RealTerraform.PlanReferences(artifacts["k/main.tf.json"])["kubernetes_config_map_v1.settings"]);
    }

    [Fact]
    public void A_value_inside_a_set_block_is_its_one_element()
    {
        var terraform = Harness.TerraformOf("""
            using DslInfra.Schema;

            [TerraformType("acme_box")]
            public sealed record Box(string Name) : Resource(Name)
            {
                [NestedBlock(Nesting = "set")] public Disk? Disk { get; init; }
            }
            public sealed record Disk
            {
                public Expr<string>? Label { get; init; }
                [NestedBlock(Nesting = "list")] public Placement? Placement { get; init; }
            }
            public sealed record Placement
            {
                public Expr<string>? Zone { get; init; }
            }

            [Stack("s")]
            public static class S
            {
                public static readonly Box First = new("first") { Disk = new() { Label = "data" } };
                public static readonly AwsVpc Vpc = new("main")
                {
                    CidrBlock = "10.0.0.0/16",
                    Tags = new() { ["disk"] = First.Disk!.Label, ["zone"] = First.Disk!.Placement!.Zone },
                };
            }
            """);
        Assert.Contains("\"disk\": \"${one(acme_box.first.disk[*].label)}\"", terraform);
        Assert.Contains("\"zone\": \"${one(acme_box.first.disk[*].placement[0].zone)}\"", terraform);
    }

    [Fact]
    public Task DI1007_an_attribute_the_providers_schema_does_not_have() => Verify.Diagnostics("""
        [Stack("s")]
        public static class S
        {
            public static readonly AwsVpc Vpc = new("main") { CidrBlock = "10.0.0.0/16" };
            public static readonly Output Owner = new("owner") { Value = Vpc.Attr<string>("owner_id") };
            public static readonly Output Typo = new("typo") { Value = {|DI1007:Vpc.Attr<string>("owner_idd")|} };
        }
        """);

    [Fact]
    public Task DI1007_ignore_changes_names_an_argument_the_type_does_not_have() => Verify.Diagnostics("""
        [Stack("s")]
        public static class S
        {
            public static readonly AwsVpc Ok = new("ok") { CidrBlock = "10.0.0.0/16", Lifecycle = new() { IgnoreChanges = ["tags", "tags[\"team\"]", "all"] } };
            public static readonly AwsVpc Typo = new("typo") { CidrBlock = "10.1.0.0/16", Lifecycle = {|DI1007:new() { IgnoreChanges = ["tgas"] }|} };
        }
        """);

    [Fact]
    public Task DI1007_a_sensitive_variable_in_an_output_that_is_not() => Verify.Diagnostics("""
        [Stack("s")]
        public static class S
        {
            public static readonly Variable<string> Password = new("password") { Sensitive = true };
            public static readonly Output Shown = {|DI1007:new("shown") { Value = $"pw={Password}" }|};
            public static readonly Output Hidden = new("hidden") { Value = Password, Sensitive = true };
        }
        """);

    [Fact]
    public Task DI1007_a_provisioner_block_without_its_label() => Verify.Diagnostics("""
        [Stack("s")]
        public static class S
        {
            public static readonly CustomResource Db = new("aws_db_instance", "db")
            {
                Arguments = new() { ["engine"] = "postgres", ["instance_class"] = "db.t3.micro", ["allocated_storage"] = 20 },
                Blocks = [{|DI1007:new("provisioner")|}],
            };
            public static readonly CustomResource Labelled = new("aws_db_instance", "labelled")
            {
                Arguments = new() { ["engine"] = "postgres", ["instance_class"] = "db.t3.micro", ["allocated_storage"] = 20 },
                Blocks = [new("provisioner") { Blocks = [new("local-exec") { Arguments = new() { ["command"] = "echo" } }] }],
            };
        }
        """);

    [Fact]
    public Task DI1007_a_custom_resource_or_own_record_writing_what_the_bundled_type_lacks() => Verify.Diagnostics("""
        using DslInfra.Schema;

        [TerraformType("aws_cloudwatch_log_group")]
        public sealed record MyLogGroup(string Name) : Resource(Name)
        {
            [TerraformName("name")] public string? LogGroupName { get; init; }
            [TerraformName("timeouts"), NestedBlock] public CustomBlock? Timeouts { get; init; }
        }

        [Stack("s")]
        public static class S
        {
            public static readonly CustomResource Logs = new("aws_cloudwatch_log_group", "logs")
            {
                Arguments = new() { ["name"] = "app", ["retention_in_days"] = 7 },
                Blocks = [{|DI1007:new("rule")|}],
            };
            public static readonly CustomResource Typo = {|DI1007:new("aws_cloudwatch_log_group", "typo") { Arguments = new() { ["retension_in_days"] = 7 } }|};
            public static readonly MyLogGroup Mine = {|DI1007:new("mine") { LogGroupName = "mine", Timeouts = new("timeouts") }|};
            public static readonly CustomResource Unbundled = new("acme_widget", "w") { Arguments = new() { ["anything"] = 1 }, Blocks = [new("rule")] };
        }
        """);

    [Fact]
    public Task DI1007_a_reference_spelled_by_hand_and_an_output_of_the_same_stack_as_a_value() => Verify.Diagnostics("""
        [Stack("s")]
        public static class S
        {
            public static readonly AwsVpc Vpc = new("main") { CidrBlock = "10.0.0.0/16" };
            public static readonly Output<string> VpcId = new("vpc_id") { Value = Vpc.Id };
            public static readonly AwsSubnet A = new("a") { VpcId = {|DI1007:new Reference<string>("aws_vpc.main.id")|}, CidrBlock = "10.0.1.0/24" };
            public static readonly AwsSubnet B = new("b") { VpcId = {|DI1007:VpcId|}, CidrBlock = "10.0.2.0/24" };
        }
        """);

    [Fact]
    public Task DI1007_an_attribute_of_a_counted_resource_read_without_At() => Verify.Diagnostics("""
        [Stack("s")]
        public static class S
        {
            public static readonly Variable<int> Workers = new("workers") { Default = 2 };
            public static readonly AwsEip Ip = new("ip") { Count = Workers, Domain = "vpc" };
            public static readonly Output Address = new("address") { Value = {|DI1007:Ip.PublicIp|} };
            public static readonly Output First = new("first") { Value = Ip.At(0).PublicIp };
        }
        """);

    [Fact]
    public Task DI1007_an_argument_of_a_for_each_resource_read_without_At() => Verify.Diagnostics("""
        [Stack("s")]
        public static class S
        {
            public static readonly Variable<Map<string>> Zones = new("zones");
            public static readonly AwsSubnet App = new("app") { ForEach = Zones, VpcId = "vpc-1", CidrBlock = Each.Value<string>() };
            public static readonly Output Cidr = new("cidr") { Value = {|DI1007:App.CidrBlock|} };
            public static readonly Output A = new("a") { Value = App.At("a").CidrBlock };
        }
        """);
}
