using BenchmarkDotNet.Attributes;
using DslInfra.Bindings.Emit;
using DslInfra.Bindings.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DslInfra.Benchmarks;

/// <summary>
/// Typed provider records: generating every record of a vendored provider (read the schema, write the C#), and what a
/// project costs the compiler when it references the whole aws package.
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
/// What referencing the whole aws package (DslInfra.Providers.Aws: 2,300 records, a 22 MB assembly) costs the compiler,
/// against an assembly of only the two records the stack uses (the least a per-service split could give): a stack of
/// 100 resources (50 VPC + subnet pairs) and an empty project, each bound and checked as a build does. Warm: the
/// package's metadata already loaded (the compiler server and the IDE keep it); cold: read from disk every time.
/// </summary>
[MemoryDiagnoser]
public class GeneratedRecordCompileBenchmarks
{
    private MetadataReference twoRecords = null!;

    [GlobalSetup]
    public void Setup()
    {
        var aws = ProviderSchemaFile.Read(Path.Combine(BindingBenchmarksRoot.Find(), "src", "DslInfra.Providers", "schemas", "aws.schema.json.gz")).Providers.Single();
        var records = BindingGenerator.Generate(aws, new BindingOptions("DslInfra.Aws", ["aws_vpc", "aws_subnet"])).Select(f => CSharpSyntaxTree.ParseText(f.Content));
        var package = CSharpCompilation.Create("TwoRecords", records, [.. Basic.Reference.Assemblies.Net80.References.All, DslReferences.Dsl],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        using var image = new MemoryStream();
        var emitted = package.Emit(image);
        if (!emitted.Success)
            throw new InvalidOperationException(string.Join("\n", emitted.Diagnostics));
        twoRecords = MetadataReference.CreateFromImage(image.ToArray());
        // A benchmark of a compile that fails measures nothing: every variant must compile cleanly.
        foreach (var compilation in new[] { Compile(Stack, twoRecords), Compile(Stack, DslReferences.AwsPackage), Compile(Empty, DslReferences.AwsPackage) })
            if (compilation.GetDiagnostics().FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error) is { } error)
                throw new InvalidOperationException(error.ToString());
    }

    private static readonly string Stack = StackOf100();
    private const string Empty = "using DslInfra;\nusing DslInfra.Aws;\npublic static class Nothing { }\n";

    private static string StackOf100()
    {
        var stack = new System.Text.StringBuilder("using DslInfra;\nusing DslInfra.Aws;\n[Stack(\"s\")] public static class S {\n");
        for (var i = 0; i < 50; i++)
        {
            stack.Append($"public static readonly AwsVpc Vpc{i} = new(\"v{i}\") {{ CidrBlock = \"10.{i}.0.0/16\", Tags = new() {{ [\"n\"] = \"v{i}\" }} }};\n");
            stack.Append($"public static readonly AwsSubnet Subnet{i} = new(\"s{i}\") {{ VpcId = Vpc{i}.Id, CidrBlock = \"10.{i}.1.0/24\" }};\n");
        }
        return stack.Append("}\n").ToString();
    }

    private static CSharpCompilation Compile(string source, MetadataReference records) =>
        CSharpCompilation.Create("Bench", [CSharpSyntaxTree.ParseText(source)], [.. Basic.Reference.Assemblies.Net80.References.All, DslReferences.Dsl, records],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    /// <summary>The 100-resource stack on an assembly of only the two records it uses.</summary>
    [Benchmark(Baseline = true)]
    public int StackOnTwoRecords() => Compile(Stack, twoRecords).GetDiagnostics().Length;

    /// <summary>The same stack on the whole aws package, its metadata already loaded (compiler server, IDE).</summary>
    [Benchmark]
    public int StackOnAwsPackageWarm() => Compile(Stack, DslReferences.AwsPackage).GetDiagnostics().Length;

    /// <summary>The same stack on the whole aws package read from disk (a first build, a fresh compiler process).</summary>
    [Benchmark]
    public int StackOnAwsPackageCold() => Compile(Stack, MetadataReference.CreateFromFile(typeof(DslInfra.Aws.AwsVpc).Assembly.Location)).GetDiagnostics().Length;

    /// <summary>A project with no stack that references the aws package (read from disk).</summary>
    [Benchmark]
    public int EmptyOnAwsPackageCold() => Compile(Empty, MetadataReference.CreateFromFile(typeof(DslInfra.Aws.AwsVpc).Assembly.Location)).GetDiagnostics().Length;
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
