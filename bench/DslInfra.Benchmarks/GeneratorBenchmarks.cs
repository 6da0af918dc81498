using BenchmarkDotNet.Attributes;
using DslInfra.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DslInfra.Benchmarks;

/// <summary>
/// The generator's full run (a fresh compilation: everything bound and evaluated) and its incremental
/// run after a one-literal edit (a new compilation with one tree replaced, as the IDE sees an edit).
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private CSharpCompilation compilation = null!;
    private GeneratorDriver warmDriver = null!;
    private SyntaxTree original = null!;
    private SyntaxTree edited = null!;
    private Compilation current = null!;
    private bool toggle;

    [Params(100, 1_000, 10_000)]
    public int Resources { get; set; }

    /// <summary>Stacks of 100 resources each, or one stack of all of them.</summary>
    [Params("stacks of 100", "one stack")]
    public string Shape { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        compilation = Shape == "one stack" ? SyntheticStacks.SingleStack(Resources) : SyntheticStacks.Compilation(Resources);
        original = compilation.SyntaxTrees.First();
        var size = Shape == "one stack" ? Resources : Math.Min(SyntheticStacks.ResourcesPerStack, Resources);
        edited = SyntheticStacks.Stack(0, size, variant: 1).WithFilePath(original.FilePath);
        warmDriver = NewDriver().RunGenerators(compilation);
        current = compilation;
    }

    private static GeneratorDriver NewDriver() => CSharpGeneratorDriver.Create(
        [new StackGenerator().AsSourceGenerator()],
        parseOptions: new CSharpParseOptions(LanguageVersion.CSharp12),
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None));

    [Benchmark(Description = "full run")]
    public GeneratorDriver Full() => NewDriver().RunGenerators(compilation.Clone());

    [Benchmark(Description = "incremental run after a one-literal edit")]
    public GeneratorDriver Incremental()
    {
        var (from, to) = toggle ? (edited, original) : (original, edited);
        toggle = !toggle;
        current = current.ReplaceSyntaxTree(current.SyntaxTrees.First(t => t.FilePath == from.FilePath), to);
        warmDriver = warmDriver.RunGenerators(current);
        return warmDriver;
    }
}
