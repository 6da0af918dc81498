using Snapshooter.Xunit;

namespace DslInfra.Generators.Tests;

public class SampleSnapshotTests
{
    private static readonly string SampleSource = File.ReadAllText(Path.Combine(RepoPaths.Root, "samples", "WebService", "WebStack.cs"));

    [Fact]
    public void WebService_terraform()
    {
        var artifacts = Harness.Artifacts(Harness.Compile("global using System.Collections.Immutable;\n" + SampleSource));
        Snapshot.Match(artifacts["web/main.tf.json"]);
    }
}
