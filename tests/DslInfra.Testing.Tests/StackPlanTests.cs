using DslInfra.Testing;
using Platform;
using WebService;

namespace DslInfra.Testing.Tests;

/// <summary>DslInfra.Testing as a user's test project uses it: the samples' stacks planned offline by real Terraform.</summary>
public sealed class StackPlanTests
{
    [Fact]
    public async Task A_stack_plans_with_typed_resources_actions_and_values()
    {
        var plan = await StackPlan.Of(typeof(WebStack));
        Assert.Equal("web", plan.Stack);
        Assert.Equal(13, plan.Resources.Count(r => r.Creates));
        var template = plan["aws_launch_template.web"];
        Assert.Equal("aws_launch_template", template.Type);
        Assert.True(template.Creates);
        Assert.True(template.IsKnownAfterApply("latest_version"));
        Assert.Equal("10.20.0.0/16", plan["aws_vpc.main"].Text("cidr_block"));
    }

    [Fact]
    public async Task References_are_what_Terraform_sees_not_copied_values()
    {
        var plan = await StackPlan.Of(typeof(WebStack));
        Assert.Contains("aws_vpc.main", plan["aws_subnet.public_0"].References("vpc_id"));
        Assert.Contains("aws_launch_template.web", plan["aws_autoscaling_group.web"].References("launch_template"));
    }

    [Fact]
    public async Task A_stack_that_reads_another_stacks_outputs_plans_with_stand_ins()
    {
        var plan = await StackPlan.Of(typeof(WorkloadsStack));
        // The cluster stack is not planned here: its outputs (endpoint, certificate) are stood in for.
        Assert.Contains("kubernetes_namespace_v1.orders", plan["kubernetes_deployment_v1.api"].References("metadata"));
        Assert.True(plan["kubernetes_deployment_v1.api"].Creates);
    }

    [Fact]
    public async Task Mistakes_say_what_is_wrong()
    {
        var missing = await Assert.ThrowsAsync<KeyNotFoundException>(async () => { _ = (await StackPlan.Of(typeof(WebStack)))["aws_vpc.nope"]; });
        Assert.Contains("aws_vpc.main", missing.Message); // lists what there is
        await Assert.ThrowsAsync<ArgumentException>(() => StackPlan.Of<StackPlanTests>());
        var noTerraform = await Assert.ThrowsAsync<StackPlanException>(() => StackPlan.Of(typeof(WebStack), new StackPlanOptions(Terraform: "/nonexistent/terraform")));
        Assert.Contains("no such terraform executable", noTerraform.Message);
    }
}

/// <summary>StackDiagnostics: a stack that must fail, checked in-process by the generator and analyzers DslInfra ships.</summary>
public sealed class StackDiagnosticsTests
{
    [Fact]
    public void A_value_that_differs_per_build_is_reported_at_its_line()
    {
        var found = StackDiagnostics.Of("""
            using DslInfra;
            using DslInfra.Aws;

            [Stack("bad")]
            public static class BadStack
            {
                public static readonly AwsS3Bucket Logs = new("logs")
                {
                    Bucket = "logs-" + System.Guid.NewGuid(),
                };
            }
            """, typeof(DslInfra.Aws.AwsVpc));
        Assert.Contains(found, d => d.Id == "DI1001" && d.Line == 9);
    }

    [Fact]
    public void A_good_stack_has_no_errors()
    {
        var found = StackDiagnostics.Of("""
            using DslInfra;
            using DslInfra.Aws;

            [Stack("good")]
            public static class GoodStack
            {
                public static readonly AwsVpc Vpc = new("main") { CidrBlock = "10.0.0.0/16" };
            }
            """, typeof(DslInfra.Aws.AwsVpc));
        Assert.DoesNotContain(found, d => d.Severity == "error");
    }

    [Fact]
    public void Three_mistakes_are_three_diagnostics_in_one_check()
    {
        var found = StackDiagnostics.Of("""
            using DslInfra;
            using DslInfra.Aws;

            [Stack("1bad")]
            public static class BadStack
            {
                public static readonly AwsS3Bucket Logs = new("logs") { Bucket = "logs-" + System.Guid.NewGuid() };
                public static readonly AwsSubnet Subnet = new("a") { CidrBlock = "10.0.1.0/24" };
            }
            """, typeof(DslInfra.Aws.AwsVpc));
        Assert.Contains(found, d => d.Id == "DI1001");        // the value that differs per build
        Assert.Contains(found, d => d.Id == "DI1003");        // the stack's name
        Assert.Contains(found, d => d.Id == "DI1006");        // the subnet's required vpc_id
    }
}
