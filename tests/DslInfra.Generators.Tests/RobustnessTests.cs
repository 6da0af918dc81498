using Microsoft.CodeAnalysis;

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

    [Fact]
    public void A_stack_with_errors_writes_no_artifacts()
    {
        var compilation = Harness.Compile(Harness.Usings + """[Stack("s")] public static class S { public static readonly AwsVpc Vpc = new("main") { CidrBlock = System.DateTime.Now.ToString() }; }""");
        Assert.Empty(Harness.Artifacts(compilation));
    }

    [Fact]
    public void Two_stacks_with_the_same_name_still_generate_distinct_sources()
    {
        var compilation = Harness.Compile(Harness.Usings + """
            [Stack("s")] public static class A { }
            [Stack("s")] public static class B { }
            """);
        var result = Harness.Driver().RunGenerators(compilation).GetRunResult();
        Assert.Equal(2, result.Results.Single().GeneratedSources.Length);
    }
}
