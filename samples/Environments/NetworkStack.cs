using DslInfra;
using DslInfra.Aws;

namespace EnvironmentsSample;

/// <summary>
/// Two environments from one source. terraform_data (Terraform's built-in provider) stands in for cloud resources, so
/// the sample deploys without an account: `dslinfra deploy samples/Environments --auto-approve` deploys dev, then prod.
/// </summary>
[Stack("network"), Environments("dev", "prod")]
public static class NetworkStack
{
    /// <summary>What differs between the environments, visible in review: each has its own address range.</summary>
    public static readonly PerEnvironment<string> Cidr = new() { ["dev"] = "10.0.0.0/16", ["prod"] = "10.1.0.0/16" };

    // Each environment keeps its own state. The path is relative to the stack's folder (infra/<environment>/<stack>),
    // the same depth for every stack, so a stack that reads this one finds the same file.
    public static readonly LocalBackend State = new() { Path = $"../../state/{Environments.Current}-network.tfstate" };

    public static readonly CustomResource Vpc = new("terraform_data", "vpc") { Arguments = new() { ["input"] = Cidr } };

    public static readonly Output<string> VpcCidr = new("vpc_cidr") { Value = Vpc.Attr<string>("output") };
}
