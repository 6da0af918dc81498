namespace DslInfra.Cli.Tests;

/// <summary>What `--help` tells a user: the command as they type it, and what each command writes.</summary>
public sealed class HelpTests
{
    [Fact]
    public void Usage_names_the_command_a_user_types()
    {
        var (exit, output, _) = Cli.Run("--help");
        Assert.Equal(0, exit);
        Assert.Contains("dslinfra [command] [options]", output);
        Assert.DoesNotContain("DslInfra.Cli", output);
        Assert.Contains("dslinfra review <plan> [options]", Cli.Run("review", "--help").Output);
    }

    [Fact]
    public void Bindings_help_says_it_writes_ephemeral_resources_and_takes_a_provider_version()
    {
        var (_, output, _) = Cli.Run("bindings", "--help");
        Assert.Contains("ephemeral resources", output);
        Assert.Contains("--provider-version", output);
    }
}
