using System.Diagnostics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DslInfra.Generators.Tests.Fuzz;

/// <summary>
/// Mutants of the samples, of the test inputs and of user templates through the generator and the analyzer: never an
/// exception into the compiler (CS8785, AD0001), never DI1000, never a hang past the per-case timeout, and the same
/// bytes on a second run. CI runs a fixed budget (DSLINFRA_FUZZ_CASES, default 600, and DSLINFRA_FUZZ_SEED); every
/// case that ever failed is kept in Fuzz/corpus and replayed first.
/// </summary>
public class GeneratorFuzzTests
{
    private static readonly TimeSpan PerCase = TimeSpan.FromSeconds(30);

    private const string GlobalUsings = """
        global using System;
        global using System.Linq;
        global using System.Collections.Generic;
        global using System.Collections.Immutable;
        global using DslInfra;
        global using DslInfra.Aws;
        global using DslInfra.Images;
        """;

    private static IEnumerable<string> Seeds()
    {
        foreach (var sample in new[] { "WebService", "ContainerService", "MutableLegacy", "Estate" })
            foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Root, "samples", sample), "*.cs"))
                yield return File.ReadAllText(file);
        foreach (var input in RobustnessTests.BrokenInputs())
            yield return input;
    }

    private static IEnumerable<string> Corpus() =>
        Directory.GetFiles(Path.Combine(RepoPaths.Root, "tests", "DslInfra.Generators.Tests", "Fuzz", "corpus"), "*.cs").Order(StringComparer.Ordinal).Select(File.ReadAllText);

    public static int Cases => int.TryParse(Environment.GetEnvironmentVariable("DSLINFRA_FUZZ_CASES"), out var n) ? n : 600;

    public static int Seed => int.TryParse(Environment.GetEnvironmentVariable("DSLINFRA_FUZZ_SEED"), out var n) ? n : 20261125;

    [Fact]
    public void Mutants_never_crash_hang_or_differ_between_runs()
    {
        var mutator = new SourceMutator(Seed);
        var seeds = Seeds().ToList();
        var failures = new List<string>();
        var counts = new Dictionary<string, int>();
        var cases = Corpus().Concat(Enumerable.Range(0, Cases).Select(i => mutator.Mutate(seeds[i % seeds.Count]))).ToList();
        var template = "# {{ stack }}\n{{~ for r in resources ~}}\n{{ r.address }}\n{{~ end ~}}\n";
        for (var i = 0; i < cases.Count; i++)
        {
            var templateText = i % 4 == 0 ? mutator.MutateTemplate(template) : template; // most cases keep a good template, so stacks get through to the emitters
            var (failure, category) = Check(cases[i], templateText);
            counts[category] = counts.GetValueOrDefault(category) + 1;
            if (failure is not null)
            {
                failures.Add(failure);
                var kept = Path.Combine(Path.GetTempPath(), $"dslinfra-fuzz-{Seed}-{i}.cs");
                File.WriteAllText(kept, cases[i]);
                failures.Add($"  (mutant kept at {kept}; template: {templateText.Replace("\n", "\\n")})");
            }
        }
        Console.WriteLine($"generator fuzz: {cases.Count} cases, seed {Seed}, {failures.Count / 2} failed; "
            + string.Join(", ", counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => $"{c.Key} {c.Value}")));
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    /// <summary>One case: what went wrong, or null; and what the generator made of it.</summary>
    internal static (string? Failure, string Category) Check(string source, string template)
    {
        using var timeout = new CancellationTokenSource(PerCase);
        var clock = Stopwatch.StartNew();
        try
        {
            var first = Run(source, template, timeout.Token, out var problem);
            if (problem is not null)
                return (problem, "failed");
            var second = Run(source, template, timeout.Token, out problem);
            if (problem is not null)
                return (problem, "failed");
            if (!first.SequenceEqual(second))
                return ("a second run gave different bytes", "failed");
            var category = first.Any(s => s.StartsWith("DslInfra.Stack.", StringComparison.Ordinal)) ? "synthesized"
                : first.Any(s => s.Contains("DI1012", StringComparison.Ordinal)) ? "refused (DI1012)"
                : "no stack";
            return (null, category);
        }
        catch (OperationCanceledException)
        {
            return ($"hang: still running after {PerCase.TotalSeconds} s", "failed");
        }
        finally
        {
            if (clock.Elapsed > PerCase)
                Console.WriteLine($"slow case: {clock.Elapsed}");
        }
    }

    private static List<string> Run(string source, string template, CancellationToken cancellation, out string? problem)
    {
        problem = null;
        // A fresh parse each time, as a command-line build does, so no cache entry is reused.
        var compilation = CSharpCompilation.Create("Fuzz",
            [CSharpSyntaxTree.ParseText(GlobalUsings, Harness.ParseOptions, path: Harness.ProjectDirectory + "Usings.cs", cancellationToken: cancellation),
             CSharpSyntaxTree.ParseText(source, Harness.ParseOptions, path: Harness.ProjectDirectory + "Stack.cs", cancellationToken: cancellation)],
            Harness.References, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        (string, string)[] files = [("templates/notes.txt.sbn", template), ("files/nginx.conf", "server {}\n")];
        var run = Harness.Driver(false, files).RunGenerators(compilation, cancellation).GetRunResult();
        if (run.Results.Any(r => r.Exception is not null))
            return Fail(out problem, "the generator threw: " + run.Results.First(r => r.Exception is not null).Exception);
        if (run.Diagnostics.FirstOrDefault(d => d.Id is "CS8785" or "DI1000") is { } crash)
            return Fail(out problem, "generator: " + crash);

        var analyzed = compilation.WithAnalyzers([new StackAnalyzer()],
            new Microsoft.CodeAnalysis.Diagnostics.AnalyzerOptions([.. files.Select(f => (AdditionalText)new Harness.ProjectFile(Harness.ProjectDirectory + f.Item1, f.Item2))]));
        var diagnostics = analyzed.GetAnalyzerDiagnosticsAsync(cancellation).GetAwaiter().GetResult();
        if (diagnostics.FirstOrDefault(d => d.Id is "AD0001" or "DI1000") is { } analyzerCrash)
            return Fail(out problem, "analyzer: " + analyzerCrash);
        return run.Results.SelectMany(r => r.GeneratedSources).Select(s => s.HintName + "\n" + s.SourceText).Concat(run.Diagnostics.Select(d => d.ToString())).ToList();
    }

    private static List<string> Fail(out string? problem, string what)
    {
        problem = what;
        return [];
    }
}
