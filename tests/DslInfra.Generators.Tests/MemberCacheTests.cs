using System.Collections.Immutable;
using System.Globalization;
using DslInfra.Generators.Evaluation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace DslInfra.Generators.Tests;

/// <summary>
/// Members kept across edits (MemberCache) give exactly what a fresh evaluation gives — artifacts, manifest lines and
/// diagnostics — while an edit in one member re-evaluates only what it changes. Edits are made as the IDE makes them:
/// the edited file re-parsed incrementally, every other tree and reference kept.
/// </summary>
[Collection(nameof(MemberCacheTests))] // the caches are process-wide: no other test may clear them in between
public class MemberCacheTests
{
    private const string Net = """
        public static class Net
        {
            public const string Prefix = "acme";
            public const int Base = 10;
        }
        """;

    /// <summary>A stack with what real members do: references, interpolation of constants from another file and of a variable, nested blocks, Repeat.For, an [InfraFunction].</summary>
    private static string Stack(int pairs)
    {
        var text = new System.Text.StringBuilder(Harness.Usings);
        text.Append("""
            [Stack("web")]
            public static class Web
            {
                public static readonly Variable<string> Env = new("env") { Default = "prod" };
                public static readonly AwsVpc Vpc = new("main") { CidrBlock = $"{Net.Base}.0.0.0/16", Tags = new() { ["Name"] = $"{Net.Prefix}-{Env}" } };
                public static readonly ImmutableArray<AwsSubnet> Subnets = Repeat.For(3, i => new AwsSubnet($"s{i}") { VpcId = Vpc.Id, CidrBlock = Cidr(i) });

            """);
        for (var i = 0; i < pairs; i++)
            text.Append(CultureInfo.InvariantCulture, $$"""
                    public static readonly AwsSecurityGroup Sg{{i}} = new("sg_{{i}}")
                    {
                        VpcId = Vpc.Id,
                        Ingress = [new() { FromPort = {{i}}, ToPort = {{i}}, Protocol = "tcp", CidrBlocks = ["10.0.0.0/8"] }],
                        Tags = new() { ["Name"] = $"{Net.Prefix}-sg-{{i}}" },
                    };
                    public static readonly AwsLaunchTemplate Lt{{i}} = new("lt_{{i}}") { NamePrefix = "app-{{i}}-", InstanceType = "t3.small", VpcSecurityGroupIds = [Sg{{i}}.Id] };

                """);
        text.Append("""
                [InfraFunction]
                public static string Cidr(int index) => $"10.0.{index * 16}.0/20";
            }
            """);
        return text.ToString();
    }

    private static Compilation Edit(Compilation compilation, int start, int length, string text)
    {
        var tree = compilation.SyntaxTrees.First();
        return compilation.ReplaceSyntaxTree(tree, tree.WithChangedText(tree.GetText().WithChanges(new TextChange(new TextSpan(start, length), text))));
    }

    private static Dictionary<string, string> Generate(ref GeneratorDriver driver, Compilation compilation)
    {
        driver = driver.RunGenerators(compilation);
        return Harness.ArtifactsOf(driver.GetRunResult());
    }

    /// <summary>
    /// As the IDE: StackAnalyzer evaluates with the members it kept; then the generator (here, as a build would) writes
    /// the artifacts of that very evaluation, which it finds in the stack cache.
    /// </summary>
    private static Dictionary<string, string> Keystroke(ref GeneratorDriver driver, Compilation compilation, out List<string> diagnostics)
    {
        diagnostics = Analyze(compilation);
        return Generate(ref driver, compilation);
    }

    private static List<string> Analyze(Compilation compilation) =>
        compilation.WithAnalyzers([new StackAnalyzer()]).GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult()
            .Select(d => $"{d.Id} {d.Location.GetLineSpan()} {d.GetMessage(CultureInfo.InvariantCulture)}").Order(StringComparer.Ordinal).ToList();

    /// <summary>What a build with no cache writes and reports for this compilation.</summary>
    private static (Dictionary<string, string> Artifacts, List<string> Diagnostics) Fresh(Compilation compilation)
    {
        StackCache.Clear();
        MemberCache.Clear();
        GeneratorDriver driver = Harness.Driver();
        var artifacts = Generate(ref driver, compilation);
        StackCache.Clear();
        MemberCache.Clear();
        return (artifacts, Analyze(compilation));
    }

    private static void AssertSame((Dictionary<string, string> Artifacts, List<string> Diagnostics) expected, Dictionary<string, string> artifacts, List<string> diagnostics, string after)
    {
        Assert.True(expected.Artifacts.Keys.Order().SequenceEqual(artifacts.Keys.Order()), $"after {after}: other files were written");
        foreach (var (path, text) in expected.Artifacts)
            Assert.True(text == artifacts[path], $"after {after}: {path} differs from a fresh build's");
        Assert.Equal(expected.Diagnostics, diagnostics);
    }

    /// <summary>A compilation of the stack with <paramref name="pairs"/> pairs and a driver that has run on it, from empty caches.</summary>
    private static Compilation Warm(int pairs, out GeneratorDriver driver)
    {
        StackCache.Clear();
        MemberCache.Clear();
        var compilation = Harness.Compile(Stack(pairs), Harness.Usings + Net);
        driver = Harness.Driver();
        Keystroke(ref driver, compilation, out _);
        return compilation;
    }

    private static int EvaluatedDuring(Action action)
    {
        var before = MemberCache.Evaluated;
        action();
        return MemberCache.Evaluated - before;
    }

    [Fact]
    public void One_literal_edit_evaluates_one_member_and_writes_what_a_fresh_build_writes()
    {
        var compilation = Warm(40, out var driver);

        var at = compilation.SyntaxTrees.First().ToString().IndexOf("\"app-20-\"", StringComparison.Ordinal) + 5;
        var edited = Edit(compilation, at, 2, "77");
        Dictionary<string, string> artifacts = [];
        List<string> diagnostics = [];
        Assert.Equal(1, EvaluatedDuring(() => artifacts = Keystroke(ref driver, edited, out diagnostics)));
        Assert.Contains("app-77-", artifacts["web/main.tf.json"]);
        AssertSame(Fresh(edited), artifacts, diagnostics, "a one-literal edit");
    }

    [Fact]
    public void An_edit_of_a_member_others_read_only_by_address_evaluates_that_member_alone()
    {
        var compilation = Warm(20, out var driver);
        var text = compilation.SyntaxTrees.First().ToString();
        // The VPC's tag: every group reads Vpc.Id, which depends on the VPC's address only.
        var edited = Edit(compilation, text.IndexOf("{Net.Prefix}-{Env}", StringComparison.Ordinal), 0, "x-");
        Dictionary<string, string> artifacts = [];
        List<string> diagnostics = [];
        Assert.Equal(1, EvaluatedDuring(() => artifacts = Keystroke(ref driver, edited, out diagnostics)));
        Assert.Contains("x-acme-${var.env}", artifacts["web/main.tf.json"]);
        AssertSame(Fresh(edited), artifacts, diagnostics, "an edit of a member others read by address");
    }

    [Fact]
    public void Kept_positions_follow_characters_and_lines_added_above()
    {
        var compilation = Warm(20, out var driver);
        var text = compilation.SyntaxTrees.First().ToString();

        // Longer text in an early member: every later member moves along its line.
        var longer = Edit(compilation, text.IndexOf("\"app-0-\"", StringComparison.Ordinal) + 1, 0, "longer-");
        Dictionary<string, string> artifacts = [];
        List<string> diagnostics = [];
        Assert.Equal(1, EvaluatedDuring(() => artifacts = Keystroke(ref driver, longer, out diagnostics)));
        AssertSame(Fresh(longer), artifacts, diagnostics, "longer text in one member");

        // Two comment lines above every member: all move down; none is evaluated again, and the manifest's lines follow.
        var lines = Edit(longer, longer.SyntaxTrees.First().ToString().IndexOf("    public static readonly Variable", StringComparison.Ordinal), 0, "    // one\n    // two\n");
        Assert.Equal(0, EvaluatedDuring(() => artifacts = Keystroke(ref driver, lines, out diagnostics)));
        AssertSame(Fresh(lines), artifacts, diagnostics, "lines added above");
    }

    [Fact]
    public void A_changed_member_re_evaluates_the_members_that_read_it()
    {
        var compilation = Warm(10, out var driver);
        var text = compilation.SyntaxTrees.First().ToString();

        // The VPC's name is in every reference to it: every member that reads Vpc.Id changes.
        var renamed = Edit(compilation, text.IndexOf("new(\"main\")", StringComparison.Ordinal) + 5, 4, "core");
        Dictionary<string, string> artifacts = [];
        List<string> diagnostics = [];
        var evaluated = EvaluatedDuring(() => artifacts = Keystroke(ref driver, renamed, out diagnostics));
        // The VPC, the subnets and the ten security groups that read its id; the templates read only the groups' ids,
        // and the groups' addresses did not change: they are kept.
        Assert.Equal(1 + 1 + 10, evaluated);
        Assert.Contains("${aws_vpc.core.id}", artifacts["web/main.tf.json"]);
        AssertSame(Fresh(renamed), artifacts, diagnostics, "renaming a member others read");
    }

    [Fact]
    public void A_constant_in_another_file_is_an_input()
    {
        var compilation = Warm(5, out var driver);

        var net = compilation.SyntaxTrees.ElementAt(1);
        var changed = compilation.ReplaceSyntaxTree(net, net.WithChangedText(net.GetText().Replace(net.ToString().IndexOf("acme", StringComparison.Ordinal), 4, "beta")));
        var artifacts = Keystroke(ref driver, changed, out var diagnostics);
        Assert.Contains("beta-sg-3", artifacts["web/main.tf.json"]);
        AssertSame(Fresh(changed), artifacts, diagnostics, "a constant changed in another file");
    }

    [Fact]
    public void A_member_with_a_diagnostic_is_evaluated_and_reported_every_time()
    {
        StackCache.Clear();
        MemberCache.Clear();
        var source = Stack(5).Replace("NamePrefix = \"app-3-\"", "NamePrefix = $\"app-{System.DateTime.Now.Ticks}-\"");
        var compilation = Harness.Compile(source, Harness.Usings + Net);
        Assert.Contains(Analyze(compilation), d => d.StartsWith("DI1001", StringComparison.Ordinal));

        var edited = Edit(compilation, compilation.SyntaxTrees.First().ToString().IndexOf("\"app-1-\"", StringComparison.Ordinal) + 5, 1, "9");
        var evaluated = 0;
        List<string> diagnostics = [];
        evaluated = EvaluatedDuring(() => diagnostics = Analyze(edited));
        Assert.Equal(2, evaluated); // the edited member and the one that reported
        Assert.Contains(diagnostics, d => d.StartsWith("DI1001", StringComparison.Ordinal));
        GeneratorDriver driver = Harness.Driver();
        AssertSame(Fresh(edited), Generate(ref driver, edited), diagnostics, "an edit beside a member with an error");
    }

    [Fact]
    public void Random_edits_give_what_a_fresh_evaluation_gives()
    {
        var random = new Random(2026);
        var compilation = Warm(12, out var driver);
        string[] insertions = ["1", "x", "\"", "{", "}", ";", "\n", " ", "_", ",", "$", "(", "// c\n", "Vpc.Id", "Sg1"];
        for (var step = 0; step < 60; step++)
        {
            var text = compilation.SyntaxTrees.First().ToString();
            var body = text.IndexOf("public static class Web", StringComparison.Ordinal);
            var at = random.Next(body, text.Length - 1);
            var delete = random.Next(3) == 0 ? Math.Min(random.Next(1, 4), text.Length - at) : 0;
            var insert = delete > 0 && random.Next(2) == 0 ? "" : insertions[random.Next(insertions.Length)];
            compilation = Edit(compilation, at, delete, insert);
            var artifacts = Keystroke(ref driver, compilation, out var diagnostics);
            var description = $"edit {step}: {delete} deleted and '{insert.Replace("\n", "\\n")}' inserted at {at}";
            var fresh = Fresh(compilation);
            AssertSame(fresh, artifacts, diagnostics, description);
            // Fresh cleared the caches: warm them again on this compilation, as the IDE would have them.
            driver = Harness.Driver();
            Keystroke(ref driver, compilation, out _);
        }
    }
}

/// <summary>The caches and their counters are process-wide: these tests run alone, after the parallel ones.</summary>
[CollectionDefinition(nameof(MemberCacheTests), DisableParallelization = true)]
public sealed class MemberCacheCollection
{
}
