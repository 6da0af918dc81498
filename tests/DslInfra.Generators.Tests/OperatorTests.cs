using System.Text.Json;

namespace DslInfra.Generators.Tests;

/// <summary>Comparisons, logic and conditionals on values Terraform knows only at plan time, written without casts.</summary>
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
