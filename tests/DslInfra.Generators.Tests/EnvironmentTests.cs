using System.Text.Json;

namespace DslInfra.Generators.Tests;

/// <summary>
/// One source, several environments: [Environments] makes the generator evaluate a stack once per environment,
/// PerEnvironment values take each environment's entry, Environments.Current names it, and a stack that reads another
/// reads it in the same environment. A value missing for one environment is a compile error.
/// </summary>
public class EnvironmentTests
{
    private const string Stacks = """
        [Stack("network"), Environments("dev", "prod")]
        public static class NetworkStack
        {
            public static readonly PerEnvironment<string> Cidr = new() { ["dev"] = "10.0.0.0/16", ["prod"] = "10.1.0.0/16" };
            public static readonly S3Backend State = new() { Bucket = "acme-tf", Key = $"{Environments.Current}/network.tfstate", Region = "eu-west-1" };
            public static readonly AwsVpc Vpc = new("main") { CidrBlock = Cidr, Tags = new() { ["env"] = Environments.Current } };
            public static readonly Output<string> VpcId = new("vpc_id") { Value = Vpc.Id };
        }

        [Stack("app"), Environments("dev", "prod")]
        public static class AppStack
        {
            public static readonly PerEnvironment<int> Size = new() { ["dev"] = 1, ["prod"] = 3 };
            public static readonly S3Backend State = new() { Bucket = "acme-tf", Key = $"{Environments.Current}/app.tfstate", Region = "eu-west-1" };
            public static readonly AwsSecurityGroup Sg = new("app") { VpcId = NetworkStack.VpcId };
            public static readonly AwsAutoscalingGroup Group = new("app") { MinSize = Size, MaxSize = Size, MaxInstanceLifetime = 604800 };
        }
        """;

    [Fact]
    public void Each_environment_gets_its_own_folder_values_state_and_reads()
    {
        var artifacts = Harness.Artifacts(Harness.Compile(Harness.Usings + Stacks));
        Assert.Equal(["dev/app/main.tf.json", "dev/app/manifest.json", "dev/network/main.tf.json", "dev/network/manifest.json",
            "prod/app/main.tf.json", "prod/app/manifest.json", "prod/network/main.tf.json", "prod/network/manifest.json"], artifacts.Keys.Order(StringComparer.Ordinal));

        foreach (var (environment, cidr, size) in new[] { ("dev", "10.0.0.0/16", 1), ("prod", "10.1.0.0/16", 3) })
        {
            using var network = JsonDocument.Parse(artifacts[$"{environment}/network/main.tf.json"]);
            var vpc = network.RootElement.GetProperty("resource").GetProperty("aws_vpc").GetProperty("main");
            Assert.Equal(cidr, vpc.GetProperty("cidr_block").GetString());
            Assert.Equal(environment, vpc.GetProperty("tags").GetProperty("env").GetString());
            Assert.Equal($"{environment}/network.tfstate", network.RootElement.GetProperty("terraform").GetProperty("backend").GetProperty("s3").GetProperty("key").GetString());

            using var app = JsonDocument.Parse(artifacts[$"{environment}/app/main.tf.json"]);
            Assert.Equal(size, app.RootElement.GetProperty("resource").GetProperty("aws_autoscaling_group").GetProperty("app").GetProperty("min_size").GetInt32());
            // The app reads the network of its own environment.
            var remote = app.RootElement.GetProperty("data").GetProperty("terraform_remote_state").EnumerateObject().Single().Value;
            Assert.Equal($"{environment}/network.tfstate", remote.GetProperty("config").GetProperty("key").GetString());

            using var manifest = JsonDocument.Parse(artifacts[$"{environment}/app/manifest.json"]);
            Assert.Equal(environment, manifest.RootElement.GetProperty("environment").GetString());
            Assert.Equal(["dev", "prod"], manifest.RootElement.GetProperty("environments").EnumerateArray().Select(e => e.GetString()));
            Assert.Equal(["network"], manifest.RootElement.GetProperty("reads_stacks").EnumerateArray().Select(e => e.GetString()));
        }
    }

    [Fact]
    public void A_value_missing_for_one_environment_is_a_compile_error_there()
    {
        var source = Stacks.Replace("[\"dev\"] = 1, [\"prod\"] = 3", "[\"dev\"] = 1");
        var (artifacts, diagnostics) = Harness.Failing(Harness.Compile(Harness.Usings + source));
        Assert.Contains(diagnostics, d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error && d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("'Size' has no value for environment 'prod'", StringComparison.Ordinal));
        Assert.DoesNotContain("prod/app/main.tf.json", artifacts.Keys);
        Assert.Contains("dev/app/main.tf.json", artifacts.Keys);

        // The analyzer says it at the value while typing.
        var reported = Harness.Diagnostics(source);
        Assert.Contains(reported, d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("'Size' has no value for environment 'prod'", StringComparison.Ordinal));
    }

    [Fact]
    public void An_entry_for_an_environment_the_stack_does_not_declare_and_per_environment_values_without_environments_are_errors()
    {
        var typo = Harness.Diagnostics(Stacks.Replace("[\"prod\"] = 3", "[\"prod\"] = 3, [\"stagign\"] = 2"));
        Assert.Contains(typo, d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("'stagign' is not one of this stack's environments (dev, prod)", StringComparison.Ordinal));

        var without = Harness.Diagnostics(Stacks.Replace(", Environments(\"dev\", \"prod\")", ""));
        Assert.Contains(without, d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("declare the stack's environments", StringComparison.Ordinal));
    }
}
