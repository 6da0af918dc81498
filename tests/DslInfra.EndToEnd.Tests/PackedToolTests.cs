namespace DslInfra.EndToEnd.Tests;

/// <summary>Packs dslinfra, installs it into a temporary tool path as a user would, and runs it on the sample's artifacts.</summary>
public sealed class PackedTool : IDisposable
{
    public PackedTool()
    {
        Work = Directory.CreateTempSubdirectory("dslinfra-tool-").FullName;
        var root = Repo.Root;
        var feed = Path.Combine(Work, "feed");
        Pack = Repo.Run("dotnet", $"pack \"{Path.Combine(root, "src", "DslInfra.Cli", "DslInfra.Cli.csproj")}\" -c Debug -o \"{feed}\" -p:Version=0.1.0-e2e -nologo", root);
        Install = Repo.Run("dotnet", $"tool install DslInfra.Cli --version 0.1.0-e2e --tool-path \"{Path.Combine(Work, "tools")}\" --add-source \"{feed}\"", Work);
        Executable = Path.Combine(Work, "tools", OperatingSystem.IsWindows() ? "dslinfra.exe" : "dslinfra");
    }

    public string Work { get; }
    public (int ExitCode, string Output) Pack { get; }
    public (int ExitCode, string Output) Install { get; }
    public string Executable { get; }

    public (int ExitCode, string Output) Run(string arguments) => Repo.Run(Executable, arguments, Work);

    public void Dispose() => Directory.Delete(Work, recursive: true);

}

[Collection(SampleBuildCollection.Name)]
public sealed class PackedToolTests(SampleBuild sample, PackedTool tool) : IClassFixture<PackedTool>
{
    private string Artifacts(string name, Func<string, string> edit)
    {
        var folder = Path.Combine(tool.Work, name, "web");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "main.tf.json"), edit(sample.TerraformJson!));
        File.WriteAllText(Path.Combine(folder, "manifest.json"), sample.ManifestJson!);
        return Path.GetDirectoryName(folder)!;
    }

    private string Plan(string changes)
    {
        var path = Path.Combine(tool.Work, $"plan-{Guid.NewGuid():N}.json");
        File.WriteAllText(path, """{"format_version":"1.2","terraform_version":"1.9.5","planned_values":{"root_module":{}},"resource_changes":[""" + changes + "]}");
        return path;
    }

    private static string Change(string address, params string[] actions)
    {
        var type = address.Split('.')[0];
        var list = string.Join(",", actions.Select(a => $"\"{a}\""));
        return "{\"address\":\"" + address + "\",\"mode\":\"managed\",\"type\":\"" + type + "\",\"name\":\"" + address.Split('.')[1]
            + "\",\"change\":{\"actions\":[" + list + "],\"before\":{},\"after\":{}}}";
    }

    [Fact]
    public void The_tool_packs_and_installs()
    {
        Assert.True(tool.Pack.ExitCode == 0, tool.Pack.Output);
        Assert.True(tool.Install.ExitCode == 0, tool.Install.Output);
        Assert.True(File.Exists(tool.Executable));
    }

    [Fact]
    public void Review_with_the_samples_manifest_passes_an_in_place_update_of_an_updatable_resource()
    {
        var manifest = Artifacts("review", text => text);
        var (exit, output) = tool.Run($"review \"{Plan(Change("aws_autoscaling_group.web", "update"))}\" --manifest \"{manifest}\"");
        Assert.True(exit == 0, output);
        Assert.Contains("declared at WebStack.cs:", output);
    }

    [Fact]
    public void Review_fails_a_destroy_before_create_of_the_load_balancer_and_names_its_source_line()
    {
        var manifest = Artifacts("review-lb", text => text);
        var (exit, output) = tool.Run($"review \"{Plan(Change("aws_lb.web", "delete", "create"))}\" --manifest \"{manifest}\"");
        Assert.Equal(1, exit);
        Assert.Contains("FAIL    aws_lb.web", output);
        Assert.Contains("WebStack.cs:", output);
    }

    [Fact]
    public void Review_without_a_manifest_fails_any_in_place_update() =>
        Assert.Equal(1, tool.Run($"review \"{Plan(Change("aws_autoscaling_group.web", "update"))}\"").ExitCode);

    [Fact]
    public void Review_of_a_truncated_plan_exits_2()
    {
        var path = Path.Combine(tool.Work, "truncated.json");
        File.WriteAllText(path, """{"format_version":"1.2","resource_changes":[{"address":""");
        var (exit, output) = tool.Run($"review \"{path}\"");
        Assert.Equal(2, exit);
        Assert.Contains("truncated.json", output);
    }

    [Fact]
    public void Diff_of_the_samples_artifacts_reports_a_replaced_subnet()
    {
        var before = Artifacts("before", text => text);
        var after = Artifacts("after", text => text.Replace("\"cidr_block\": \"10.20.0.0/20\"", "\"cidr_block\": \"10.20.64.0/20\""));
        var (exit, output) = tool.Run($"diff \"{before}\" \"{after}\"");
        Assert.True(exit == 0, output);
        Assert.Contains("aws_subnet.public_0 replaced (changed: cidr_block; cidr_block changed, which forces replacement)", output);
    }

    [Fact]
    public void Synth_builds_the_sample_and_summarizes_its_stack()
    {
        var project = Path.Combine(Repo.Root, "samples", "WebService", "WebService.csproj");
        var (exit, output) = tool.Run($"synth \"{project}\"");
        Assert.True(exit == 0, output);
        Assert.Contains("Artifacts: ", output);
        Assert.Contains("web: 13 resources that may update in place, 0 replace-only, 1 data sources, 2 variables, 3 outputs", output);
    }

    [Fact]
    public void Synth_of_a_missing_project_exits_2() =>
        Assert.Equal(2, tool.Run($"synth \"{Path.Combine(tool.Work, "nope.csproj")}\"").ExitCode);
}
