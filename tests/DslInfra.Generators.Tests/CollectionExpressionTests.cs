using System.Text.Json;
using Microsoft.CodeAnalysis;

namespace DslInfra.Generators.Tests;

/// <summary>
/// A list or map argument is an expression like any other: its items, or one Terraform expression that is the whole
/// collection (a variable, a local, a module output, merge/concat, a conditional), written as Terraform would so that
/// -var decides it and Terraform sees every reference.
/// </summary>
public class CollectionExpressionTests
{
    private const string Network = """
        [Stack("net")]
        public static class Net
        {
            public static readonly Variable<string> Env = new("env") { Default = "dev" };
            public static readonly Variable<ImmutableArray<string>> SubnetIds = new("subnet_ids") { Default = ["subnet-a", "subnet-b"] };
            public static readonly Variable<ImmutableArray<string>> ProdSubnetIds = new("prod_subnet_ids") { Default = ["subnet-p"] };
            public static readonly ImmutableArray<string> Shared = ["sg-shared-1", "sg-shared-2"];
            public static readonly Local<Map<string>> CommonTags = new("common_tags") { Value = new Map<string> { ["team"] = "platform" } };

            public static readonly AwsVpc Vpc = new("main") { CidrBlock = "10.0.0.0/16", Tags = CommonTags };
            public static readonly AwsSecurityGroup Web = new("web") { VpcId = Vpc.Id, Tags = Fn.Merge(CommonTags, new() { ["Name"] = "web" }) };
            public static readonly AwsLb Front = new("front")
            {
                Subnets = SubnetIds,
                SecurityGroups = [.. Shared, Web.Id],
                Tags = Fn.Merge(CommonTags, Vpc.Tags!, new() { ["Name"] = $"front-{Env}" }),
            };
            public static readonly AwsLb Back = new("back")
            {
                Internal = true,
                Subnets = Env == "prod" ? ProdSubnetIds : SubnetIds,
                SecurityGroups = [.. Front.SecurityGroups!, "sg-back"],
            };
            public static readonly AwsLb Spread = new("spread") { Subnets = [.. Shared], SecurityGroups = Shared };
        }
        """;

    private static Dictionary<string, string> Build(string source)
    {
        var compilation = Harness.Compile(Harness.Usings + source);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        return Harness.Artifacts(compilation);
    }

    [Fact]
    public void A_list_argument_takes_a_variable_whole_and_a_map_argument_a_merge()
    {
        var json = Build(Network)["net/main.tf.json"];
        using var terraform = JsonDocument.Parse(json);
        var lb = terraform.RootElement.GetProperty("resource").GetProperty("aws_lb");
        var front = lb.GetProperty("front");
        Assert.Equal("${var.subnet_ids}", front.GetProperty("subnets").GetString());
        Assert.Equal(["sg-shared-1", "sg-shared-2", "${aws_security_group.web.id}"], front.GetProperty("security_groups").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("${merge(local.common_tags, aws_vpc.main.tags, {\"Name\" = \"front-${var.env}\"})}", front.GetProperty("tags").GetString());
        var back = lb.GetProperty("back");
        Assert.Equal("${(var.env == \"prod\") ? var.prod_subnet_ids : var.subnet_ids}", back.GetProperty("subnets").GetString());
        // Another block's list argument, spread: Terraform's own list, joined with the rest.
        Assert.Equal("${concat(tolist(aws_lb.front.security_groups), [\"sg-back\"])}", back.GetProperty("security_groups").GetString());
        var spread = lb.GetProperty("spread");
        Assert.Equal(["sg-shared-1", "sg-shared-2"], spread.GetProperty("subnets").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["sg-shared-1", "sg-shared-2"], spread.GetProperty("security_groups").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("${local.common_tags}", terraform.RootElement.GetProperty("resource").GetProperty("aws_vpc").GetProperty("main").GetProperty("tags").GetString());
        Assert.Equal("${merge(local.common_tags, {\"Name\" = \"web\"})}",
            terraform.RootElement.GetProperty("resource").GetProperty("aws_security_group").GetProperty("web").GetProperty("tags").GetString());

        // Terraform's own reading: it validates and plans, and sees the edges HCL would have.
        var references = RealTerraform.PlanReferences(json);
        Assert.Contains("var.subnet_ids", references["aws_lb.front"]);
        Assert.Contains("aws_security_group.web.id", references["aws_lb.front"]);
        Assert.Contains("aws_vpc.main.tags", references["aws_lb.front"]);
        Assert.Contains("local.common_tags", references["aws_lb.front"]);
        Assert.Contains("aws_lb.front.security_groups", references["aws_lb.back"]);
        Assert.Contains("var.prod_subnet_ids", references["aws_lb.back"]);
    }

    [Fact]
    public void Items_are_values_or_expressions_and_a_spread_of_a_CSharp_list_copies_without_conversions()
    {
        const string source = """
            [Stack("s")]
            public static class S
            {
                public static readonly Variable<string> Extra = new("extra") { Default = "sg-extra" };
                public static readonly Local<string> Audit = new("audit") { Value = "sg-audit" };
                public static readonly Variable<bool> Strict = new("strict") { Default = false };
                public static readonly ImmutableArray<string> Shared = ["sg-1", "sg-2"];
                public static readonly AwsSecurityGroup Web = new("web") { Name = "web" };
                public static readonly AwsLb Front = new("front")
                {
                    Subnets = [.. Shared],
                    SecurityGroups = [.. Shared, Web.Id, Extra, Audit, Strict ? Web.Id : "sg-open"],
                };
            }
            """;
        var compilation = Harness.Compile(Harness.Usings + source);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error));
        // The spread of an ImmutableArray<string> reaches the list's items as they are: no per-item conversion loop for
        // the compiler to write (what made 5,000 spreads in one stack compile four times slower than plain records).
        var tree = compilation.SyntaxTrees.Single(t => t.ToString().Contains("[.. Shared]"));
        var model = compilation.GetSemanticModel(tree);
        var spreads = tree.GetRoot().DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.SpreadElementSyntax>()
            .Select(s => (Microsoft.CodeAnalysis.Operations.ISpreadOperation)model.GetOperation(s)!).ToList();
        Assert.Equal(2, spreads.Count);
        Assert.All(spreads, s => Assert.True(s.ElementConversion.IsIdentity, s.Syntax.ToString()));

        var json = Harness.Artifacts(compilation)["s/main.tf.json"];
        using var terraform = JsonDocument.Parse(json);
        var front = terraform.RootElement.GetProperty("resource").GetProperty("aws_lb").GetProperty("front");
        Assert.Equal(["sg-1", "sg-2"], front.GetProperty("subnets").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal(["sg-1", "sg-2", "${aws_security_group.web.id}", "${var.extra}", "${local.audit}", "${var.strict ? aws_security_group.web.id : \"sg-open\"}"],
            front.GetProperty("security_groups").EnumerateArray().Select(e => e.GetString()));
        var references = RealTerraform.PlanReferences(json);
        Assert.Contains("aws_security_group.web.id", references["aws_lb.front"]);
        Assert.Contains("var.extra", references["aws_lb.front"]);
        Assert.Contains("local.audit", references["aws_lb.front"]);
    }

    [Fact]
    public void A_module_output_and_another_stacks_output_are_whole_lists()
    {
        var json = Build("""
            [Stack("net")]
            public static class Net
            {
                public static readonly Output<ImmutableArray<string>> PrivateSubnets = new("private_subnets") { Value = Fn.Concat(["subnet-1"], ["subnet-2"]) };
            }

            [Stack("app")]
            public static class App
            {
                public static readonly Module Vpc = new("vpc") { Source = "terraform-aws-modules/vpc/aws", Version = "~> 5.8" };
                public static readonly AwsLb Api = new("api") { Subnets = Vpc.Output<ImmutableArray<string>>("private_subnets") };
                public static readonly AwsLb Internal = new("internal") { Internal = true, Subnets = Net.PrivateSubnets };
            }
            """)["app/main.tf.json"];
        using var terraform = JsonDocument.Parse(json);
        var lb = terraform.RootElement.GetProperty("resource").GetProperty("aws_lb");
        Assert.Equal("${module.vpc.private_subnets}", lb.GetProperty("api").GetProperty("subnets").GetString());
        Assert.Equal("${data.terraform_remote_state.net.outputs.private_subnets}", lb.GetProperty("internal").GetProperty("subnets").GetString());
    }

    [Fact]
    public void Shared_lists_are_read_the_same_from_syntax_and_operations()
    {
        // The test projects set CheckSyntaxReading: a member the syntax reader reads is evaluated again over operations.
        var before = Evaluation.Evaluator.SyntaxReadMembers;
        var json = Build("""
            [Stack("s")]
            public static class S
            {
                public static readonly ImmutableArray<string> Subnets = ["subnet-a", "subnet-b"];
                public static readonly AwsAutoscalingGroup Web = new("web") { MaxSize = 2, MinSize = 1, VpcZoneIdentifier = [.. Subnets] };
                public static readonly AwsAutoscalingGroup Api = new("api") { MaxSize = 2, MinSize = 1, VpcZoneIdentifier = Subnets };
            }
            """)["s/main.tf.json"];
        Assert.True(Evaluation.Evaluator.SyntaxReadMembers > before);
        using var terraform = JsonDocument.Parse(json);
        foreach (var name in new[] { "web", "api" })
            Assert.Equal(["subnet-a", "subnet-b"], terraform.RootElement.GetProperty("resource").GetProperty("aws_autoscaling_group").GetProperty(name)
                .GetProperty("vpc_zone_identifier").EnumerateArray().Select(e => e.GetString()));
    }
}
