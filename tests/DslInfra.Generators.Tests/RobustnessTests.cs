using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DslInfra.Generators.Tests;

/// <summary>Whatever the user is in the middle of typing, the generator and analyzer never throw into the compiler.</summary>
public class RobustnessTests
{
    public static TheoryData<string> BrokenInputs() => new()
    {
        """[Stack("s")] public static class S { public static readonly AwsVpc Vpc = new("main") { CidrBlock = """,
        """[Stack("s")] public static class S { public static readonly AwsVpc Vpc = new( { CidrBlock = "x" }; }""",
        """[Stack("s")] public static class S { public static readonly AwsVpc Vpc = new("main") { Nope = 1 }; }""",
        """[Stack("s")] public static class S { public static readonly AwsVpc Vpc = Missing.Thing; }""",
        """[Stack] public static class S { }""",
        """[Stack(null)] public static class S { }""",
        """[Stack("s")] public static class S { public static readonly AwsVpc Vpc = new("main") { CidrBlock = $"{ }" }; }""",
        """[Stack("s")] public static class S { public static readonly AwsVpc Vpc = new("main") { CidrBlock $"{ }" = }; }""",
        """[Stack("s")] public static class S { public static readonly AwsVpc Vpc = new("main") { CidrBlock = "a" + $"{ }" = }; }""",
        """[Stack("s")] public static class S { public static readonly Output O = new("o") { Value = F(1) }; [InfraFunction] public static string F(int n) => $"{ }" = ; }""",
        """[Stack("s")] public static class S { public static readonly AwsVpc Vpc = new("main") { CidrBlock = 1 / 0 }; }""",
        """[Stack("s")] public static class S { public static readonly AwsVpc Vpc = new("main") { CidrBlock = $"{1 / (1 - 1)}" }; }""",
        """[Stack("s")] public static class S { public static readonly ImmutableArray<AwsVpc> Many = Repeat.For(100000, i => new AwsVpc($"v{i}")); }""",
        """[Stack("s")] public static class S { public static readonly AwsVpc Vpc = new("main") { CidrBlock = Vpc.CidrBlock }; }""",
        """[Stack("s")] public static class S { public static readonly Output O = new("o") { Value = double.NaN }; }""",
        """[Stack("s")] public static class S { public static readonly ImmutableArray<string> L = ["a"]; public static readonly Output O = new("o") { Value = L[5] }; }""",
        """[Stack("s")] public static partial class S { public static readonly AwsVpc Vpc = new("main") { CidrBlock = "10.0.0.0/16" }; } public static partial class S { public static readonly AwsSubnet Sub = new("a") { VpcId = Vpc.Id }; }""",
        """[Stack("s")] [Stack("t")] public static class S { }""",
        """[Stack("s")] public class S { public readonly AwsVpc Vpc = new("main"); public static readonly AwsSubnet Sub = new("a") { VpcId = new S().Vpc.Id }; }""",
    };

    [Theory]
    [MemberData(nameof(BrokenInputs))]
    public void Broken_input_gives_diagnostics_never_a_crash(string source)
    {
        var compilation = Harness.Compile(Harness.Usings + source);
        var run = Harness.Driver().RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        Assert.DoesNotContain(generatorDiagnostics, d => d.Id == "CS8785");
        Assert.Empty(run.GetRunResult().Results.Where(r => r.Exception is not null));

        var diagnostics = Harness.Diagnostics(source);
        Assert.DoesNotContain(diagnostics, d => d.Id is "AD0001" or "CS8785" or "DI1000");
    }

    private const string Clock = """[Stack("s")] public static class S { public static readonly AwsVpc Vpc = new("main") { CidrBlock = System.DateTime.Now.ToString() }; }""";

    [Fact]
    public void A_stack_with_errors_writes_no_artifacts_and_the_generator_itself_fails_the_build()
    {
        var result = Harness.Driver().RunGenerators(Harness.Compile(Harness.Usings + Clock)).GetRunResult();
        Assert.Empty(Harness.ArtifactsOf(result));
        var failure = Assert.Single(result.Diagnostics);
        Assert.Equal("DI1012", failure.Id);
        Assert.Equal(DiagnosticSeverity.Error, failure.Severity);
        Assert.Contains("DI1001: 'System.DateTime.Now' cannot be evaluated", failure.GetMessage());
        Assert.Equal("/src/app/Stack0.cs", failure.Location.GetLineSpan().Path); // at the expression, not nowhere
    }

    [Theory]
    [InlineData(ReportDiagnostic.Suppress)]
    [InlineData(ReportDiagnostic.Warn)]
    [InlineData(ReportDiagnostic.Info)]
    public async Task Severity_settings_cannot_turn_a_stack_error_into_a_green_build(ReportDiagnostic lowered)
    {
        // What `dotnet_diagnostic.DI1001.severity = none` in .editorconfig does; the real build's path is in the end-to-end tests.
        var compilation = Harness.Compile(Harness.Usings + Clock);
        compilation = compilation.WithOptions(compilation.Options.WithSpecificDiagnosticOptions(
            new Dictionary<string, ReportDiagnostic> { ["DI1001"] = lowered, ["DI1012"] = lowered }));
        var analyzer = await compilation.WithAnalyzers([new StackAnalyzer()]).GetAnalyzerDiagnosticsAsync();
        Assert.Contains(analyzer, d => d.Id == "DI1001" && d.Severity == DiagnosticSeverity.Error);
        Harness.Driver().RunGenerators(compilation).GetRunResult();
        Assert.All(Diagnostics.DiagnosticDescriptors.All.Where(d => d.DefaultSeverity == DiagnosticSeverity.Error),
            d => Assert.Contains(WellKnownDiagnosticTags.NotConfigurable, d.CustomTags));
    }

    [Fact]
    public void A_template_that_does_not_render_fails_the_build_without_the_analyzer()
    {
        var compilation = Harness.Compile(Harness.Usings + """[Stack("s")] public static class S { public static readonly AwsVpc Vpc = new("main") { CidrBlock = "10.0.0.0/16" }; }""");
        var result = Harness.Driver(false, ("notes.txt.sbn", "line one\n{{ nope }}")).RunGenerators(compilation).GetRunResult();
        Assert.Empty(Harness.ArtifactsOf(result));
        var failure = Assert.Single(result.Diagnostics);
        Assert.Equal("DI1012", failure.Id);
        Assert.Contains("DI1011", failure.GetMessage());
        Assert.EndsWith("notes.txt.sbn", failure.Location.GetLineSpan().Path);
    }

    [Fact]
    public void A_missing_upload_fails_the_build_without_the_analyzer()
    {
        var compilation = Harness.Compile(Harness.Usings + """
            [Stack("s")] public static class S
            {
                public static readonly AmazonEbsImage Web = new("web") { SourceAmi = "ami-1", InstanceType = "t3.small", Region = "eu-west-1", SshUsername = "u",
                    Provisioners = [new FileUpload { Source = "files/missing.conf", Destination = "/tmp/x" }] };
                public static readonly AwsLaunchTemplate Lt = new("web") { ImageId = Web.AmiId };
            }
            """);
        var result = Harness.Driver().RunGenerators(compilation).GetRunResult();
        Assert.Empty(Harness.ArtifactsOf(result));
        Assert.Contains(result.Diagnostics, d => d.Id == "DI1012" && d.GetMessage().Contains("files/missing.conf"));
    }

    [Fact]
    public void Every_successful_run_carries_the_marker_the_build_task_checks()
    {
        var result = Harness.Driver().RunGenerators(Harness.Compile(Harness.Usings + "public static class NoStacks { }")).GetRunResult();
        var marker = Assert.Single(result.Results.Single().GeneratedSources);
        Assert.Contains("AssemblyMetadata(\"DslInfra.Synthesized\", \"1\")", marker.SourceText.ToString());
    }

    [Fact]
    public void The_same_stack_class_declared_twice_never_throws()
    {
        var stack = """[Stack("s")] public static class S { public static readonly AwsVpc Vpc = new("main") { CidrBlock = "10.0.0.0/16" }; }""";
        var compilation = Harness.Compile(Harness.Usings + stack, Harness.Usings + stack);
        var run = Harness.Driver().RunGeneratorsAndUpdateCompilation(compilation, out _, out var diagnostics);
        Assert.DoesNotContain(diagnostics, d => d.Id is "CS8785" or "DI1000");
        Assert.All(run.GetRunResult().Results, r => Assert.Null(r.Exception));
    }

    [Fact]
    public void Two_stacks_with_the_same_name_write_nothing_and_fail_the_build()
    {
        var compilation = Harness.Compile(Harness.Usings + """
            [Stack("s")] public static class A { }
            [Stack("s")] public static class B { }
            """);
        var result = Harness.Driver().RunGenerators(compilation).GetRunResult();
        Assert.Empty(Harness.ArtifactsOf(result));
        Assert.Equal(2, result.Diagnostics.Count(d => d.Id == "DI1012" && d.GetMessage().Contains("DI1009")));
    }
}
