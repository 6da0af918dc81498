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
    }

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
