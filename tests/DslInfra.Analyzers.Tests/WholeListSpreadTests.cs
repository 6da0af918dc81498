using DslInfra.Analyzers.CodeFixes;
using DslInfra.Analyzers.Rules;

namespace DslInfra.Analyzers.Tests;

public class WholeListSpreadTests
{
    [Fact]
    public Task A_list_argument_that_only_spreads_a_list() => Verify<WholeListSpreadAnalyzer>.Diagnostics("""
        public static class S
        {
            public static readonly ImmutableArray<string> Subnets = ["subnet-a", "subnet-b"];
            public static readonly string[] Zones = ["a", "b"];
            public static readonly AwsVpc Vpc = new("main") { CidrBlock = "10.0.0.0/16" };
            public static readonly AwsAutoscalingGroup Web = new("web") { MinSize = 1, MaxSize = 3, VpcZoneIdentifier = {|DI3009:[.. Subnets]|}, AvailabilityZones = {|DI3009:[.. Zones]|} };
            public static readonly AwsAutoscalingGroup Mixed = new("mixed") { MinSize = 1, MaxSize = 3, VpcZoneIdentifier = [.. Subnets, Vpc.Id] };
            public static readonly AwsAutoscalingGroup Direct = new("direct") { MinSize = 1, MaxSize = 3, VpcZoneIdentifier = Subnets };
            public static readonly ImmutableArray<string> Copy = [.. Subnets];
        }
        """);

    [Fact]
    public Task The_fix_assigns_the_list() => Verify<WholeListSpreadAnalyzer>.Fix<WholeListSpreadCodeFix>("""
        public static class S
        {
            public static readonly ImmutableArray<string> Subnets = ["subnet-a", "subnet-b"];
            public static readonly AwsAutoscalingGroup Web = new("web")
            {
                VpcZoneIdentifier = {|DI3009:[.. Subnets]|}, // private subnets
            };
        }
        """, """
        public static class S
        {
            public static readonly ImmutableArray<string> Subnets = ["subnet-a", "subnet-b"];
            public static readonly AwsAutoscalingGroup Web = new("web")
            {
                VpcZoneIdentifier = Subnets, // private subnets
            };
        }
        """);
}
