using System.Diagnostics;
using DslInfra.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DslInfra.Benchmarks;

/// <summary>
/// `generate FILE TIMES`: the generator's full run on one stack file, TIMES times, each on a fresh compilation — a
/// process to attach dotnet-trace to (the benchmarks measure; this shows where the time goes).
/// </summary>
internal static class GenerateFile
{
    /// <summary>`compile FILE[,FILE…] TIMES [artifacts]`: the same files compiled and emitted with no generator, as the build's compile
    /// step; with `artifacts`, the compile again with the generator's output added (what carrying the artifacts costs).</summary>
    public static void Compile(string path, int times, bool withGenerator = false)
    {
        var texts = path.Split(',').Select(p => (Path: p, Text: File.ReadAllText(p))).ToList();
        for (var i = 0; i < times; i++)
        {
            var trees = texts.Select(t => CSharpSyntaxTree.ParseText(t.Text, new CSharpParseOptions(LanguageVersion.CSharp12), t.Path)).ToList();
            var clock = Stopwatch.StartNew();
            // bench/scale's plain-records baseline declares its own records: it compiles without the DSL's assemblies.
            var references = texts.Any(t => t.Path.EndsWith("PlainRecords.cs", StringComparison.Ordinal))
                ? [.. Basic.Reference.Assemblies.Net80.References.All] : SyntheticStacks.References;
            var compilation = CSharpCompilation.Create("Profile", trees, references,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            using var image = new MemoryStream();
            var result = compilation.Emit(image);
            var compiled = clock.ElapsedMilliseconds;
            // With the artifacts: the generator's output added, as the build compiles it (the generator's own time apart).
            var withArtifacts = "";
            if (withGenerator)
            {
                CSharpGeneratorDriver.Create([new StackGenerator().AsSourceGenerator()], parseOptions: (CSharpParseOptions)trees[0].Options)
                    .RunGeneratorsAndUpdateCompilation(compilation, out var output, out _);
                clock.Restart();
                using var imageWithArtifacts = new MemoryStream();
                output.Emit(imageWithArtifacts);
                withArtifacts = $", with the generated artifacts {clock.ElapsedMilliseconds} ms ({imageWithArtifacts.Length / 1024} KB vs {image.Length / 1024} KB)";
            }
            Console.WriteLine($"compile {i}: {compiled} ms{withArtifacts}, {(result.Success ? "ok" : result.Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error).ToString())}");
        }
    }

    public static void Run(string path, int times)
    {
        var text = File.ReadAllText(path);
        for (var i = 0; i < times; i++)
        {
            // Parsed afresh each time, as each build parses it: the generator's walk makes the tree's nodes.
            var tree = CSharpSyntaxTree.ParseText(text, new CSharpParseOptions(LanguageVersion.CSharp12), path);
            var clock = Stopwatch.StartNew();
            DslInfra.Generators.Evaluation.StackCache.Clear();
            DslInfra.Generators.Evaluation.MemberCache.Clear();
            var compilation = CSharpCompilation.Create("Profile", [tree], SyntheticStacks.References,
                new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
            var result = CSharpGeneratorDriver.Create([new StackGenerator().AsSourceGenerator()], parseOptions: (CSharpParseOptions)tree.Options)
                .RunGenerators(compilation).GetRunResult();
            Console.WriteLine($"run {i}: {clock.ElapsedMilliseconds} ms, {result.GeneratedTrees.Length} files, {result.Diagnostics.Length} diagnostics");
        }
    }
}
