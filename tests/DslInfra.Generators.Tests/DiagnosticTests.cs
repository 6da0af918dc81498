namespace DslInfra.Generators.Tests;

/// <summary>Each DI1xxx rule on code a user would write, with the exact span it must underline.</summary>
public class DiagnosticTests
{
    [Fact]
    public Task DI1001_clock_is_not_deterministic() => Verify.Diagnostics("""
        [Stack("s")]
        public static class S
        {
            public static readonly AwsS3Bucket Logs = new("logs") { Bucket = $"logs-{{|DI1001:System.DateTime.Now|}}" };
        }
        """);

    [Fact]
    public Task DI1001_environment_read_is_not_deterministic() => Verify.Diagnostics("""
        [Stack("s")]
        public static class S
        {
            public static readonly AwsProvider Aws = new() { Region = {|DI1001:System.Environment.GetEnvironmentVariable("AWS_REGION")|} };
        }
        """);

    [Fact]
    public Task DI1001_unmarked_helper_is_not_run() => Verify.Diagnostics("""
        [Stack("s")]
        public static class S
        {
            public static readonly AwsVpc Vpc = new("main") { CidrBlock = {|DI1001:Cidr()|} };
            public static string Cidr() => "10.0.0.0/16";
        }
        """);

    [Fact]
    public Task DI1001_culture_sensitive_lower_case() => Verify.Diagnostics("""
        [Stack("s")]
        public static class S
        {
            private const string Name = "WEB";
            public static readonly AwsVpc Vpc = new("main") { CidrBlock = "10.0.0.0/16", Tags = new() { ["n"] = {|DI1001:Name.ToLower()|} } };
        }
        """);

    [Fact]
    public Task DI1001_unbounded_recursion_in_infra_function() => Verify.Diagnostics("""
        [Stack("s")]
        public static class S
        {
            public static readonly AwsVpc Vpc = new("main") { CidrBlock = Forever(1) };
            [InfraFunction] public static string Forever(int n) => n > 0 ? {|DI1001:Forever(n + 1)|} : "";
        }
        """);

    [Fact]
    public Task DI1002_duplicate_resource_address() => Verify.Diagnostics("""
        [Stack("s")]
        public static class S
        {
            public static readonly AwsVpc Main = new("main") { CidrBlock = "10.0.0.0/16" };
            public static readonly AwsVpc Other = {|DI1002:new("main") { CidrBlock = "10.1.0.0/16" }|};
        }
        """);

    [Fact]
    public Task DI1002_duplicate_variable_name() => Verify.Diagnostics("""
        [Stack("s")]
        public static class S
        {
            public static readonly Variable<string> Env = new("env");
            public static readonly Variable<int> Env2 = {|DI1002:new("env")|};
        }
        """);

    [Fact]
    public Task DI1003_invalid_resource_name() => Verify.Diagnostics("""
        [Stack("s")]
        public static class S
        {
            public static readonly AwsVpc Vpc = {|DI1003:new("1st vpc") { CidrBlock = "10.0.0.0/16" }|};
        }
        """);

    [Fact]
    public Task DI1003_invalid_stack_name() => Verify.Diagnostics("""
        [{|DI1003:Stack("web/prod")|}]
        public static class S
        {
        }
        """);

    [Fact]
    public Task DI1004_member_of_another_stack() => Verify.Diagnostics("""
        [Stack("network")]
        public static class Network
        {
            public static readonly AwsVpc Vpc = new("main") { CidrBlock = "10.0.0.0/16" };
        }

        [Stack("web")]
        public static class Web
        {
            public static readonly AwsSubnet Subnet = new("a") { VpcId = {|DI1004:Network.Vpc|}.Id };
        }
        """);

    [Fact]
    public Task DI1004_static_field_outside_any_stack() => Verify.Diagnostics("""
        public static class Settings
        {
            public static readonly string Region = "eu-west-1";
            public const string Zone = "eu-west-1a";
        }

        [Stack("s")]
        public static class S
        {
            public static readonly AwsProvider Aws = new() { Region = {|DI1004:Settings.Region|} };
            public static readonly AwsSubnet Subnet = new("a") { VpcId = "vpc-1", AvailabilityZone = Settings.Zone };
        }
        """);

    [Fact]
    public Task DI1005_reference_cycle() => Verify.Diagnostics("""
        [Stack("s")]
        public static class S
        {
            public static readonly AwsSecurityGroup {|DI1005:A|} = new("a") { Ingress = [new() { FromPort = 1, ToPort = 1, Protocol = "tcp", SecurityGroups = [B.Id] }] };
            public static readonly AwsSecurityGroup B = new("b") { Ingress = [new() { FromPort = 1, ToPort = 1, Protocol = "tcp", SecurityGroups = [A.Id] }] };
        }
        """);

    [Fact]
    public Task DI1006_required_attribute_missing() => Verify.Diagnostics("""
        [Stack("s")]
        public static class S
        {
            public static readonly AwsAutoscalingGroup Asg = {|DI1006:new("web") { MaxSize = 3 }|};
        }
        """);

    [Fact]
    public Task DI1006_required_attribute_of_nested_block() => Verify.Diagnostics("""
        [Stack("s")]
        public static class S
        {
            public static readonly AwsAutoscalingGroup Asg = new("web") { MinSize = 1, MaxSize = 3, InstanceRefresh = {|DI1006:new() { }|} };
        }
        """);

    [Fact]
    public Task DI1007_resource_where_a_value_belongs() => Verify.Diagnostics("""
        [Stack("s")]
        public static class S
        {
            public static readonly AwsVpc Vpc = new("main") { CidrBlock = "10.0.0.0/16" };
            public static readonly AwsS3Bucket Logs = new("logs") { Tags = new() { ["vpc"] = $"{{|DI1007:Vpc|}}" } };
        }
        """);

    [Fact]
    public Task DI1007_variable_of_a_type_terraform_lacks() => Verify.Diagnostics("""
        [Stack("s")]
        public static class S
        {
            public static readonly Variable<System.DateTime> When = {|DI1007:new("when")|};
        }
        """);

    [Fact]
    public Task DI1008_mutable_stack_member() => Verify.Diagnostics("""
        [Stack("s")]
        public static class S
        {
            public static AwsVpc {|DI1008:Vpc|} = new("main") { CidrBlock = "10.0.0.0/16" };
            public static AwsVpc {|DI1008:Other|} => new("other") { CidrBlock = "10.1.0.0/16" };
        }
        """);

    [Fact]
    public Task Look_alikes_are_not_flagged() => Verify.Diagnostics("""
        public static class NotAStack
        {
            public static System.DateTime Now = System.DateTime.Now;
            public static readonly string Region = System.Environment.GetEnvironmentVariable("AWS_REGION") ?? "";
        }

        [Stack("s")]
        public static class S
        {
            private const string Region = "eu-west-1";
            public static readonly AwsProvider Aws = new() { Region = Region };
            public static string Describe() => System.DateTime.Now.ToString();
        }
        """);
}

public class DuplicateStackTests
{
    [Fact]
    public Task DI1009_two_stacks_share_a_name() => Verify.Diagnostics("""
        [Stack("web")] public static class A { }
        [{|DI1009:Stack("web")|}] public static class B { }
        [Stack("data")] public static class C { }
        """);
}
