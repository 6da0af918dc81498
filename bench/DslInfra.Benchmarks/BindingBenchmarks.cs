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

/// <summary>The compiler's cost of 100 resources (50 VPC + subnet pairs) with generated records against hand-written ones.</summary>
[MemoryDiagnoser]
public class GeneratedRecordCompileBenchmarks
{
    private CSharpCompilation generated = null!;
    private CSharpCompilation handWritten = null!;

    [GlobalSetup]
    public void Setup()
    {
        var aws = ProviderSchemaFile.Read(Path.Combine(FindRootPath(), "src", "DslInfra.Providers", "schemas", "aws.schema.json.gz")).Providers.Single();
        var records = string.Concat(BindingGenerator.Generate(aws, new BindingOptions("Gen", ["aws_vpc", "aws_subnet"])).Select(f => f.Content));
        generated = Compile("using Gen;", records);
        handWritten = Compile("using DslInfra.Aws;", "");
    }

    private static CSharpCompilation Compile(string usings, string records)
    {
        var stack = new System.Text.StringBuilder("using DslInfra;\n" + usings + "\n[Stack(\"s\")] public static class S {\n");
        for (var i = 0; i < 50; i++)
        {
            stack.Append($"public static readonly AwsVpc Vpc{i} = new(\"v{i}\") {{ CidrBlock = \"10.{i}.0.0/16\", Tags = new() {{ [\"n\"] = \"v{i}\" }} }};\n");
            stack.Append($"public static readonly AwsSubnet Subnet{i} = new(\"s{i}\") {{ VpcId = Vpc{i}.Id, CidrBlock = \"10.{i}.1.0/24\" }};\n");
        }
        stack.Append("}\n");
        var trees = new List<SyntaxTree> { CSharpSyntaxTree.ParseText(stack.ToString()) };
        if (records.Length > 0)
            trees.Add(CSharpSyntaxTree.ParseText(records));
        return CSharpCompilation.Create("Bench", trees,
            [.. Basic.Reference.Assemblies.Net80.References.All, MetadataReference.CreateFromFile(typeof(StackAttribute).Assembly.Location)],
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
