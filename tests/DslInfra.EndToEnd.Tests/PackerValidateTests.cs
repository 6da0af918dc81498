using System.Text.Json.Nodes;

namespace DslInfra.EndToEnd.Tests;

/// <summary>
/// The sample's Packer template passes `packer validate` of a real Packer. Debian's packer is 1.6.6, which predates
/// `packer { required_plugins }`: that block is left out for it (newer Packer reads it as written).
/// </summary>
[Collection(SampleBuildCollection.Name)]
public sealed class PackerValidateTests(SampleBuild sample) : IDisposable
{
    private readonly string work = Directory.CreateTempSubdirectory("dslinfra-packer-").FullName;

    public void Dispose() => Directory.Delete(work, recursive: true);

    private (int ExitCode, string Output) Validate(Func<JsonObject, JsonObject> edit)
    {
        Assert.NotNull(sample.PackerTemplate);
        var template = JsonNode.Parse(sample.PackerTemplate!)!.AsObject();
        Assert.True(template.Remove("packer"), "the template pins its plugins in packer.required_plugins");
        Directory.CreateDirectory(Path.Combine(work, "files"));
        File.WriteAllText(Path.Combine(work, "files", "nginx.conf"), sample.UploadedConfig!);
        var path = Path.Combine(work, "web.pkr.json");
        File.WriteAllText(path, edit(template).ToJsonString());
        return Repo.Run("packer", $"validate \"{path}\"", work);
    }

    [Fact]
    public void The_generated_template_is_valid()
    {
        var (exit, output) = Validate(t => t);
        Assert.True(exit == 0, output);
    }

    [Fact]
    public void Packer_rejects_a_broken_template_so_the_check_means_something()
    {
        var (exit, _) = Validate(t =>
        {
            t["source"]!["amazon-ebs"]!["web"]!.AsObject().Remove("ssh_username");
            t["source"]!["amazon-ebs"]!["web"]!["no_such_setting"] = true;
            return t;
        });
        Assert.NotEqual(0, exit);
    }
}
