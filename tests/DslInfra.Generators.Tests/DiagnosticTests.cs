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

/// <summary>The evaluator's budget (DI1013), failing calls, lone surrogates and reserved names: each at its expression.</summary>
public class EvaluatorLimitTests
{
    [Fact]
    public void DI1013_a_replace_chain_that_multiplies_a_string_stops_before_making_it()
    {
        var diagnostics = Harness.Diagnostics("""
            [Stack("s")]
            public static class S
            {
                public static readonly AwsVpc Vpc = new("main") { CidrBlock = "10.0.0.0/16", Tags = new() { ["x"] =
                    "xxxxxxxxxx".Replace("x", "xxxxxxxxxx").Replace("x", "xxxxxxxxxx").Replace("x", "xxxxxxxxxx").Replace("x", "xxxxxxxxxx").Replace("x", "xxxxxxxxxx").Replace("x", "xxxxxxxxxx").Replace("x", "xxxxxxxxxx").Replace("x", "xxxxxxxxxx") } };
            }
            """);
        var budget = Assert.Single(diagnostics, d => d.Id == "DI1013");
        Assert.Contains("10,000,000 characters", budget.GetMessage(System.Globalization.CultureInfo.InvariantCulture)); // the first Replace past the limit
    }

    [Fact]
    public void DI1013_an_infra_function_that_calls_itself_twice_per_level_stops_within_its_budget()
    {
        var started = System.Diagnostics.Stopwatch.StartNew();
        var diagnostics = Harness.Diagnostics("""
            [Stack("s")]
            public static class S
            {
                public static readonly Output O = new("o") { Value = E(24) };
                [InfraFunction] public static int E(int n) => n == 0 ? 1 : E(n - 1) + E(n - 1);
            }
            """);
        Assert.Contains(diagnostics, d => d.Id == "DI1013");
        Assert.DoesNotContain(diagnostics, d => d.Id == "DI1000");
        Assert.True(started.Elapsed < TimeSpan.FromSeconds(30), $"took {started.Elapsed}"); // 2^24 steps would take minutes
    }

    [Fact]
    public Task DI1013_alignment_wider_than_a_value_may_be() => Verify.Diagnostics("""
        [Stack("s")]
        public static class S
        {
            private const string Name = "web";
            public static readonly AwsVpc Vpc = new("main") { CidrBlock = "10.0.0.0/16", Tags = new() { ["x"] = $"{|DI1013:{Name,2000000000}|}" } };
        }
        """);

    [Fact]
    public Task DI1007_substring_past_the_end_is_an_error_at_the_call_not_a_bug() => Verify.Diagnostics("""
        [Stack("s")]
        public static class S
        {
            public static readonly AwsVpc Vpc = new("main") { CidrBlock = {|DI1007:"abc".Substring(1, int.MaxValue)|} };
        }
        """);

    [Fact]
    public Task DI1007_a_lone_surrogate_is_refused_at_the_literal() => Verify.Diagnostics("""
        [Stack("s")]
        public static class S
        {
            public static readonly AwsVpc Vpc = new("main") { CidrBlock = "10.0.0.0/16", Tags = new() { ["x"] = {|DI1007:"a\ud800b"|} } };
        }
        """);

    [Fact]
    public Task DI1007_a_substring_that_splits_a_character_is_refused() => Verify.Diagnostics("""
        [Stack("s")]
        public static class S
        {
            public static readonly AwsVpc Vpc = new("main") { CidrBlock = "10.0.0.0/16", Tags = new() { ["x"] = {|DI1007:"🚀".Substring(0, 1)|} } };
        }
        """);

    [Theory]
    [InlineData("source")]
    [InlineData("version")]
    [InlineData("providers")]
    [InlineData("count")]
    [InlineData("for_each")]
    [InlineData("lifecycle")]
    [InlineData("depends_on")]
    [InlineData("locals")]
    public void DI1003_a_variable_name_Terraform_reserves(string name)
    {
        var diagnostics = Harness.Diagnostics($$"""
            [Stack("s")]
            public static class S
            {
                public static readonly Variable<string> V = new("{{name}}");
            }
            """);
        var reserved = Assert.Single(diagnostics, d => d.Id == "DI1003");
        Assert.Contains("reserves", reserved.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        Assert.DoesNotContain(Harness.Diagnostics("""[Stack("s")] public static class S { public static readonly Variable<string> V = new("source_ami"); }"""), d => d.Id == "DI1003");
    }

    [Theory]
    [InlineData("\\u0001")]
    [InlineData("\\u001f")]
    [InlineData("\\u007f")]
    [InlineData("\\n")]
    public void DI1007_a_dockerfile_environment_value_with_a_control_character(string escaped)
    {
        var diagnostics = Harness.Diagnostics($$"""
            [Stack("s")]
            public static class S
            {
                public static readonly ContainerImage Api = new("api") { BaseImage = "nginx@sha256:4c0fdaa8b6341bfdeca5f18f7837462c80cff90527ee35ef185571e1c327beac",
                    Repository = "r", Environment = new() { ["V"] = "a{{escaped}}b" } };
                public static readonly Output O = new("o") { Value = Api.Uri };
            }
            """);
        Assert.Contains(diagnostics, d => d.Id == "DI1007" && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("control"));
        Assert.DoesNotContain(Harness.Diagnostics($$"""
            [Stack("s")]
            public static class S
            {
                public static readonly ContainerImage Api = new("api") { BaseImage = "nginx@sha256:4c0fdaa8b6341bfdeca5f18f7837462c80cff90527ee35ef185571e1c327beac",
                    Repository = "r", Environment = new() { ["V"] = "a\tb" } };
                public static readonly Output O = new("o") { Value = Api.Uri };
            }
            """), d => d.Id == "DI1007");
    }

    [Fact]
    public Task DI1002_two_locals_with_one_name() => Verify.Diagnostics("""
        [Stack("s")]
        public static class S
        {
            public static readonly Local<string> A = new("prefix") { Value = "a" };
            public static readonly Local<string> B = {|DI1002:new("prefix") { Value = "b" }|};
        }
        """);

    [Fact]
    public Task DI1006_local_without_a_value() => Verify.Diagnostics("""
        [Stack("s")]
        public static class S
        {
            public static readonly Local<string> Prefix = {|DI1006:new("prefix")|};
        }
        """);

    [Fact]
    public Task DI1006_check_without_assertions() => Verify.Diagnostics("""
        [Stack("s")]
        public static class S
        {
            public static readonly Check Empty = {|DI1006:new("empty")|};
        }
        """);

    [Fact]
    public Task DI1014_moved_from_an_address_that_is_still_declared() => Verify.Diagnostics("""
        [Stack("s")]
        public static class S
        {
            public static readonly AwsVpc Old = new("old") { CidrBlock = "10.0.0.0/16" };
            public static readonly AwsVpc Vpc = new("main") { CidrBlock = "10.0.0.0/16" };
            public static readonly Moved Rename = {|DI1014:new() { From = "aws_vpc.old", To = Vpc }|};
        }
        """);

    [Fact]
    public Task DI1014_moved_to_a_resource_that_is_not_a_member() => Verify.Diagnostics("""
        [Stack("s")]
        public static class S
        {
            public static readonly Moved Rename = {|DI1014:new() { From = "aws_vpc.old", To = new AwsVpc("main") { CidrBlock = "10.0.0.0/16" } }|};
        }
        """);

    [Fact]
    public Task DI1014_moved_from_something_that_is_not_an_address() => Verify.Diagnostics("""
        [Stack("s")]
        public static class S
        {
            public static readonly AwsVpc Vpc = new("main") { CidrBlock = "10.0.0.0/16" };
            public static readonly Moved Rename = {|DI1014:new() { From = "aws_vpc.old; rm -rf /", To = Vpc }|};
        }
        """);

    [Fact]
    public Task DI1014_moved_across_resource_types() => Verify.Diagnostics("""
        [Stack("s")]
        public static class S
        {
            public static readonly AwsVpc Vpc = new("main") { CidrBlock = "10.0.0.0/16" };
            public static readonly Moved Rename = {|DI1014:new() { From = "aws_subnet.main", To = Vpc }|};
        }
        """);

    [Fact]
    public Task DI1014_import_without_an_id() => Verify.Diagnostics("""
        [Stack("s")]
        public static class S
        {
            public static readonly AwsVpc Vpc = new("main") { CidrBlock = "10.0.0.0/16" };
            public static readonly Import Adopt = {|DI1014:new() { To = Vpc }|};
        }
        """);

    [Fact]
    public Task DI1014_import_into_a_data_source() => Verify.Diagnostics("""
        [Stack("s")]
        public static class S
        {
            public static readonly DataAwsAmi Image = new("web") { Owners = ["self"] };
            public static readonly Import Adopt = {|DI1014:new() { To = Image, Id = "ami-1" }|};
        }
        """);

    [Fact]
    public Task DI1014_removed_without_saying_whether_to_destroy() => Verify.Diagnostics("""
        [Stack("s")]
        public static class S
        {
            public static readonly Removed Gone = {|DI1014:new() { From = "aws_db_instance.legacy" }|};
        }
        """);

    [Fact]
    public Task DI1002_two_imports_into_one_resource() => Verify.Diagnostics("""
        [Stack("s")]
        public static class S
        {
            public static readonly AwsVpc Vpc = new("main") { CidrBlock = "10.0.0.0/16" };
            public static readonly Import A = new() { To = Vpc, Id = "vpc-1" };
            public static readonly Import B = {|DI1002:new() { To = Vpc, Id = "vpc-2" }|};
        }
        """);

    [Fact]
    public Task DI1006_module_without_a_source() => Verify.Diagnostics("""
        [Stack("s")]
        public static class S
        {
            public static readonly Module Network = {|DI1006:new("network") { Version = "~> 5.8" }|};
        }
        """);

    [Fact]
    public Task DI1007_module_source_known_only_at_deploy_time() => Verify.Diagnostics("""
        [Stack("s")]
        public static class S
        {
            public static readonly Variable<string> Where = new("where");
            public static readonly Module Network = {|DI1007:new("network") { Source = $"{Where}/vpc" }|};
        }
        """);

    [Fact]
    public Task DI1003_module_input_named_like_a_meta_argument() => Verify.Diagnostics("""
        [Stack("s")]
        public static class S
        {
            public static readonly Module Network = {|DI1003:new("network") { Source = "./modules/network", Inputs = new() { ["count"] = 2 } }|};
        }
        """);

    [Fact]
    public Task DI1007_each_key_without_for_each() => Verify.Diagnostics("""
        [Stack("s")]
        public static class S
        {
            public static readonly AwsS3Bucket Bucket = {|DI1007:new("b") { BucketPrefix = $"{Each.Key}-" }|};
        }
        """);

    [Fact]
    public Task DI1007_count_and_for_each_together() => Verify.Diagnostics("""
        [Stack("s")]
        public static class S
        {
            public static readonly Variable<double> N = new("n");
            public static readonly Variable<Map<string>> M = new("m");
            public static readonly AwsS3Bucket Bucket = {|DI1007:new("b") { Count = N, ForEach = M }|};
        }
        """);

    [Fact]
    public Task DI1007_count_known_at_compile_time_belongs_to_repeat_for() => Verify.Diagnostics("""
        [Stack("s")]
        public static class S
        {
            public static readonly AwsS3Bucket Bucket = {|DI1007:new("b") { Count = 3 }|};
        }
        """);

    [Fact]
    public Task DI1007_an_instance_of_a_resource_without_count_or_for_each() => Verify.Diagnostics("""
        [Stack("s")]
        public static class S
        {
            public static readonly AwsVpc Vpc = new("main") { CidrBlock = "10.0.0.0/16" };
            public static readonly Output Id = new("id") { Value = {|DI1007:Vpc.At("a")|}.Id };
        }
        """);

    [Fact]
    public Task DI1006_remote_backend_without_workspaces() => Verify.Diagnostics("""
        [Stack("s")]
        public static class S
        {
            public static readonly RemoteBackend State = {|DI1006:new() { Organization = "acme" }|};
        }
        """);

    [Fact]
    public Task DI1007_a_condition_known_when_the_stack_is_written() => Verify.Diagnostics("""
        [Stack("s")]
        public static class S
        {
            private const string Cidr = "10.0.0.0/16";
            public static readonly AwsVpc Vpc = new("main") { CidrBlock = Cidr };
            public static readonly Output Id = new("id") { Value = Vpc.Id, Preconditions = [{|DI1007:new(Cidr == "10.0.0.0/16", "changed")|}] };
        }
        """);

    [Fact]
    public Task DI1003_a_dynamic_blocks_iterator_named_like_a_terraform_root() => Verify.Diagnostics("""
        [Stack("s")]
        public static class S
        {
            public static readonly Variable<Map<string>> Extra = new("extra");
            public static readonly AwsAutoscalingGroup Asg = new("web")
            {
                MinSize = 1, MaxSize = 3,
                Tag = Dynamic.For(Extra, {|DI1003:each|} => new AwsAutoscalingGroup.TagBlock { Key = each.Key, Value = each.Value<string>(), PropagateAtLaunch = true }),
            };
        }
        """);
}
