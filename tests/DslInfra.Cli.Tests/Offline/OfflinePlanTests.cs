using System.Text.Json.Nodes;

namespace DslInfra.Cli.Tests.Offline;

/// <summary>
/// `dslinfra plan` end to end: the real terraform on PATH (1.11.4 on every machine of this kind) plans each sample's
/// artifacts, as the solution build wrote them, against DslInfra's own offline provider server.
/// </summary>
public sealed class OfflinePlanTests
{
    [Theory]
    [InlineData("WebService", "web", 13)]
    [InlineData("ContainerService", "api", -1)]
    [InlineData("Estate", "estate", -1)]
    [InlineData("MultiCloud", "apps", -1)]
    [InlineData("Platform", "workloads", -1)]
    public void Every_sample_plans_offline_with_the_products_own_server(string sample, string someStack, int creates)
    {
        var infra = Infra(sample);
        var (exit, output, error) = Cli.Run("plan", infra, "--format", "json");
        Assert.True(exit == 0, $"exit {exit}\n{error}\n{output}");
        var stacks = JsonNode.Parse(output)!["stacks"]!.AsArray();
        Assert.Equal(Directory.GetDirectories(infra).Count(d => File.Exists(Path.Combine(d, "main.tf.json"))), stacks.Count);
        Assert.All(stacks, s => Assert.True((bool)s!["passed"]!, s!.ToJsonString()));
        var stack = stacks.Single(s => (string?)s!["stack"] == someStack)!;
        var changes = stack["review"]!["changes"]!.AsArray();
        Assert.NotEmpty(changes);
        if (creates >= 0)
            Assert.Equal(creates, changes.Count(c => (string?)c!["change"] == "create"));
        Assert.Contains(": terraform init, validate, plan", error); // progress, a stack at a time, on stderr
    }

    [Fact]
    public void Stacks_are_planned_after_the_stacks_they_read_and_read_their_planned_outputs()
    {
        var (exit, output, error) = Cli.Run("plan", Infra("Platform"), "--format", "json");
        Assert.True(exit == 0, error + output);
        var order = JsonNode.Parse(output)!["stacks"]!.AsArray().Select(s => (string)s!["stack"]!).ToList();
        Assert.True(order.IndexOf("cluster") < order.IndexOf("workloads"), string.Join(", ", order));
        Assert.True(error.IndexOf("cluster: planned", StringComparison.Ordinal) < error.IndexOf("workloads: terraform init", StringComparison.Ordinal));
    }

    [Fact]
    public void Against_an_image_change_the_launch_template_gets_a_new_version_and_the_group_rolls()
    {
        var before = Infra("WebService");
        using var temporary = new TemporaryFolder("dslinfra-plan-after-");
        var after = temporary.Path;
        CopyFolder(before, after);
        var main = Path.Combine(after, "web", "main.tf.json");
        var text = File.ReadAllText(main);
        var image = System.Text.RegularExpressions.Regex.Match(text, "web-[0-9a-f]{12}").Value;
        Assert.NotEmpty(image);
        File.WriteAllText(main, text.Replace(image, "web-0123456789ab")); // what a change to the image's files does

        var keep = Path.Combine(after, "scratch");
        var (exit, output, error) = Cli.Run("plan", after, "--against", before, "--format", "json", "--keep", keep);
        Assert.True(exit == 0, error + output);
        var changes = JsonNode.Parse(output)!["stacks"]![0]!["review"]!["changes"]!.AsArray();
        string? Action(string address) => (string?)changes.SingleOrDefault(c => (string?)c!["address"] == address)?["change"];
        Assert.Equal("update", Action("aws_launch_template.web"));
        Assert.Equal("update", Action("aws_autoscaling_group.web"));
        Assert.True(Action("aws_vpc.main") is null or "no-op", Action("aws_vpc.main")); // unchanged

        // Terraform's own plan: the template's image changes and its latest_version is a new one the group follows.
        var plan = JsonNode.Parse(File.ReadAllText(Path.Combine(keep, "after", "web", "plan.json")))!;
        var template = plan["resource_changes"]!.AsArray().Single(c => (string?)c!["address"] == "aws_launch_template.web")!["change"]!;
        Assert.NotEqual((string?)template["before"]!["image_id"], (string?)template["after"]!["image_id"]);
        Assert.True((bool?)template["after_unknown"]!["latest_version"] == true, template.ToJsonString());
    }

    [Fact]
    public void A_stack_that_does_not_validate_is_exit_2_with_the_diagnostic()
    {
        using var temporary = new TemporaryFolder("dslinfra-plan-bad-");
        var folder = temporary.Path;
        File.WriteAllText(Path.Combine(folder, "main.tf.json"),
            """{"terraform":{"required_providers":{"aws":{"source":"hashicorp/aws"}}},"resource":{"aws_vpc":{"main":{"cidr_blok":"10.0.0.0/16"}}}}""");
        File.WriteAllText(Path.Combine(folder, "manifest.json"),
            """{"format_version":"1","stack":"bad","resources":[{"address":"aws_vpc.main","type":"aws_vpc","update":"in-place","member":"Vpc","source":{"file":"BadStack.cs","line":12},"images":[]}]}""");
        var (exit, output, error) = Cli.Run("plan", folder);
        Assert.Equal(2, exit);
        Assert.Contains("BadStack.cs(12): error:", output); // at the C# that declared the block
        Assert.Contains("No argument or block type is named \"cidr_blok\"", output);
        Assert.Contains("[aws_vpc.main]", output);
        Assert.Contains("terraform validate reported errors", error);
    }

    [Theory]
    [InlineData("no-such-folder", "no such project or artifacts folder")]
    [InlineData("empty", "no stack artifacts here")]
    [InlineData("garbage", "not valid JSON")]
    public void Bad_input_is_exit_2_with_one_line(string kind, string expected)
    {
        using var temporary = new TemporaryFolder("dslinfra-plan-input-");
        var folder = temporary.Path;
        var path = kind switch
        {
            "no-such-folder" => Path.Combine(folder, "missing"),
            _ => folder,
        };
        if (kind == "garbage")
            File.WriteAllText(Path.Combine(folder, "main.tf.json"), "{ not json");
        var (exit, _, error) = Cli.Run("plan", path);
        Assert.Equal(2, exit);
        Assert.Contains(expected, error);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public void A_previous_build_that_is_not_artifacts_is_exit_2_with_one_line()
    {
        using var temporary = new TemporaryFolder("dslinfra-plan-before-");
        var folder = temporary.Path;
        Directory.CreateDirectory(Path.Combine(folder, "web"));
        File.WriteAllText(Path.Combine(folder, "web", "main.tf.json"), "\"truncated");
        var (exit, _, error) = Cli.Run("plan", Infra("WebService"), "--against", folder);
        Assert.Equal(2, exit);
        Assert.Contains("not valid JSON", error);
        Assert.Single(error.Trim().Split('\n'));
    }

    [Fact]
    public void The_report_is_the_same_for_the_same_plan()
    {
        var first = Cli.Run("plan", Infra("ContainerService"));
        var second = Cli.Run("plan", Infra("ContainerService"));
        Assert.Equal(0, first.Exit);
        Assert.Equal(first.Output, second.Output); // times and progress go to stderr only
    }

    [Fact]
    public void No_terraform_is_exit_2_with_one_line()
    {
        var (exit, _, error) = Cli.Run("plan", Infra("WebService"), "--terraform", "/nonexistent/terraform");
        Assert.Equal(2, exit);
        Assert.Contains("no such terraform executable", error);
        Assert.Single(error.Trim().Split('\n'));
    }

    /// <summary>A sample's artifacts as the solution build (the README's test command builds it first) wrote them.</summary>
    internal static string Infra(string sample)
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "DslInfra.sln")))
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("DslInfra.sln not found above the test's folder");
        var debug = Path.Combine(root, "samples", sample, "bin", "Debug");
        var infra = Directory.Exists(debug) ? Directory.GetDirectories(debug).Select(f => Path.Combine(f, "infra")).SingleOrDefault(Directory.Exists) : null;
        Assert.True(infra is not null, $"{debug}/<framework>/infra not found: build the solution first (the README's test command does)");
        return infra!;
    }

    private static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from))
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)));
        foreach (var directory in Directory.GetDirectories(from))
            CopyFolder(directory, Path.Combine(to, Path.GetFileName(directory)));
    }

    /// <summary>A folder of the test's own, deleted when the test ends.</summary>
    private sealed class TemporaryFolder(string prefix) : IDisposable
    {
        public string Path { get; } = Directory.CreateTempSubdirectory(prefix).FullName;

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}
