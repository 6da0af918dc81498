using System.Collections;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DslInfra.Generators.Tests;

/// <summary>An edit regenerates only what it changes: the IDE runs the generator on every keystroke.</summary>
public class IncrementalTests
{
    private const string Web = """
        [Stack("web")]
        public static class Web
        {
            public static readonly AwsVpc Vpc = new("main") { CidrBlock = "10.0.0.0/16" };
        }
        """;

    private const string Data = """
        [Stack("data")]
        public static class Data
        {
            public static readonly AwsS3Bucket Logs = new("logs") { Bucket = "acme-logs" };
        }
        """;

    private const string Unrelated = """
        public static class Greeter { public static string Hello() => "hello"; }
        """;

    private static readonly string[] TrackedSteps = [StackGenerator.Steps.Stacks, StackGenerator.Steps.ProjectDirectory, StackGenerator.Steps.Files, StackGenerator.Steps.ImageEpoch, StackGenerator.Steps.Artifacts];

    [Fact]
    public void Unrelated_edit_leaves_every_step_cached()
    {
        var compilation = Harness.Compile(Harness.Usings + Web, Harness.Usings + Data, Unrelated);
        var driver = Harness.Driver(trackSteps: true).RunGenerators(compilation);

        var edited = Replace(compilation, 2, Unrelated.Replace("hello", "hello, world"));
        var result = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var step in TrackedSteps)
        {
            Assert.True(result.TrackedSteps.ContainsKey(step), $"step {step} was not tracked");
            foreach (var run in result.TrackedSteps[step])
                foreach (var (_, reason) in run.Outputs)
                    Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"{step}: {reason}");
        }
        foreach (var (_, reason) in result.TrackedOutputSteps.SelectMany(s => s.Value).SelectMany(r => r.Outputs))
            Assert.Equal(IncrementalStepRunReason.Cached, reason);
    }

    [Fact]
    public void Editing_one_literal_changes_only_that_stack()
    {
        var compilation = Harness.Compile(Harness.Usings + Web, Harness.Usings + Data);
        var driver = Harness.Driver(trackSteps: true).RunGenerators(compilation);

        var edited = Replace(compilation, 0, Harness.Usings + Web.Replace("10.0.0.0/16", "10.9.0.0/16"));
        driver = driver.RunGenerators(edited);
        var result = driver.GetRunResult().Results.Single();

        var artifacts = result.TrackedSteps[StackGenerator.Steps.Artifacts].SelectMany(r => r.Outputs).ToList();
        Assert.Equal(2, artifacts.Count);
        Assert.Single(artifacts, o => o.Reason == IncrementalStepRunReason.Modified && o.Value!.ToString()!.Contains("Stack = web"));
        Assert.Single(artifacts, o => o.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged && o.Value!.ToString()!.Contains("Stack = data"));
        Assert.Contains("10.9.0.0/16", Harness.ArtifactsOf(driver.GetRunResult())["web/main.tf.json"]);
    }

    [Fact]
    public void No_step_holds_symbols_syntax_or_compilations()
    {
        var compilation = Harness.Compile(Harness.Usings + Web, Harness.Usings + Data);
        var result = Harness.Driver(trackSteps: true).RunGenerators(compilation).GetRunResult().Results.Single();
        foreach (var step in TrackedSteps)
            foreach (var run in result.TrackedSteps[step])
                foreach (var (value, _) in run.Outputs)
                    AssertPlainData(value, step, new HashSet<object>(ReferenceEqualityComparer.Instance));
    }

    private static void AssertPlainData(object? value, string step, HashSet<object> seen)
    {
        if (value is null || value is string || value.GetType().IsPrimitive || value.GetType().IsEnum || !seen.Add(value))
            return;
        Assert.False(value is Compilation or ISymbol or SyntaxNode or SemanticModel or SyntaxTree or Location,
            $"step {step} holds a {value.GetType().Name}");
        if (value is IEnumerable items)
        {
            foreach (var item in items)
                AssertPlainData(item, step, seen);
            return;
        }
        if (value is ITuple tuple)
        {
            for (var i = 0; i < tuple.Length; i++)
                AssertPlainData(tuple[i], step, seen);
            return;
        }
        foreach (var property in value.GetType().GetProperties().Where(p => p.GetIndexParameters().Length == 0))
            AssertPlainData(property.GetValue(value), step, seen);
    }

    private static Compilation Replace(Compilation compilation, int index, string source)
    {
        var old = compilation.SyntaxTrees.ElementAt(index);
        return compilation.ReplaceSyntaxTree(old, CSharpSyntaxTree.ParseText(source, Harness.ParseOptions, old.FilePath));
    }
}

/// <summary>Across IDE edits, a stack whose inputs did not change is not evaluated again.</summary>
public class StackCacheTests
{
    private static int Evaluations(string stack) =>
        DslInfra.Generators.Evaluation.StackCache.Evaluations.TryGetValue("global::" + stack, out var count) ? count : 0;

    [Fact]
    public void An_edit_in_one_stack_evaluates_only_that_stack()
    {
        var compilation = Harness.Compile(
            Harness.Usings + """[Stack("a")] public static class CacheProbeA { public static readonly AwsVpc Vpc = new("main") { CidrBlock = "10.0.0.0/16" }; }""",
            Harness.Usings + """[Stack("b")] public static class CacheProbeB { public static readonly AwsVpc Vpc = new("main") { CidrBlock = "10.1.0.0/16" }; }""");
        var driver = Harness.Driver().RunGenerators(compilation);
        var (a, b) = (Evaluations("CacheProbeA"), Evaluations("CacheProbeB"));

        var tree = compilation.SyntaxTrees.First();
        var edited = compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(tree.GetText().Replace(tree.ToString().IndexOf("10.0.0.0", StringComparison.Ordinal), 8, "10.7.0.0")));
        driver = driver.RunGenerators(edited);

        Assert.Equal(a + 1, Evaluations("CacheProbeA"));
        Assert.Equal(b, Evaluations("CacheProbeB"));
        Assert.Contains("10.7.0.0/16", Harness.ArtifactsOf(driver.GetRunResult())["a/main.tf.json"]);
    }

    [Fact]
    public void A_const_in_another_file_is_an_input_of_the_stack()
    {
        var compilation = Harness.Compile(
            Harness.Usings + """[Stack("c")] public static class CacheProbeC { public static readonly AwsVpc Vpc = new("main") { CidrBlock = Net.Cidr }; }""",
            """public static class Net { public const string Cidr = "10.0.0.0/16"; }""");
        var driver = Harness.Driver().RunGenerators(compilation);

        var constants = compilation.SyntaxTrees.Last();
        var edited = compilation.ReplaceSyntaxTree(constants, constants.WithChangedText(Microsoft.CodeAnalysis.Text.SourceText.From("""public static class Net { public const string Cidr = "10.8.0.0/16"; }""")));
        driver = driver.RunGenerators(edited);

        Assert.Contains("10.8.0.0/16", Harness.ArtifactsOf(driver.GetRunResult())["c/main.tf.json"]);
    }

    [Fact]
    public void A_fresh_parse_as_in_a_build_never_reuses_an_entry()
    {
        const string source = """[Stack("d")] public static class CacheProbeD { public static readonly AwsVpc Vpc = new("main") { CidrBlock = "10.0.0.0/16" }; }""";
        Harness.Driver().RunGenerators(Harness.Compile(Harness.Usings + source));
        var before = Evaluations("CacheProbeD");
        Harness.Driver().RunGenerators(Harness.Compile(Harness.Usings + source));
        Assert.Equal(before + 1, Evaluations("CacheProbeD"));
    }
}
