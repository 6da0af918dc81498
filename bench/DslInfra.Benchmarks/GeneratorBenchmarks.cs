using BenchmarkDotNet.Attributes;
using DslInfra.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Text;

namespace DslInfra.Benchmarks;

/// <summary>
/// The generator's full run (a fresh compilation and empty stack and member caches, as in a command-line build:
/// everything bound and evaluated) and its incremental run after a one-literal edit (the edited file
/// re-parsed incrementally into a new tree, the others kept, as the IDE sees a keystroke).
/// </summary>
[MemoryDiagnoser]
public class GeneratorBenchmarks
{
    private CSharpCompilation compilation = null!;
    private GeneratorDriver warmDriver = null!;
    private Compilation current = null!;
    private int literal;

    [Params(100, 1_000, 10_000)]
    public int Resources { get; set; }

    /// <summary>Stacks of 100 resources each, or one stack of all of them.</summary>
    [Params("stacks of 100", "one stack")]
    public string Shape { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        compilation = Shape == "one stack" ? SyntheticStacks.SingleStack(Resources) : SyntheticStacks.Compilation(Resources);
        literal = compilation.SyntaxTrees.First().ToString().IndexOf("\"10.0.0.0/16\"", StringComparison.Ordinal) + 4;
        warmDriver = NewDriver().RunGenerators(compilation);
        current = compilation;
    }

    private static GeneratorDriver NewDriver() => CSharpGeneratorDriver.Create(
        [new StackGenerator().AsSourceGenerator()],
        parseOptions: new CSharpParseOptions(LanguageVersion.CSharp12),
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None));

    [Benchmark(Description = "full run")]
    public GeneratorDriver Full()
    {
        DslInfra.Generators.Evaluation.StackCache.Clear();
        DslInfra.Generators.Evaluation.MemberCache.Clear();
        return NewDriver().RunGenerators(compilation.Clone());
    }

    [Benchmark(Description = "incremental run after a one-literal edit")]
    public GeneratorDriver Incremental()
    {
        // Flip one digit of the VPC's CIDR in stack 0: "10.0.0.0/16" <-> "10.1.0.0/16".
        var tree = current.SyntaxTrees.First();
        var text = tree.GetText();
        var digit = text[literal] == '0' ? "1" : "0";
        var edited = tree.WithChangedText(text.WithChanges(new TextChange(new TextSpan(literal, 1), digit)));
        current = current.ReplaceSyntaxTree(tree, edited);
        warmDriver = warmDriver.RunGenerators(current);
        return warmDriver;
    }
}
