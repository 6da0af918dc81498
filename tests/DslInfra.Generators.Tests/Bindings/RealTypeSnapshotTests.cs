using DslInfra.Bindings.Emit;
using DslInfra.Bindings.Schema;
using Snapshooter.Xunit;

namespace DslInfra.Generators.Tests.Bindings;

/// <summary>The generated C# of a few real types, reviewed once and then held still: any change to the rules shows here.</summary>
public class RealTypeSnapshotTests
{
    private static string Generate(string provider, params string[] types) => string.Concat(BindingGenerator.Generate(
        ProviderSchemaFile.Read(Path.Combine(RepoPaths.Root, "src", "DslInfra.Providers", "schemas", provider + ".schema.json.gz")).Providers.Single(),
        new BindingOptions("Snapshot", types)).Select(f => f.Content));

    [Fact]
    public void Aws_vpc_and_the_ami_data_source() => Snapshot.Match(Generate("aws", "aws_vpc", "data.aws_ami"));

    [Fact]
    public void Aws_instance_replace_only() => Snapshot.Match(Generate("aws", "aws_instance"));

    [Fact]
    public void Kubernetes_namespace() => Snapshot.Match(Generate("kubernetes", "kubernetes_namespace_v1"));

    [Fact]
    public void Google_compute_network() => Snapshot.Match(Generate("google", "google_compute_network"));
}
