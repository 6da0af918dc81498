using System.Text.Json;
using System.Text.RegularExpressions;

namespace DslInfra.EndToEnd.Tests;

[Collection(SampleBuildCollection.Name)]
public sealed partial class WebServiceBuildTests(SampleBuild sample)
{
    private static readonly HashSet<string> TopLevelBlocks = ["//", "terraform", "provider", "variable", "locals", "data", "resource", "output", "module", "moved", "import", "check"];

    [Fact]
    public void Dotnet_build_writes_terraform_and_manifest()
    {
        Assert.True(sample.FirstBuild.ExitCode == 0, sample.FirstBuild.Output);
        Assert.NotNull(sample.TerraformJson);
        Assert.NotNull(sample.ManifestJson);
        Assert.Contains("DslInfra: 1 stack(s)", sample.FirstBuild.Output);
    }

    [Fact]
    public void Main_tf_json_has_the_shape_terraform_reads()
    {
        using var document = JsonDocument.Parse(sample.TerraformJson!);
        var root = document.RootElement;
        Assert.All(root.EnumerateObject(), block => Assert.Contains(block.Name, TopLevelBlocks));
        foreach (var mode in new[] { "resource", "data" })
        {
            foreach (var type in root.GetProperty(mode).EnumerateObject())
            {
                Assert.Matches("^[a-z][a-z0-9_]*$", type.Name);
                foreach (var resource in type.Value.EnumerateObject())
                {
                    Assert.Matches("^[A-Za-z_][A-Za-z0-9_-]*$", resource.Name);
                    Assert.Equal(JsonValueKind.Object, resource.Value.ValueKind);
                }
            }
        }
        Assert.Equal(JsonValueKind.Object, root.GetProperty("terraform").GetProperty("backend").GetProperty("s3").ValueKind);
    }

    [Fact]
    public void Every_reference_names_something_declared_in_the_same_file()
    {
        using var document = JsonDocument.Parse(sample.TerraformJson!);
        var root = document.RootElement;
        var declared = new HashSet<string>();
        foreach (var type in root.GetProperty("resource").EnumerateObject())
            foreach (var resource in type.Value.EnumerateObject())
                declared.Add($"{type.Name}.{resource.Name}");
        foreach (var type in root.GetProperty("data").EnumerateObject())
            foreach (var source in type.Value.EnumerateObject())
                declared.Add($"data.{type.Name}.{source.Name}");
        foreach (var variable in root.GetProperty("variable").EnumerateObject())
            declared.Add("var." + variable.Name);

        var references = Interpolations().Matches(sample.TerraformJson!)
            .SelectMany(m => Reference().Matches(m.Groups[1].Value))
            .Select(r => r.Groups[1].Value)
            .ToHashSet();
        Assert.NotEmpty(references);
        Assert.All(references, reference => Assert.Contains(reference, declared));
    }

    [Fact]
    public void Manifest_lists_every_resource_with_its_source_line()
    {
        using var terraform = JsonDocument.Parse(sample.TerraformJson!);
        using var manifest = JsonDocument.Parse(sample.ManifestJson!);
        var fromTerraform = terraform.RootElement.GetProperty("resource").EnumerateObject()
            .SelectMany(t => t.Value.EnumerateObject().Select(r => $"{t.Name}.{r.Name}"))
            .Concat(terraform.RootElement.GetProperty("data").EnumerateObject()
                .SelectMany(t => t.Value.EnumerateObject().Select(r => $"data.{t.Name}.{r.Name}")))
            .Order(StringComparer.Ordinal).ToList();
        var entries = manifest.RootElement.GetProperty("resources").EnumerateArray().ToList();
        Assert.Equal(fromTerraform, entries.Select(e => e.GetProperty("address").GetString()!).Order(StringComparer.Ordinal).ToList());

        var sourceLines = File.ReadAllLines(Path.Combine(sample.Root, "samples", "WebService", "WebStack.cs"));
        foreach (var entry in entries)
        {
            var source = entry.GetProperty("source");
            Assert.Equal("WebStack.cs", source.GetProperty("file").GetString());
            var line = sourceLines[source.GetProperty("line").GetInt32() - 1];
            var member = entry.GetProperty("member").GetString()!.Split('[')[0];
            Assert.Contains($" {member} =", line);
        }
    }

    [Fact]
    public void A_build_with_nothing_changed_rewrites_nothing()
    {
        Assert.True(sample.SecondBuild.ExitCode == 0, sample.SecondBuild.Output);
        Assert.NotEmpty(sample.FirstWriteTimes);
        Assert.Equal(sample.FirstWriteTimes, sample.SecondWriteTimes);
        Assert.Contains("0 written", sample.SecondBuild.Output);
    }

    [Fact]
    public void Dotnet_clean_removes_the_artifacts()
    {
        Assert.True(sample.Clean.ExitCode == 0, sample.Clean.Output);
        Assert.Empty(sample.FilesAfterClean);
    }

    [GeneratedRegex(@"\$\{([^}]*)\}")]
    private static partial Regex Interpolations();

    [GeneratedRegex(@"(?<![\w.])((?:data\.)?[a-z][a-z0-9]*_[a-z0-9_]+\.[A-Za-z_][A-Za-z0-9_-]*|var\.[A-Za-z_][A-Za-z0-9_-]*)")]
    private static partial Regex Reference();
}
