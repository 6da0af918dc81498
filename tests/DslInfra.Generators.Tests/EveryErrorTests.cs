namespace DslInfra.Generators.Tests;

/// <summary>Every mistake of a stack in one build: from the analyzer while typing, and from the generator alone (RunAnalyzers=false).</summary>
public class EveryErrorTests
{
    private const string ThreeMistakes = """
        [Stack("s")]
        public static class S
        {
            public static readonly AwsVpc Vpc = new("bad name") { CidrBlock = "10.0.0.0/16" };
            public static readonly AwsS3Bucket Logs = new("logs") { Bucket = $"logs-{System.Guid.NewGuid()}" };
            public static readonly AwsAutoscalingGroup Asg = new("web") { MaxSize = 3 };
        }
        """;

    [Fact]
    public void The_analyzer_reports_each_mistake_at_its_expression()
    {
        var ids = Harness.Diagnostics(ThreeMistakes).Select(d => d.Id).Order(StringComparer.Ordinal);
        Assert.Equal(["DI1001", "DI1003", "DI1006"], ids);
    }

    [Fact]
    public void The_generator_alone_fails_the_build_once_per_mistake_each_at_its_place()
    {
        var (artifacts, diagnostics) = Harness.Failing(Harness.Compile(Harness.Usings + ThreeMistakes));
        Assert.DoesNotContain("s/main.tf.json", artifacts.Keys);
        var failures = diagnostics.Where(d => d.Id == "DI1012").ToList();
        Assert.Equal(3, failures.Count);
        Assert.Equal(["DI1001", "DI1003", "DI1006"], failures.Select(f => f.GetMessage().Split(": ")[1]).Order(StringComparer.Ordinal));
        Assert.Equal(3, failures.Select(f => f.Location.GetLineSpan().StartLinePosition.Line).Distinct().Count());
    }
}
