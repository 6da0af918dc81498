using System.Collections.Immutable;
using System.Text;
using BenchmarkDotNet.Attributes;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DslInfra.Benchmarks;

/// <summary>
/// What DslInfra's analyzers add to compiling a 500-file project that calls cloud SDKs and declares
/// infrastructure: compile (bind and emit diagnostics) with and without the immutability analyzers.
/// Per-rule times come from Roslyn's analyzer telemetry: `dotnet run -c Release -- analyzers`.
/// </summary>
[MemoryDiagnoser]
public class AnalyzerBenchmarks
{
    public const int Files = 500;

    private CSharpCompilation compilation = null!;

    public static ImmutableArray<DiagnosticAnalyzer> Analyzers { get; } = typeof(DslInfra.Analyzers.Rules.MutableRecordAnalyzer).Assembly.GetTypes()
        .Where(t => t.GetCustomAttributes(typeof(DiagnosticAnalyzerAttribute), false).Length > 0)
        .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
        .ToImmutableArray();

    [GlobalSetup]
    public void Setup() => compilation = Project();

    [Benchmark(Baseline = true, Description = "compile without DslInfra analyzers")]
    public int Without() => Compile(compilation, [new NoAnalyzer()]);

    [Benchmark(Description = "compile with DslInfra analyzers")]
    public int With() => Compile(compilation, Analyzers);

    /// <summary>Binds everything and runs the analyzers, the way a build does; the baseline runs the same path with an analyzer that does nothing.</summary>
    public static int Compile(CSharpCompilation compilation, ImmutableArray<DiagnosticAnalyzer> analyzers) =>
        compilation.Clone().WithAnalyzers(analyzers).GetAllDiagnosticsAsync().GetAwaiter().GetResult().Length;

    public static CSharpCompilation Project()
    {
        var trees = Enumerable.Range(0, Files).Select(i => CSharpSyntaxTree.ParseText(File(i), new CSharpParseOptions(LanguageVersion.CSharp12), $"/bench/Ops{i}.cs"));
        MetadataReference[] references =
        [
            .. Net100.References.All,
            .. DslReferences.Both,
            MetadataReference.CreateFromFile(typeof(Amazon.EC2.IAmazonEC2).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(Amazon.Runtime.AmazonServiceException).Assembly.Location),
            MetadataReference.CreateFromFile(typeof(Renci.SshNet.SshClient).Assembly.Location),
        ];
        return CSharpCompilation.Create("Ops", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
    }

    /// <summary>One file of a realistic ops project: SDK calls (some in place), processes started several ways, and a small stack.</summary>
    private static string File(int i)
    {
        var text = new StringBuilder();
        text.Append("using System.Collections.Immutable;\nusing System.Diagnostics;\nusing Amazon.EC2;\nusing Amazon.EC2.Model;\nusing DslInfra;\nusing DslInfra.Aws;\n\n");
        text.Append($"public static class Ops{i}\n{{\n");
        text.Append("    public static async System.Threading.Tasks.Task<int> Run(IAmazonEC2 ec2)\n    {\n");
        text.Append("        var instances = await ec2.DescribeInstancesAsync(new DescribeInstancesRequest());\n");
        text.Append("        var count = 0;\n        foreach (var reservation in instances.Reservations) count += reservation.Instances.Count;\n");
        if (i % 10 == 0)
            text.Append("        await ec2.ModifyInstanceAttributeAsync(new ModifyInstanceAttributeRequest { InstanceId = \"i-1\", InstanceType = \"t3.large\" });\n");
        if (i % 25 == 0)
            text.Append("        Process.Start(\"ssh\", \"host uptime\");\n");
        // The shapes DI2003/DI2004 read beyond a direct call: start infos with argument lists, local file copies,
        // and a team's helper that forwards its command line (read at each call).
        if (i % 3 == 0)
            text.Append("        var build = new ProcessStartInfo { FileName = \"docker\", ArgumentList = { \"build\", \"-t\", \"web\", \".\" } };\n");
        if (i % 4 == 0)
            text.Append("        System.IO.File.Copy(\"report.csv\", $\"out/{count}.csv\", true);\n");
        if (i % 5 == 0)
            text.Append($"        Kubectl($\"scale deployment/web-{i} --replicas={{count}}\");\n        Kubectl(\"get pods\");\n");
        text.Append("        return count;\n    }\n\n");
        text.Append("    private static void Kubectl(string arguments) => Process.Start(new ProcessStartInfo(\"kubectl\", \"--context prod \" + arguments));\n}\n\n");
        text.Append($"public static class Stack{i}\n{{\n");
        text.Append($"    public static readonly AwsVpc Vpc = new(\"vpc_{i}\") {{ CidrBlock = \"10.0.0.0/16\", Tags = new() {{ [\"Name\"] = \"vpc-{i}\" }} }};\n");
        text.Append($"    public static readonly AwsInstance Box = new(\"box_{i}\") {{ Ami = \"ami-1\", InstanceType = \"t3.micro\", UserData = \"#!/bin/sh\\necho ok\\n\", Lifecycle = new() {{ IgnoreChanges = [\"tags\"] }} }};\n");
        text.Append("}\n");
        return text.ToString();
    }
}

/// <summary>Prints each analyzer's share of one compile: the compile with that analyzer alone, less the compile without (best of five).</summary>
public static class AnalyzerTelemetry
{
    public static void Print()
    {
        var compilation = AnalyzerBenchmarks.Project();
        // Warm every path first: tiered JIT makes whatever runs first look slow.
        AnalyzerBenchmarks.Compile(compilation, AnalyzerBenchmarks.Analyzers);
        foreach (var analyzer in AnalyzerBenchmarks.Analyzers)
            AnalyzerBenchmarks.Compile(compilation, [analyzer]);
        for (var i = 0; i < 5; i++)
            AnalyzerBenchmarks.Compile(compilation, [new NoAnalyzer()]);
        var baseline = Best(() => AnalyzerBenchmarks.Compile(compilation, [new NoAnalyzer()]));
        var all = Best(() => AnalyzerBenchmarks.Compile(compilation, AnalyzerBenchmarks.Analyzers));
        Console.WriteLine($"compile (bind, all diagnostics) of {AnalyzerBenchmarks.Files} files: {baseline:F0} ms; with every DslInfra analyzer: {all:F0} ms (+{(all - baseline) / baseline:P1})");
        foreach (var analyzer in AnalyzerBenchmarks.Analyzers)
        {
            var one = Best(() => AnalyzerBenchmarks.Compile(compilation, [analyzer]));
            Console.WriteLine($"  {analyzer.GetType().Name,-36} +{one - baseline,7:F1} ms  {(one - baseline) / baseline,7:P2} of the compile");
        }
    }

    private static double Best(Func<int> compile)
    {
        compile(); // warm up
        var best = double.MaxValue;
        for (var i = 0; i < 7; i++)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            compile();
            best = Math.Min(best, watch.Elapsed.TotalMilliseconds);
        }
        return best;
    }
}

/// <summary>The baseline: the compiler's analyzer driver with nothing to run.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
internal sealed class NoAnalyzer : DiagnosticAnalyzer
{
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => [];

    public override void Initialize(AnalysisContext context) => context.EnableConcurrentExecution();
}
