using System.Diagnostics;
using System.Text.Json.Nodes;
using Json.Schema;

namespace DslInfra.Cli.Tests;

/// <summary>The SARIF output validates against the official SARIF 2.1.0 JSON schema (OASIS, rtm.5).</summary>
public class SarifSchemaTests
{
    [Theory]
    [InlineData("every-action.json", "--manifest")]
    [InlineData("every-action.json", null)]
    [InlineData("errored.json", null)]
    [InlineData("no-changes.json", null)]
    public void Sarif_validates_against_the_2_1_0_schema(string plan, string? manifestFlag)
    {
        var args = new List<string> { "review", Cli.Plan(plan), "--format", "sarif", "--allow", "aws_lb.web" };
        if (manifestFlag is not null)
            args.AddRange([manifestFlag, Cli.Plan("manifest.json")]);
        var (_, output, _) = Cli.Run([.. args]);

        var result = SarifSchema.Value.Evaluate(JsonNode.Parse(output), new EvaluationOptions { OutputFormat = OutputFormat.List, RequireFormatValidation = true });
        Assert.True(result.IsValid, string.Join("\n", result.Details.Where(d => d.HasErrors).SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation}: {e.Value}"))));
    }

    [Fact]
    public void The_schema_rejects_a_broken_log()
    {
        var broken = JsonNode.Parse("""{"version": "2.1.0", "runs": [{"tool": {}}]}""");
        Assert.False(SarifSchema.Value.Evaluate(broken).IsValid);
    }

    // The published schema is draft-04, which JsonSchema.Net does not evaluate; it uses nothing whose meaning
    // changed in draft-07 (no boolean exclusiveMinimum/Maximum), so it is read as draft-07 with the id renamed.
    private static readonly Lazy<JsonSchema> SarifSchema = new(() =>
    {
        var schema = JsonNode.Parse(File.ReadAllText(FindSchema()))!.AsObject();
        Assert.DoesNotContain("exclusiveMinimum", schema.ToJsonString());
        schema["$schema"] = "http://json-schema.org/draft-07/schema#";
        var id = schema["id"]!.GetValue<string>();
        schema.Remove("id");
        schema["$id"] = id;
        return JsonSchema.FromText(schema.ToJsonString());
    });

    /// <summary>The schema ships in Microsoft's @microsoft/jest-sarif npm package; tests/tools/install.sh fetches it, and so does this when it is missing.</summary>
    private static string FindSchema()
    {
        if (Environment.GetEnvironmentVariable("DSLINFRA_SARIF_SCHEMA") is { Length: > 0 } configured && File.Exists(configured))
            return configured;
        var root = new DirectoryInfo(AppContext.BaseDirectory);
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "DslInfra.sln")))
            root = root.Parent;
        var tools = Path.Combine(root!.FullName, ".tools", "sarif");
        var schema = Path.Combine(tools, "package", "lib", "schemas", "sarif-2.1.0-rtm.5.json");
        if (!File.Exists(schema))
        {
            Directory.CreateDirectory(tools);
            Run("npm", "pack @microsoft/jest-sarif@1.0.0-beta.0 --silent", tools);
            Run("tar", "xzf microsoft-jest-sarif-1.0.0-beta.0.tgz", tools);
        }
        Assert.True(File.Exists(schema), $"the SARIF 2.1.0 schema could not be fetched into {tools} (npm pack @microsoft/jest-sarif)");
        return schema;
    }

    private static void Run(string program, string arguments, string directory)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true })!;
        process.WaitForExit(120_000);
    }
}
