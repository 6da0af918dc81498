using DslInfra;
using DslInfra.Aws;

namespace Estate;

/// <summary>
/// An app stack with its own state that reads the estate's outputs: Terraform reads them from the estate's state
/// (terraform_remote_state over its S3 backend), and the manifest says to deploy the estate first.
/// </summary>
[Stack("app", TerraformVersion = ">= 1.10.0")]
public static class AppStack
{
    public static readonly AwsProvider Aws = new() { Region = "eu-west-1" };

    public static readonly S3Backend State = new() { Bucket = "acme-terraform-state", Key = "app/terraform.tfstate", Region = "eu-west-1", UseLockfile = true };

    public static readonly AwsSecurityGroup Sg = new("app")
    {
        NamePrefix = "app-",
        Description = "The app's instances",
        VpcId = EstateStack.VpcId,
        Lifecycle = new() { CreateBeforeDestroy = true },
    };

    public static readonly AwsLbTargetGroup Tg = new("app")
    {
        NamePrefix = "app-",
        Port = 8080,
        Protocol = "HTTP",
        VpcId = EstateStack.VpcId,
        Lifecycle = new() { CreateBeforeDestroy = true },
    };

    public static readonly Output<string> Subnet = new("subnet") { Value = EstateStack.AppSubnetA };
}
