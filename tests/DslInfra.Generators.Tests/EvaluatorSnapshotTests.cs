using Snapshooter.Xunit;

namespace DslInfra.Generators.Tests;

/// <summary>One stack per construct the evaluator supports; the snapshot is the Terraform JSON it gives.</summary>
public class EvaluatorSnapshotTests
{
    [Fact]
    public void Literals_and_constants() => Snapshot.Match(Harness.TerraformOf("""
        [Stack("s")]
        public static class S
        {
            private const string Cidr = "10.0.0.0/16";
            private const int Port = 8080;
            public static readonly AwsVpc Vpc = new("main") { CidrBlock = Cidr, EnableDnsSupport = true };
            public static readonly AwsLbTargetGroup Tg = new("tg") { Port = Port, Protocol = "HTTP", DeregistrationDelay = -1 };
            public static readonly CustomResource Numbers = new("null_resource", "numbers")
            {
                Arguments = new() { ["half"] = 0.5, ["big"] = 9007199254740993L, ["negative"] = -42, ["ratio"] = 2.5e-3 },
            };
        }
        """));

    [Fact]
    public void Members_become_references() => Snapshot.Match(Harness.TerraformOf("""
        [Stack("s")]
        public static class S
        {
            public static readonly AwsVpc Vpc = new("main") { CidrBlock = "10.0.0.0/16" };
            public static readonly AwsSubnet Subnet = new("a") { VpcId = Vpc.Id, CidrBlock = Vpc.CidrBlock };
            public static readonly AwsInstance Box = new("box") { Ami = "ami-123", InstanceType = "t3.micro", SubnetId = Subnet.Id };
            public static readonly Output Ip = new("ip") { Value = Box.PrivateIp };
            public static readonly Output Owner = new("owner") { Value = Vpc.Attr<string>("owner_id") };
        }
        """));

    [Fact]
    public void Interpolation_and_concatenation() => Snapshot.Match(Harness.TerraformOf("""
        [Stack("s")]
        public static class S
        {
            public static readonly Variable<string> Env = new("env") { Default = "prod" };
            private const string Team = "web";
            public static readonly AwsVpc Vpc = new("main")
            {
                CidrBlock = "10.0." + 3 + ".0/24",
                Tags = new()
                {
                    ["Name"] = $"{Team}-{Env}",
                    ["Joined"] = Team + "-" + Env,
                    ["Padded"] = $"[{7,3}|{Team,-5}]",
                    ["Formatted"] = $"{42:D5}",
                    ["Flag"] = $"{true}",
                },
            };
            public static readonly AwsSubnet Subnet = new("a") { VpcId = $"{Vpc.Id}", CidrBlock = $"{Vpc.CidrBlock}" };
        }
        """));

    [Fact]
    public void Arithmetic_and_conditionals() => Snapshot.Match(Harness.TerraformOf("""
        [Stack("s")]
        public static class S
        {
            private const int Base = 7;
            private const bool Production = true;
            public static readonly AwsAutoscalingGroup Asg = new("web")
            {
                MinSize = Base / 2,
                MaxSize = Base * 3 + Base % 4 - 1,
                DesiredCapacity = Production ? Base : 1,
                HealthCheckGracePeriod = (Base > 5 && !Production) ? 10 : 20,
            };
        }
        """));

    [Fact]
    public void Object_creation_with_and_primary_constructors() => Snapshot.Match(Harness.TerraformOf("""
        public sealed record Disk(int Size);

        [Stack("s")]
        public static class S
        {
            public static readonly AwsInstance Template = new("a") { Ami = "ami-1", InstanceType = "t3.micro", Tags = new() { ["role"] = "web" } };
            public static readonly AwsInstance Second = Template with { Name = "b", InstanceType = "t3.large" };
            public static readonly AwsInstance Third = Second with { Name = "c", RootBlockDevice = new() { VolumeSize = 30, Encrypted = true } };
        }
        """));

    [Fact]
    public void Collections_dictionaries_and_spreads() => Snapshot.Match(Harness.TerraformOf("""
        [Stack("s")]
        public static class S
        {
            public static readonly ImmutableArray<string> Office = ["192.0.2.0/24", "198.51.100.0/24"];
            public static readonly AwsSecurityGroup Sg = new("sg")
            {
                Ingress =
                [
                    new() { FromPort = 22, ToPort = 22, Protocol = "tcp", CidrBlocks = [.. Office, "203.0.113.7/32"] },
                    new() { FromPort = 443, ToPort = 443, Protocol = "tcp", CidrBlocks = ["0.0.0.0/0"], Ipv6CidrBlocks = [] },
                ],
                Tags = new() { ["b"] = "2", ["a"] = "1", ["b"] = "3" },
            };
            public static readonly Output First = new("first") { Value = Office[0] };
            public static readonly Output Count = new("count") { Value = Office.Length };
        }
        """));

    [Fact]
    public void Enums_and_nameof() => Snapshot.Match(Harness.TerraformOf("""
        public enum Tier { Web, Worker }

        [Stack("s")]
        public static class S
        {
            public static readonly AwsVpc Vpc = new(nameof(Vpc)) { CidrBlock = "10.0.0.0/16", Tags = new() { ["tier"] = $"{Tier.Worker}", ["member"] = nameof(Vpc) } };
        }
        """));

    [Fact]
    public void Infra_functions_and_repeat() => Snapshot.Match(Harness.TerraformOf("""
        [Stack("s")]
        public static class S
        {
            public static readonly ImmutableArray<string> Zones = ["eu-west-1a", "eu-west-1b"];
            public static readonly AwsVpc Vpc = new("main") { CidrBlock = "10.0.0.0/16" };
            public static readonly ImmutableArray<AwsSubnet> Subnets = Repeat.For(Zones.Length, i => Subnet(i, Zones[i]));
            public static readonly ImmutableArray<AwsS3Bucket> Buckets = Repeat.For(Zones, zone => new AwsS3Bucket($"logs_{zone.Replace("-", "_")}") { BucketPrefix = $"logs-{zone}-".ToUpperInvariant().ToLowerInvariant() });
            public static readonly AwsLb Lb = new("web") { Subnets = [.. Repeat.For(Subnets, s => s.Id)] };

            [InfraFunction]
            public static AwsSubnet Subnet(int index, string zone) => new($"private_{index}")
            {
                VpcId = Vpc.Id,
                AvailabilityZone = zone,
                CidrBlock = Cidr(index),
            };

            [InfraFunction]
            public static string Cidr(int index) => $"10.0.{index * 16}.0/20";
        }
        """));

    [Fact]
    public void Providers_backends_lifecycle_and_meta_arguments() => Snapshot.Match(Harness.TerraformOf("""
        [Stack("s", TerraformVersion = "~> 1.9")]
        public static class S
        {
            public static readonly AwsProvider Aws = new() { Region = "eu-west-1", Version = ">= 5.40" };
            public static readonly AwsProvider UsEast = new() { Region = "us-east-1", Alias = "us_east" };
            public static readonly LocalBackend State = new() { Path = "state/${literal}.tfstate" };
            public static readonly AwsS3Bucket Logs = new("logs") { Bucket = "acme-logs", Provider = UsEast, Lifecycle = new() { PreventDestroy = true } };
            public static readonly AwsInstance Box = new("box")
            {
                Ami = "ami-1",
                InstanceType = "t3.micro",
                DependsOn = [Logs],
                Lifecycle = new() { IgnoreChanges = ["tags"], ReplaceTriggeredBy = [Logs] },
            };
            public static readonly AwsInstance Kept = new("kept") { Ami = "ami-1", InstanceType = "t3.micro", Lifecycle = new() { CreateBeforeDestroy = false } };
            public static readonly Variable<ImmutableArray<string>> Cidrs = new("cidrs") { Default = ["10.0.0.0/8"], Sensitive = true, Nullable = false };
            public static readonly Variable<Map<int>> Sizes = new("sizes") { Default = new() { ["web"] = 2 } };
            public static readonly Output Secret = new("secret") { Value = Box.Id, Sensitive = true, Description = "Not ${interpolated}" };
        }
        """));

    [Fact]
    public void Custom_resources_and_data_sources() => Snapshot.Match(Harness.TerraformOf("""
        [Stack("s")]
        public static class S
        {
            public static readonly CustomDataSource Caller = new("aws_caller_identity", "current");
            public static readonly CustomResource Logs = new("acme_log_group", "app")
            {
                Arguments = new() { ["name"] = "/app/web", ["retention_in_days"] = 30, ["skip_destroy"] = false, ["kms_key_id"] = Caller.Attr<string>("account_id") },
                Blocks =
                [
                    new("timeouts") { Arguments = new() { ["create"] = "5m" } },
                    new("rule") { Arguments = new() { ["n"] = 1 }, Blocks = [new("inner") { Arguments = new() { ["x"] = "y" } }] },
                    new("rule") { Arguments = new() { ["n"] = 2 } },
                ],
                ReplaceOnly = true,
            };
            public static readonly DataAwsAmi Ubuntu = new("ubuntu") { Owners = ["099720109477"], MostRecent = true, NameRegex = "^ubuntu-noble-24\\.04-amd64-server-\\d+$" };
        }
        """));

    [Fact]
    public void Manifest_of_the_sample()
    {
        var source = File.ReadAllText(Path.Combine(RepoPaths.Root, "samples", "WebService", "WebStack.cs"));
        var artifacts = Harness.Artifacts(Harness.Compile("global using System.Collections.Immutable;\n" + source), SampleSnapshotTests.SampleFiles);
        Snapshot.Match(artifacts["web/manifest.json"]);
    }
}

public class UserResourceTypeTests
{
    [Fact]
    public void A_resource_type_declared_in_user_code_is_synthesized_from_its_attributes() => Snapshot.Match(Harness.TerraformOf("""
        using DslInfra.Schema;

        [TerraformType("acme_log_group")]
        public sealed record LogGroup(string Name) : Resource(Name)
        {
            [Required, TerraformName("name")] public Expr<string>? GroupName { get; init; }
            public Expr<int>? RetentionInDays { get; init; }
            [NestedBlock] public Timeouts? Timeouts { get; init; }
            public Reference<string> Arn => Attr<string>("arn");
        }

        public sealed record Timeouts
        {
            public Expr<string>? Create { get; init; }
        }

        [Stack("s")]
        public static class S
        {
            public static readonly LogGroup Logs = new("app") { GroupName = "/app/web", RetentionInDays = 14, Timeouts = new() { Create = "5m" } };
            public static readonly Output Arn = new("arn") { Value = Logs.Arn };
        }
        """));
}
