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
