using BenchmarkDotNet.Attributes;
using DslInfra.Bindings.Emit;
using DslInfra.Bindings.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DslInfra.Benchmarks;

/// <summary>
/// Typed provider records: generating every record of a vendored provider (read the schema, write the C#), and what a
/// stack of 100 resources costs the compiler written with generated records against the hand-written ones (the records
/// themselves in the compilation as `dslinfra bindings` puts them, only the two types used).
/// </summary>
[MemoryDiagnoser]
public class BindingBenchmarks
{
    private static readonly string Schemas = Path.Combine(BindingBenchmarksRoot.Find(), "src", "DslInfra.Providers", "schemas");
    private ProviderSchema provider = null!;

    [Params("aws", "azurerm", "google", "kubernetes")]
    public string Provider { get; set; } = "";

    [GlobalSetup(Target = nameof(GenerateAll))]
    public void SetupGenerate() => provider = ProviderSchemaFile.Read(Path.Combine(Schemas, Provider + ".schema.json.gz")).Providers.Single();

    /// <summary>Every resource and data source record of the provider.</summary>
    [Benchmark]
    public int GenerateAll() => BindingGenerator.Generate(provider, new BindingOptions("Bench")).Sum(f => f.Content.Length);

    /// <summary>Reading and parsing the compressed schema.</summary>
    [Benchmark]
    public int ReadSchema() => ProviderSchemaFile.Read(Path.Combine(Schemas, Provider + ".schema.json.gz")).Providers.Single().Types.Count;
}

/// <summary>
/// The compiler's cost of a stack of 100 resources (50 VPC + subnet pairs) with generated records against hand-written
/// ones, both from a referenced assembly (as a package gives them), so only the stack's own code is compiled.
/// </summary>
[MemoryDiagnoser]
public class GeneratedRecordCompileBenchmarks
{
    private CSharpCompilation generated = null!;
    private CSharpCompilation handWritten = null!;

    [GlobalSetup]
    public void Setup()
    {
        var aws = ProviderSchemaFile.Read(Path.Combine(FindRootPath(), "src", "DslInfra.Providers", "schemas", "aws.schema.json.gz")).Providers.Single();
        var records = BindingGenerator.Generate(aws, new BindingOptions("Gen", ["aws_vpc", "aws_subnet"])).Select(f => CSharpSyntaxTree.ParseText(f.Content));
        var package = CSharpCompilation.Create("GenRecords", records, References(),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var emitted = package.Emit(image);
        if (!emitted.Success)
            throw new InvalidOperationException(string.Join("\n", emitted.Diagnostics));
        generated = Compile("using Gen;", MetadataReference.CreateFromImage(image.ToArray()));
        handWritten = Compile("using DslInfra.Aws;", null);
        // A benchmark of a compile that fails measures nothing: both stacks must compile cleanly.
        foreach (var compilation in new[] { generated, handWritten })
            if (compilation.GetDiagnostics().FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error) is { } error)
                throw new InvalidOperationException(error.ToString());
    }

    private static MetadataReference[] References() =>
        [.. Basic.Reference.Assemblies.Net80.References.All, MetadataReference.CreateFromFile(typeof(StackAttribute).Assembly.Location)];

    private static CSharpCompilation Compile(string usings, MetadataReference? records)
    {
        var stack = new System.Text.StringBuilder("using DslInfra;\n" + usings + "\n[Stack(\"s\")] public static class S {\n");
        for (var i = 0; i < 50; i++)
        {
            stack.Append($"public static readonly AwsVpc Vpc{i} = new(\"v{i}\") {{ CidrBlock = \"10.{i}.0.0/16\", Tags = new() {{ [\"n\"] = \"v{i}\" }} }};\n");
            stack.Append($"public static readonly AwsSubnet Subnet{i} = new(\"s{i}\") {{ VpcId = Vpc{i}.Id, CidrBlock = \"10.{i}.1.0/24\" }};\n");
        }
        stack.Append("}\n");
        return CSharpCompilation.Create("Bench", [CSharpSyntaxTree.ParseText(stack.ToString())],
            records is null ? References() : [.. References(), records],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    /// <summary>Binding and checking the whole compilation, as a build does, with the generated records in it.</summary>
    [Benchmark]
    public int Generated() => generated.Clone().GetDiagnostics().Length;

    /// <summary>The same with today's hand-written records, from DslInfra.dll.</summary>
    [Benchmark(Baseline = true)]
    public int HandWritten() => handWritten.Clone().GetDiagnostics().Length;

    private static string FindRootPath() => BindingBenchmarksRoot.Find();
}

internal static class BindingBenchmarksRoot
{
    public static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "DslInfra.sln")))
                return directory.FullName;
        throw new InvalidOperationException("DslInfra.sln not found");
    }
}
