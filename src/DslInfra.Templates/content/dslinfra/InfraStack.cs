using DslInfra;
using DslInfra.Aws;

namespace MyStacks;

/// <summary>A first stack: build, then `terraform init && terraform plan` in bin/Debug/FRAMEWORK/infra/infra/.</summary>
[Stack("infra")]
public static class InfraStack
{
    public static readonly AwsProvider Aws = new() { Region = "eu-west-1" };

    public static readonly Variable<string> Env = new("env") { Default = "dev", Description = "Deployment environment." };

    public static readonly AwsVpc Vpc = new("main")
    {
        CidrBlock = "10.0.0.0/16",
        EnableDnsHostnames = true,
        Tags = new() { ["Name"] = $"infra-{Env}" },
    };

    public static readonly AwsS3Bucket Logs = new("logs")
    {
        BucketPrefix = "infra-logs-",
        Tags = new() { ["env"] = $"{Env}" },
        // A bucket holds data: Terraform refuses any plan that would destroy it (DI3004 asks for this).
        Lifecycle = new() { PreventDestroy = true },
    };

    public static readonly Output VpcId = new("vpc_id") { Value = Vpc.Id };
}
