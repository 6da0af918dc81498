using Snapshooter.Xunit;

namespace DslInfra.Generators.Tests;

public class SampleSnapshotTests
{
    private static readonly string SampleSource = File.ReadAllText(Path.Combine(RepoPaths.Root, "samples", "WebService", "WebStack.cs"));

    /// <summary>The sample's AdditionalFiles: what its image bakes in.</summary>
    public static readonly (string Path, string Text)[] SampleFiles =
        [("files/nginx.conf", File.ReadAllText(Path.Combine(RepoPaths.Root, "samples", "WebService", "files", "nginx.conf")))];

    [Fact]
    public void WebService_terraform()
    {
        var artifacts = Harness.Artifacts(Harness.Compile("global using System.Collections.Immutable;\n" + SampleSource), SampleFiles);
        Snapshot.Match(artifacts["web/main.tf.json"]);
        TerraformReferences.AssertAllDeclared(artifacts["web/main.tf.json"]);
    }

    [Fact]
    public void WebService_packer_template()
    {
        var artifacts = Harness.Artifacts(Harness.Compile("global using System.Collections.Immutable;\n" + SampleSource), SampleFiles);
        Snapshot.Match(artifacts["web/images/web.pkr.json"]);
        Assert.Equal(SampleFiles[0].Text.Replace("\r\n", "\n"), artifacts["web/images/files/nginx.conf"]);
    }
}
