namespace DslInfra.Cli.Tests.Deploy;

/// <summary>
/// samples/Environments, as a user runs it: one C# source with two environments and two stacks (app reads network),
/// built and deployed by one `dslinfra deploy` with the real Terraform, offline (terraform_data and local state):
/// dev then prod, each in dependency order, and a second run changes nothing.
/// </summary>
public sealed class EnvironmentsSampleTests
{
    [Fact]
    public void The_sample_deploys_both_environments_in_order_from_one_command_and_a_second_run_is_a_no_op()
    {
        var project = Path.Combine(ExternalTools.Root, "samples", "Environments", "Environments.csproj");
        var locks = Directory.CreateTempSubdirectory("dslinfra-sample-locks-").FullName;
        var state = Path.Combine(ExternalTools.Root, "samples", "Environments", "bin", "Debug", "net8.0", "infra", "state");
        if (Directory.Exists(state))
            Directory.Delete(state, recursive: true);
        try
        {
            var (exit, output, error) = Cli.Run("deploy", project, "--auto-approve", "--locks", locks);
            Assert.True(exit == 0, $"exit {exit}\n{output}\n{error}");
            Assert.Equal(
                ["stack dev/network: applied: 1 create", "stack dev/app: applied: 1 create", "stack prod/network: applied: 1 create", "stack prod/app: applied: 1 create"],
                output.Split('\n').Where(l => l.StartsWith("stack ", StringComparison.Ordinal)));
            Assert.Contains("\"prod: 3 replicas in 10.1.0.0/16\"", File.ReadAllText(Path.Combine(state, "prod-app.tfstate")));
            Assert.Contains("\"dev: 1 replicas in 10.0.0.0/16\"", File.ReadAllText(Path.Combine(state, "dev-app.tfstate")));

            var (again, secondOutput, secondError) = Cli.Run("deploy", project, "--auto-approve", "--locks", locks);
            Assert.True(again == 0, $"exit {again}\n{secondOutput}\n{secondError}");
            Assert.Equal(4, secondOutput.Split('\n').Count(l => l.EndsWith(": no changes", StringComparison.Ordinal)));
        }
        finally
        {
            Directory.Delete(locks, recursive: true);
            if (Directory.Exists(state))
                Directory.Delete(state, recursive: true);
        }
    }
}
