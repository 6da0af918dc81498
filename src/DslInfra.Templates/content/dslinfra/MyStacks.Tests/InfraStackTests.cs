using DslInfra.Testing;
using Xunit;

namespace MyStacks.Tests;

/// <summary>The infra stack as Terraform plans it, offline: what is created, and what reads what.</summary>
public class InfraStackTests
{
    [Fact]
    public async Task The_stack_creates_a_vpc_and_a_bucket_that_cannot_be_destroyed()
    {
        var plan = await StackPlan.Of(typeof(InfraStack));
        Assert.True(plan["aws_vpc.main"].Creates);
        Assert.Equal("10.0.0.0/16", plan["aws_vpc.main"].Text("cidr_block"));
        Assert.True(plan["aws_s3_bucket.logs"].Creates);
        Assert.True(plan["aws_vpc.main"].IsKnownAfterApply("id"));
    }
}
