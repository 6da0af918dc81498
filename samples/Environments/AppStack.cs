using DslInfra;
using DslInfra.Aws;

namespace EnvironmentsSample;

/// <summary>The app reads the network of its own environment; prod runs more replicas than dev.</summary>
[Stack("app"), Environments("dev", "prod")]
public static class AppStack
{
    public static readonly PerEnvironment<int> Replicas = new() { ["dev"] = 1, ["prod"] = 3 };

    public static readonly LocalBackend State = new() { Path = $"../../state/{Environments.Current}-app.tfstate" };

    public static readonly CustomResource Service = new("terraform_data", "service")
    {
        Arguments = new() { ["input"] = $"{Environments.Current}: {Replicas} replicas in {NetworkStack.VpcCidr}" },
    };
}
