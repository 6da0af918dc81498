using System.Text.Json;
using Snapshooter.Xunit;

namespace DslInfra.Generators.Tests;

/// <summary>What a user string becomes in Terraform JSON: JSON-escaped always, template-escaped where Terraform reads templates.</summary>
public class EscapingTests
{
    private static JsonElement Tags(string tagExpressions)
    {
        var json = Harness.TerraformOf($$"""
            [Stack("s")]
            public static class S
            {
                public static readonly AwsVpc Vpc = new("main") { CidrBlock = "10.0.0.0/16", Tags = new() { {{tagExpressions}} } };
            }
            """);
        return JsonDocument.Parse(json).RootElement.GetProperty("resource").GetProperty("aws_vpc").GetProperty("main").GetProperty("tags");
    }

    [Theory]
    [InlineData("\"${not_a_ref}\"", "$${not_a_ref}")]
    [InlineData("\"%{ if x }y%{ endif }\"", "%%{ if x }y%%{ endif }")]
    [InlineData("\"$${already}\"", "$$${already}")]
    [InlineData("\"cost: $5 {braces} %d\"", "cost: $5 {braces} %d")]
    [InlineData("\"say \\\"hi\\\" C:\\\\temp\"", "say \"hi\" C:\\temp")]
    [InlineData("\"line1\\nline2\\ttab\\u0001\\u001f\"", "line1\nline2\ttab\u0001\u001f")]
    [InlineData("\"emoji 🚀 ünïcødé 日本\"", "emoji 🚀 ünïcødé 日本")]
    public void Tag_values_round_trip(string csharpLiteral, string expected)
    {
        Assert.Equal(expected, Tags($"[\"k\"] = {csharpLiteral}").GetProperty("k").GetString());
    }

    [Fact]
    public void Keys_are_template_escaped_too() =>
        Assert.True(Tags("[\"${k}\"] = \"v\"").TryGetProperty("$${k}", out _));

    [Fact]
    public void Interpolated_reference_is_not_escaped_but_its_literal_neighbours_are()
    {
        var json = Harness.TerraformOf("""
            [Stack("s")]
            public static class S
            {
                public static readonly Variable<string> Env = new("env");
                public static readonly AwsVpc Vpc = new("main") { CidrBlock = "10.0.0.0/16", Tags = new() { ["k"] = $"${{Env}}-{Env}-%{{x}}" } };
            }
            """);
        Assert.Contains("\"k\": \"$${Env}-${var.env}-%%{x}\"", json);
    }

    [Fact]
    public void Literal_contexts_are_not_template_escaped()
    {
        var json = Harness.TerraformOf("""
            [Stack("s")]
            public static class S
            {
                public static readonly Variable<string> Greeting = new("greeting") { Default = "${hello}", Description = "Literal %{x}" };
                public static readonly LocalBackend State = new() { Path = "${state}.tfstate" };
            }
            """);
        var root = JsonDocument.Parse(json).RootElement;
        Assert.Equal("${hello}", root.GetProperty("variable").GetProperty("greeting").GetProperty("default").GetString());
        Assert.Equal("Literal %{x}", root.GetProperty("variable").GetProperty("greeting").GetProperty("description").GetString());
        Assert.Equal("${state}.tfstate", root.GetProperty("terraform").GetProperty("backend").GetProperty("local").GetProperty("path").GetString());
    }

    [Fact]
    public void Raw_json_text_of_control_characters_and_non_ascii()
    {
        // Control characters are \u-escaped in lower-case hex, common ones by their short form; non-ASCII stays as UTF-8.
        var json = Harness.TerraformOf("""
            [Stack("s")]
            public static class S
            {
                public static readonly AwsVpc Vpc = new("main") { CidrBlock = "10.0.0.0/16", Tags = new() { ["k"] = "a\"b\\c\n\r\t\b\f\u0000\u007f\u2028é🚀" } };
            }
            """);
        Assert.Contains("\"k\": \"a\\\"b\\\\c\\n\\r\\t\\b\\f\\u0000\u007f\\u2028é🚀\"", json);
    }

    [Fact]
    public void Lone_surrogate_is_refused_rather_than_written_as_an_escape_Terraform_would_mangle()
    {
        var (artifacts, diagnostics) = Harness.Failing(Harness.Compile(Harness.Usings + """
            [Stack("s")]
            public static class S
            {
                public static readonly AwsVpc Vpc = new("main") { CidrBlock = "10.0.0.0/16", Tags = new() { ["k"] = "x\uD800y" } };
            }
            """));
        Assert.Empty(artifacts);
        Assert.Contains(diagnostics, d => d.Id == "DI1012" && d.GetMessage().Contains("lone surrogate"));
    }

    [Fact]
    public void Escaping_snapshot() => Snapshot.Match(Harness.TerraformOf("""
        [Stack("s")]
        public static class S
        {
            public static readonly Variable<string> Env = new("env") { Default = "${literal default}" };
            public static readonly Output Out = new("out") { Value = $"%{{ for x in y }}{Env}${{Env}}\"quoted\"\\", Description = "${not escaped}" };
        }
        """));
}
