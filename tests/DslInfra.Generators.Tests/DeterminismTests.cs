using System.Globalization;

namespace DslInfra.Generators.Tests;

/// <summary>The same stack gives the same bytes on every run, machine and culture.</summary>
public class DeterminismTests
{
    private const string Stack = """
        [Stack("s")]
        public static class S
        {
            private const double Ratio = 1.5;
            public static readonly Variable<string> Title = new("title") { Default = "TITLE İ ı" };
            public static readonly AwsVpc Vpc = new("main")
            {
                CidrBlock = "10.0.0.0/16",
                Tags = new()
                {
                    ["ratio"] = $"{Ratio}",
                    ["big"] = $"{1234567.891m:N2}",
                    ["lower"] = "TITLE".ToLowerInvariant(),
                    ["upper"] = "title".ToUpperInvariant(),
                    ["i"] = "i",
                    ["I"] = "I",
                    ["ı"] = "dotless",
                    ["İ"] = "dotted",
                },
            };
            public static readonly CustomResource Numbers = new("null_resource", "n") { Arguments = new() { ["x"] = 0.25, ["y"] = 1e21, ["z"] = -3.75m } };
        }
        """;

    private static Dictionary<string, string> Generate() => Harness.Artifacts(Harness.Compile(Harness.Usings + Stack));

    [Fact]
    public void Two_runs_give_identical_bytes() => Assert.Equal(Generate(), Generate());

    [Theory]
    [InlineData("tr-TR")]
    [InlineData("de-DE")]
    [InlineData("ar-SA")]
    public void Culture_does_not_change_a_byte(string culture)
    {
        var invariant = Under(CultureInfo.InvariantCulture, Generate);
        var other = Under(new CultureInfo(culture), Generate);
        Assert.Equal(invariant, other);
        Assert.Contains("\"ratio\": \"1.5\"", other["s/main.tf.json"]);
        Assert.Contains("\"big\": \"1,234,567.89\"", other["s/main.tf.json"]);
        Assert.Contains("\"lower\": \"title\"", other["s/main.tf.json"]);
        Assert.Contains("\"upper\": \"TITLE\"", other["s/main.tf.json"]);
    }

    [Fact]
    public void Keys_sort_ordinally_not_by_culture()
    {
        var json = Under(new CultureInfo("tr-TR"), Generate)["s/main.tf.json"];
        var order = new[] { "\"I\":", "\"big\":", "\"i\":", "\"lower\":", "\"ratio\":", "\"upper\":", "\"İ\":", "\"ı\":" }
            .Select(key => json.IndexOf(key, StringComparison.Ordinal)).ToList();
        Assert.All(order, index => Assert.True(index > 0));
        Assert.Equal(order.OrderBy(i => i), order);
    }

    [Fact]
    public void Output_is_lf_only_with_a_trailing_newline_and_no_bom()
    {
        var json = Generate()["s/main.tf.json"];
        Assert.DoesNotContain('\r', json);
        Assert.EndsWith("}\n", json);
        Assert.False(json.StartsWith('\uFEFF'));
    }

    private static T Under<T>(CultureInfo culture, Func<T> action)
    {
        var (current, ui) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
        try
        {
            return action();
        }
        finally
        {
            CultureInfo.CurrentCulture = current;
            CultureInfo.CurrentUICulture = ui;
        }
    }
}
