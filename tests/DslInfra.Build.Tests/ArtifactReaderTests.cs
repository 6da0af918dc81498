using Basic.Reference.Assemblies;
using DslInfra.Build;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DslInfra.Build.Tests;

public sealed class ArtifactReaderTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("dslinfra-reader-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string Build(string source)
    {
        var compilation = CSharpCompilation.Create(
            "Built",
            [CSharpSyntaxTree.ParseText(source)],
            [.. Net80.References.All, MetadataReference.CreateFromFile(typeof(StackArtifactAttribute).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var path = Path.Combine(directory, "Built.dll");
        var result = compilation.Emit(path);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return path;
    }

    [Fact]
    public void Reads_every_artifact_attribute_with_its_exact_text()
    {
        var path = Build("""
            [assembly: DslInfra.StackArtifact("web", "main.tf.json", "{\n  \"é\": \"🚀 ${x}\"\n}\n")]
            [assembly: DslInfra.StackArtifact("web", "manifest.json", "")]
            [assembly: System.Reflection.AssemblyTitle("not an artifact")]
            """);
        var artifacts = ArtifactReader.Read(path);
        Assert.Equal(2, artifacts.Count);
        Assert.Equal(new StackArtifact("web", "main.tf.json", "{\n  \"é\": \"🚀 ${x}\"\n}\n"), artifacts[0]);
        Assert.Equal("", artifacts[1].Content);
    }

    [Fact]
    public void An_assembly_without_stacks_has_no_artifacts() =>
        Assert.Empty(ArtifactReader.Read(Build("public class C { }")));

    [Fact]
    public void A_file_that_is_not_an_assembly_is_a_clear_error()
    {
        var path = Path.Combine(directory, "junk.dll");
        File.WriteAllText(path, "not a PE file");
        Assert.Throws<BadImageFormatException>(() => ArtifactReader.Read(path));
    }
}
