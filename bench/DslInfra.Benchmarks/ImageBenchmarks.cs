using System.Text;
using BenchmarkDotNet.Attributes;
using Basic.Reference.Assemblies;
using DslInfra.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DslInfra.Benchmarks;

/// <summary>The image emitters: a stack of 100 images (half AMIs baked by Packer, half containers), generated from scratch.</summary>
[MemoryDiagnoser]
public class ImageBenchmarks
{
    private CSharpCompilation compilation = null!;

    [Params(100)]
    public int Images { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var source = new StringBuilder("using DslInfra;\nusing DslInfra.Aws;\nusing DslInfra.Images;\n\n[Stack(\"images\")]\npublic static class Images\n{\n");
        for (var i = 0; i < Images; i++)
        {
            source.Append(i % 2 == 0
                ? $"    public static readonly AmazonEbsImage Ami{i} = new(\"ami_{i}\") {{ SourceAmi = \"ami-0123456789abcdef0\", InstanceType = \"t3.small\", SshUsername = \"ubuntu\", Provisioners = [new Shell {{ Inline = [\"sudo apt-get install -y nginx\", $\"echo {{{i}}} > /etc/build\"] }}, new FileUpload {{ Source = \"files/app.conf\", Destination = \"/tmp/app.conf\" }}] }};\n"
                    + $"    public static readonly AwsLaunchTemplate Lt{i} = new(\"lt_{i}\") {{ ImageId = Ami{i}.AmiId, InstanceType = \"t3.small\" }};\n"
                : $"    public static readonly ContainerImage Container{i} = new(\"container_{i}\") {{ BaseImage = \"nginx@sha256:4c0fdaa8b6341bfdeca5f18f7837462c80cff90527ee35ef185571e1c327beac\", Repository = \"registry.example.com/c{i}\", Packages = [\"curl\"], Files = [new() {{ Source = \"files/app.conf\", Destination = \"/etc/app.conf\" }}], Environment = new() {{ [\"N\"] = \"{i}\" }}, Command = [\"nginx\"] }};\n"
                    + $"    public static readonly Output Uri{i} = new(\"uri_{i}\") {{ Value = Container{i}.Uri }};\n");
        }
        source.Append("}\n");
        compilation = CSharpCompilation.Create("Images", [CSharpSyntaxTree.ParseText(source.ToString(), new CSharpParseOptions(LanguageVersion.CSharp12), "/bench/Images.cs")],
            [.. Net80.References.All, .. DslReferences.Both],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
    }

    [Benchmark(Description = "generate a stack of 100 images (Packer templates, Dockerfiles, hashes)")]
    public GeneratorDriver Generate()
    {
        DslInfra.Generators.Evaluation.StackCache.Clear();
        return CSharpGeneratorDriver.Create([new StackGenerator().AsSourceGenerator()], [new File("/bench/files/app.conf", "port=8080\n")])
            .RunGenerators(compilation.Clone());
    }

    private sealed class File(string path, string text) : AdditionalText
    {
        public override string Path => path;

        public override Microsoft.CodeAnalysis.Text.SourceText GetText(CancellationToken cancellationToken = default) => Microsoft.CodeAnalysis.Text.SourceText.From(text);
    }
}
