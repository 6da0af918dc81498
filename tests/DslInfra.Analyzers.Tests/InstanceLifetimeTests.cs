using DslInfra.Analyzers.CodeFixes;
using DslInfra.Analyzers.Rules;

namespace DslInfra.Analyzers.Tests;

public class InstanceLifetimeTests
{
    [Fact]
    public Task An_autoscaling_group_without_a_maximum_instance_lifetime() => Verify<InstanceLifetimeAnalyzer>.Diagnostics("""
        public static class S
        {
            public static readonly AwsAutoscalingGroup Web = {|DI3005:new("web")|} { MinSize = 1, MaxSize = 3 };
            public static readonly AwsAutoscalingGroup Kept = new("kept") { MinSize = 1, MaxSize = 3, MaxInstanceLifetime = 1209600 };
            public static readonly AwsInstance Box = new("box") { Ami = "ami-1", InstanceType = "t3.micro" };
        }
        """);

    [Fact]
    public Task The_fix_sets_seven_days_on_one_line() => Verify<InstanceLifetimeAnalyzer>.Fix<InstanceLifetimeCodeFix>("""
        public static class S
        {
            public static readonly AwsAutoscalingGroup Web = {|DI3005:new("web")|} { MinSize = 1, MaxSize = 3 };
        }
        """, """
        public static class S
        {
            public static readonly AwsAutoscalingGroup Web = new("web") { MaxInstanceLifetime = 604800, MinSize = 1, MaxSize = 3 };
        }
        """);

    [Fact]
    public Task The_fix_sets_seven_days_on_a_line_of_its_own() => Verify<InstanceLifetimeAnalyzer>.Fix<InstanceLifetimeCodeFix>("""
        public static class S
        {
            public static readonly AwsAutoscalingGroup Web = {|DI3005:new("web")|}
            {
                MinSize = 1,
                MaxSize = 3,
            };
        }
        """, """
        public static class S
        {
            public static readonly AwsAutoscalingGroup Web = new("web")
            {
                MaxInstanceLifetime = 604800,
                MinSize = 1,
                MaxSize = 3,
            };
        }
        """);
}
