using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DslInfra.Generators.Tests;

/// <summary>
/// Members in any order: a local, variable or resource read above its declaration means what it means below it, and
/// C#'s nullable analysis of static initialization does not fail a build with warnings as errors for it.
/// </summary>
public class MemberOrderTests
{
    private const string Stack = """
        [Stack("s")]
        public static class S
        {
            public static readonly Local<string> Name = new("name") { Value = $"{Prefix}-vpc" };
            public static readonly AwsSubnet Sub = new("a")
            {
                VpcId = Later.Id, CidrBlock = "10.0.1.0/24", DependsOn = [Later],
                Tags = new() { ["name"] = Name, ["prefix"] = Prefix, ["env"] = Env, ["tier"] = Env == "prod" ? "a" : "b" },
            };
            public static readonly AwsVpc Later = new("later") { CidrBlock = "10.1.0.0/16" };
            public static readonly Local<string> Prefix = new("prefix") { Value = "acme" };
            public static readonly Variable<string> Env = new("env");
        }

        public static class NotAStack
        {
            public static readonly string Upper = Lower.ToUpperInvariant();
            public static readonly string Lower = "x";
        }
        """;

    [Fact]
    public async Task Reading_a_member_above_its_declaration_warns_only_outside_stacks()
    {
        var compilation = Harness.Compile(Harness.Usings + Stack);
        Assert.Contains(compilation.GetDiagnostics(), d => d.Id == "CS8602" && d.Location.SourceTree!.ToString().Substring(d.Location.SourceSpan.Start, 5) == "Later");
        var remaining = (await compilation.WithAnalyzers([new StackOrderSuppressor()]).GetAllDiagnosticsAsync())
            .Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        var nullable = remaining.Where(d => d.Id.StartsWith("CS86", StringComparison.Ordinal)).ToList();
        Assert.Single(nullable); // NotAStack.Lower, which C# really would read as null
        Assert.Equal("Lower", nullable[0].Location.SourceTree!.ToString().Substring(nullable[0].Location.SourceSpan.Start, 5));
    }

    [Fact]
    public void The_order_does_not_change_what_is_written()
    {
        var terraform = Harness.TerraformOf(Stack);
        Assert.Contains("\"name\": \"${local.name}\"", terraform);
        Assert.Contains("\"vpc_id\": \"${aws_vpc.later.id}\"", terraform);
        Assert.Contains("\"tier\": \"${(var.env == \\\"prod\\\") ? \\\"a\\\" : \\\"b\\\"}\"", terraform);
    }
}
