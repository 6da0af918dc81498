using System.Collections.Immutable;
using DslInfra;
using DslInfra.Aws;

namespace Estate;

/// <summary>
/// An estate that existed before DslInfra: the VPC is adopted with an import block, the network comes from the
/// registry's VPC module, the app subnets and buckets follow variables known only at deploy time, a rename keeps its
/// state with a moved block, and a retired database leaves the state without being destroyed.
/// </summary>
[Stack("estate", TerraformVersion = ">= 1.10.0")]
public static class EstateStack
{
    public static readonly AwsProvider Aws = new() { Region = "eu-west-1" };

    public static readonly S3Backend State = new() { Bucket = "acme-terraform-state", Key = "estate/terraform.tfstate", Region = "eu-west-1", UseLockfile = true };

    public static readonly Variable<string> Env = new("env") { Default = "prod", Description = "Deployment environment." };

    public static readonly Variable<Map<string>> AppSubnets = new("app_subnets")
    {
        Description = "App subnet CIDR by availability zone; add a zone without renumbering the others.",
        Default = new Map<string> { ["eu-west-1a"] = "10.40.10.0/24", ["eu-west-1b"] = "10.40.11.0/24" },
    };

    public static readonly Variable<ImmutableArray<string>> Buckets = new("buckets") { Default = ["logs", "assets"] };

    // One name prefix, written once in locals and referenced everywhere.
    public static readonly Local<string> Prefix = new("prefix") { Value = $"acme-{Env}" };

    // The VPC that was created by hand years ago: adopted, not recreated.
    public static readonly AwsVpc Vpc = new("main")
    {
        CidrBlock = "10.40.0.0/16",
        EnableDnsHostnames = true,
        Tags = new() { ["Name"] = $"{Prefix}-vpc" },
        Lifecycle = new() { PreventDestroy = true },
    };

    public static readonly Import AdoptVpc = new() { To = Vpc, Id = "vpc-0a1b2c3d4e5f67890" };

    // The registry's VPC module builds the public edge inside it.
    public static readonly Module Edge = new("edge")
    {
        Source = "terraform-aws-modules/vpc/aws",
        Version = "~> 5.8",
        Inputs = new()
        {
            ["create_vpc"] = false,
            ["name"] = $"{Prefix}-edge",
            ["public_subnets"] = new[] { "10.40.0.0/24", "10.40.1.0/24" },
            ["azs"] = new[] { "eu-west-1a", "eu-west-1b" },
        },
    };

    // One app subnet per entry of the variable: a new zone is a new subnet, and no other subnet moves.
    public static readonly AwsSubnet App = new("app")
    {
        ForEach = AppSubnets,
        VpcId = Vpc.Id,
        AvailabilityZone = Each.Key,
        CidrBlock = Each.Value<string>(),
        Tags = new() { ["Name"] = $"{Prefix}-app-{Each.Key}" },
        Lifecycle = new() { Postconditions = [new(Condition.Self<string>("availability_zone") == Each.Key, "The subnet landed in another zone.")] },
    };

    // These were Repeat.For subnets named app_0 and app_1: their state moves to the new keys, nothing is recreated.
    public static readonly Moved AppZoneA = new() { From = "aws_subnet.app_0", To = App.At("eu-west-1a") };
    public static readonly Moved AppZoneB = new() { From = "aws_subnet.app_1", To = App.At("eu-west-1b") };

    public static readonly AwsS3Bucket Bucket = new("bucket")
    {
        ForEach = Buckets,
        BucketPrefix = $"{Prefix}-{Each.Key}-",
        Tags = new() { ["purpose"] = Each.Key },
        Lifecycle = new() { PreventDestroy = true },
    };

    // The old database is handed over to another team: it leaves this state and keeps running.
    public static readonly Removed LegacyDatabase = new() { From = "aws_db_instance.legacy", Destroy = false };

    public static readonly Check VpcIsAdopted = new("vpc_is_adopted")
    {
        Assertions = [new(Vpc.Id == "vpc-0a1b2c3d4e5f67890", "The VPC is not the one the estate adopted.")],
    };

    // Read by AppStack: typed outputs are how stacks read each other.
    public static readonly Output<string> VpcId = new("vpc_id") { Value = Vpc.Id };

    public static readonly Output<string> AppSubnetA = new("app_subnet_a")
    {
        Value = App.At("eu-west-1a").Id,
        Preconditions = [new(Vpc.Attr<string>("cidr_block") == "10.40.0.0/16", "The adopted VPC's range changed.")],
    };

    public static readonly Output EdgeSubnets = new("edge_subnets") { Value = Edge.Output<ImmutableArray<string>>("public_subnets") };
}
