using DslInfra.Analyzers.Rules;

namespace DslInfra.Analyzers.Tests;

public class LifecycleTests
{
    [Fact]
    public Task Ignoring_what_defines_the_machine_and_destroying_first() => Verify<LifecycleAnalyzer>.Diagnostics("""
        public static class S
        {
            public static readonly AwsInstance Box = new("box")
            {
                Ami = "ami-1",
                InstanceType = "t3.micro",
                Lifecycle = new() { IgnoreChanges = [{|DI2006:"ami"|}, "tags", {|DI2006:"user_data"|}], CreateBeforeDestroy = {|DI2006:false|} },
            };
        }
        """);

    [Fact]
    public Task Harmless_lifecycle_settings_are_fine() => Verify<LifecycleAnalyzer>.Diagnostics("""
        public static class S
        {
            public static readonly AwsAutoscalingGroup Asg = new("web") { MinSize = 1, MaxSize = 3, Lifecycle = new() { IgnoreChanges = ["desired_capacity"], CreateBeforeDestroy = false } };
            public static readonly AwsInstance Box = new("box") { Ami = "ami-1", InstanceType = "t3.micro", Lifecycle = new() { CreateBeforeDestroy = true, PreventDestroy = true } };
        }
        """);
}
