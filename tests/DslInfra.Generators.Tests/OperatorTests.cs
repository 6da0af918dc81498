using System.Text.Json;

namespace DslInfra.Generators.Tests;

/// <summary>Arithmetic, comparisons, logic and conditionals on values Terraform knows only at plan time, written without casts.</summary>
public class OperatorTests
{
    private const string Stack = """
        [Stack("s")]
        public static class S
        {
            public static readonly Variable<string> Env = new("env") { Default = "dev" };
            public static readonly Variable<int> Workers = new("workers") { Default = 2 };
            public static readonly Variable<ImmutableArray<string>> Emails = new("emails");
            public static readonly Local<string> Prefix = new("prefix") { Value = $"acme-{Env}" };

            public static readonly AwsSnsTopic Alerts = new("alerts") { Count = Fn.Length(Emails) > 0 ? 1 : 0 };
            public static readonly AwsVpc Vpc = new("main")
            {
                CidrBlock = "10.0.0.0/16",
                EnableDnsHostnames = Env == "prod",
                Tags = new() { ["tier"] = Env != "prod" && Workers >= 2 ? "shared" : "dedicated", ["prefixed"] = Prefix == "acme-prod" ? "yes" : "no" },
                Lifecycle = new() { Preconditions = [new(Workers < 10, "at most nine workers"), new(!(Env == ""), "an environment")] },
            };
        }
        """;

    [Fact]
    public void Operators_on_variables_locals_and_function_results_become_Terraform_expressions()
    {
        var json = Harness.TerraformOf(Stack);
        RealTerraform.PlanReferences(json); // validates and plans with real Terraform
        using var terraform = JsonDocument.Parse(json);
        var resources = terraform.RootElement.GetProperty("resource");
        Assert.Equal("${(length(var.emails) > 0) ? 1 : 0}", resources.GetProperty("aws_sns_topic").GetProperty("alerts").GetProperty("count").GetString());
        var vpc = resources.GetProperty("aws_vpc").GetProperty("main");
        Assert.Equal("${var.env == \"prod\"}", vpc.GetProperty("enable_dns_hostnames").GetString());
        Assert.Equal("${((var.env != \"prod\") && (var.workers >= 2)) ? \"shared\" : \"dedicated\"}", vpc.GetProperty("tags").GetProperty("tier").GetString());
        Assert.Equal("${(local.prefix == \"acme-prod\") ? \"yes\" : \"no\"}", vpc.GetProperty("tags").GetProperty("prefixed").GetString());
        var conditions = vpc.GetProperty("lifecycle").GetProperty("precondition");
        Assert.Equal("${var.workers < 10}", conditions[0].GetProperty("condition").GetString());
        Assert.Equal("${!(var.env == \"\")}", conditions[1].GetProperty("condition").GetString());
    }

    [Fact]
    public void Arithmetic_on_numbers_is_Terraforms_and_plus_on_strings_is_a_template()
    {
        var json = Harness.TerraformOf("""
            [Stack("s")]
            public static class S
            {
                public static readonly Variable<string> Env = new("env") { Default = "dev" };
                public static readonly Variable<int> Workers = new("workers") { Default = 2 };
                public static readonly Local<int> Spare = new("spare") { Value = Workers / 2 + 1 };
                public static readonly Variable<ImmutableArray<string>> Zones = new("zones") { Default = ["a", "b"] };

                public static readonly AwsVpc Vpc = new("main") { CidrBlock = "10.0.0.0/16", Tags = new() { ["Name"] = Env + "-vpc" } };
                public static readonly AwsAutoscalingGroup Workers2 = new("workers")
                {
                    MinSize = Workers * 2 - Spare,
                    MaxSize = Fn.Length(Zones) * Workers + 1,
                    DesiredCapacity = -(Expr<int>)Workers % 3 + 5,
                    NameArgument = Vpc.Id + "-asg",
                };
            }
            """);
        RealTerraform.PlanReferences(json); // validates and plans with real Terraform
        using var terraform = JsonDocument.Parse(json);
        var root = terraform.RootElement;
        Assert.Equal("${floor(var.workers / 2) + 1}", root.GetProperty("locals").GetProperty("spare").GetString());
        var vpc = root.GetProperty("resource").GetProperty("aws_vpc").GetProperty("main");
        Assert.Equal("${var.env}-vpc", vpc.GetProperty("tags").GetProperty("Name").GetString());
        var asg = root.GetProperty("resource").GetProperty("aws_autoscaling_group").GetProperty("workers");
        Assert.Equal("${(var.workers * 2) - local.spare}", asg.GetProperty("min_size").GetString());
        Assert.Equal("${(length(var.zones) * var.workers) + 1}", asg.GetProperty("max_size").GetString());
        Assert.Equal("${(-var.workers % 3) + 5}", asg.GetProperty("desired_capacity").GetString());
        Assert.Equal("${aws_vpc.main.id}-asg", asg.GetProperty("name").GetString());
    }

    [Fact]
    public Task DI1007_arithmetic_other_than_plus_on_strings() => Verify.Diagnostics("""
        [Stack("s")]
        public static class S
        {
            public static readonly Variable<string> Env = new("env") { Default = "dev" };
            public static readonly AwsVpc Vpc = new("main") { CidrBlock = "10.0.0.0/16", Tags = new() { ["Name"] = {|DI1007:Env - "x"|} } };
        }
        """);

    [Fact]
    public Task DI3008_a_variables_default_read_at_build_time() => Verify.Diagnostics("""
        [Stack("s")]
        public static class S
        {
            public static readonly Variable<string> Env = new("env") { Default = "dev" };
            public static readonly Variable<ImmutableArray<string>> Zones = new("zones") { Default = ["a", "b"] };
            public static readonly AwsVpc Vpc = new("main") { CidrBlock = "10.0.0.0/16", EnableDnsHostnames = {|DI3008:Env.Default|} == "prod" };
            public static readonly ImmutableArray<AwsSubnet> Subnets = Repeat.For({|DI3008:Zones.Default|}, z => new AwsSubnet(z) { VpcId = Vpc.Id, CidrBlock = "10.0.1.0/24" });
            public static readonly AwsVpc Deferred = new("deferred") { CidrBlock = "10.1.0.0/16", EnableDnsHostnames = Env == "prod" };
        }
        """);
}
