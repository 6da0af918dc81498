using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Basic.Reference.Assemblies;
using DslInfra.Generators;
using DslInfra.Generators.Evaluation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace DslInfra.Benchmarks;

/// <summary>
/// What a keystroke costs in the IDE with one big stack (issue 13's target: generator + StackAnalyzer ≤ 50 ms at 2,000
/// resources): StackAnalyzer's evaluation after a one-literal edit with its caches warm, as the IDE has them; the
/// generator as the IDE runs it (its only output is an implementation output, which the IDE does not run, so nothing
/// upstream of it runs either); the same edit with the caches cleared (every member bound and evaluated again: the
/// cost before per-member reuse); and the generator as a build runs it.
/// The stack is bench/scale's (make_stacks.py: launch template and autoscaling group pairs), nullable enabled as
/// the dotnet new template has it.
/// </summary>
[MemoryDiagnoser]
public class ScaleEditBenchmarks
{
    private Compilation current = null!;
    private GeneratorDriver buildDriver = null!;
    private GeneratorDriver ideDriver = null!;
    private int literal;

    [Params(2_000)]
    public int Resources { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var source = ScaleStack.Source("dslinfra", "fields", Resources);
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.CSharp12), path: "/bench/Stack.cs");
        current = CSharpCompilation.Create("Scale", [tree], [.. Net80.References.All, .. DslReferences.Both],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        literal = source.IndexOf("eu-west-1a", StringComparison.Ordinal) + "eu-west-1".Length;
        buildDriver = Driver(IncrementalGeneratorOutputKind.None);
        // The IDE runs generators with implementation outputs disabled: they cannot change what the user's code means.
        ideDriver = Driver(IncrementalGeneratorOutputKind.Implementation);
        buildDriver = buildDriver.RunGenerators(current);
        ideDriver = ideDriver.RunGenerators(current);
        Analyze();
    }

    private static GeneratorDriver Driver(IncrementalGeneratorOutputKind disabled) =>
        CSharpGeneratorDriver.Create([new StackGenerator().AsSourceGenerator()], parseOptions: new CSharpParseOptions(LanguageVersion.CSharp12),
            driverOptions: new GeneratorDriverOptions(disabled));

    /// <summary>Flips the first group's first subnet literal, 'eu-west-1a' ↔ 'eu-west-1x', as an incremental re-parse.</summary>
    private void Edit()
    {
        var tree = current.SyntaxTrees.First();
        var text = tree.GetText();
        current = current.ReplaceSyntaxTree(tree, tree.WithChangedText(text.WithChanges(new TextChange(new TextSpan(literal, 1), text[literal] == 'a' ? "x" : "a"))));
    }

    /// <summary>StackAnalyzer's own work on the stack, as it does it: the evaluation with the compiler's semantic models.</summary>
    private int Analyze(bool keepMembers = true)
    {
        var stack = current.GetTypeByMetadataName("Scale.ScaleStack")!;
        var models = new Dictionary<SyntaxTree, SemanticModel>();
        var result = StackReader.ReadCached(stack, stack.GetAttributes()[0], current,
            tree => models.TryGetValue(tree, out var model) ? model : models[tree] = current.GetSemanticModel(tree), default, keepMembers);
        return result.Diagnostics.Count;
    }

    [Benchmark(Description = "IDE keystroke: StackAnalyzer after a one-literal edit (members kept)")]
    public int Keystroke()
    {
        Edit();
        return Analyze();
    }

    [Benchmark(Description = "IDE keystroke: the generator as the IDE runs it (implementation outputs off)")]
    public GeneratorDriver IdeGenerator()
    {
        Edit();
        return ideDriver = ideDriver.RunGenerators(current);
    }

    [Benchmark(Description = "the keystroke with every member evaluated again (caches cleared: before)")]
    public int Cleared()
    {
        StackCache.Clear();
        MemberCache.Clear();
        Edit();
        return Analyze();
    }

    [Benchmark(Description = "the same, every member evaluated, nothing kept (the generator's way: what keeping costs)")]
    public int ClearedWithoutKeeping()
    {
        StackCache.Clear();
        MemberCache.Clear();
        Edit();
        return Analyze(keepMembers: false);
    }

    [Benchmark(Description = "the generator as a build runs it after the edit (artifacts written)")]
    public GeneratorDriver BuildGenerator()
    {
        Edit();
        return buildDriver = buildDriver.RunGenerators(current);
    }
}

/// <summary>The scale benchmark's stack, from bench/scale/make_stacks.py, so both benchmarks measure one text.</summary>
internal static class ScaleStack
{
    public static string Source(string kind, string shape, int resources)
    {
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "DslInfra.sln")))
            root = root.Parent;
        if (root is null)
            throw new InvalidOperationException("DslInfra.sln not found above " + AppContext.BaseDirectory);
        var file = Path.Combine(Path.GetTempPath(), $"dslinfra-scale-{Guid.NewGuid():N}.cs");
        var start = new ProcessStartInfo("python3") { RedirectStandardError = true };
        foreach (var argument in new[] { Path.Combine(root.FullName, "bench", "scale", "make_stacks.py"), kind, shape, resources.ToString(System.Globalization.CultureInfo.InvariantCulture), file })
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 is needed to write the scale stack");
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
            throw new InvalidOperationException("make_stacks.py failed: " + error);
        try
        {
            return File.ReadAllText(file);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
