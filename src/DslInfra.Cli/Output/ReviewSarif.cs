using System.Text.Json;
using DslInfra.Cli.Plans;
using DslInfra.Cli.Review;

namespace DslInfra.Cli.Output;

/// <summary>
/// The review as SARIF 2.1.0, for code-scanning views: each violation points at the C# file and line that
/// declared the resource (from the manifest); an --allow'ed one is a suppressed result.
/// </summary>
internal static class ReviewSarif
{
    private sealed record Rule(string Id, string Name, string Description);

    private static readonly Rule InPlaceUpdate = new("DI4001", "InPlaceUpdate", "A resource that must be immutable is updated in place.");
    private static readonly Rule DestroyBeforeCreate = new("DI4002", "DestroyBeforeCreate", "A resource that serves traffic is destroyed before its replacement exists.");
    private static readonly Rule UnknownAction = new("DI4003", "UnknownAction", "The plan has an action this dslinfra does not know.");
    private static readonly Rule IncompletePlan = new("DI4004", "IncompletePlan", "The plan errored or is incomplete.");
    private static readonly Rule StateLost = new("DI4005", "StateLost", "A resource that holds state is destroyed or replaced.");
    private static readonly Rule Drifted = new("DI4006", "Drifted", "A resource was changed outside Terraform (review --fail-on-drift).");
    private static readonly Rule[] Rules = [InPlaceUpdate, DestroyBeforeCreate, UnknownAction, IncompletePlan, StateLost, Drifted];

    public static string Write(ReviewResult review, string planName, string sourceRoot) => JsonOutput.Write(json =>
    {
        json.WriteStartObject();
        json.WriteString("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        json.WriteString("version", "2.1.0");
        json.WriteStartArray("runs");
        json.WriteStartObject();
        WriteTool(json);
        json.WriteStartArray("results");
        foreach (var finding in ReviewText.Ordered(review.Findings).Where(f => f.Verdict != Verdict.Pass))
            WriteResult(json, finding, planName, sourceRoot);
        foreach (var drift in review.DriftViolations)
        {
            json.WriteStartObject();
            json.WriteString("ruleId", Drifted.Id);
            json.WriteNumber("ruleIndex", Array.IndexOf(Rules, Drifted));
            json.WriteString("level", "error");
            WriteMessage(json, ReviewText.DriftLine(review, drift) + (review.Remediation is { } remediation ? ". Replace it, never patch it back: " + remediation : ""));
            WritePlanLocation(json, planName);
            json.WriteEndObject();
        }
        foreach (var problem in review.PlanProblems)
        {
            json.WriteStartObject();
            json.WriteString("ruleId", IncompletePlan.Id);
            json.WriteNumber("ruleIndex", Array.IndexOf(Rules, IncompletePlan));
            json.WriteString("level", "error");
            WriteMessage(json, problem);
            WritePlanLocation(json, planName);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    });

    private static void WriteTool(Utf8JsonWriter json)
    {
        json.WriteStartObject("tool");
        json.WriteStartObject("driver");
        json.WriteString("name", "dslinfra");
        json.WriteString("informationUri", "https://github.com/dslinfra/dslinfra");
        json.WriteString("semanticVersion", typeof(ReviewSarif).Assembly.GetName().Version?.ToString(3) ?? "0.0.0");
        json.WriteStartArray("rules");
        foreach (var rule in Rules)
        {
            json.WriteStartObject();
            json.WriteString("id", rule.Id);
            json.WriteString("name", rule.Name);
            json.WriteStartObject("shortDescription");
            json.WriteString("text", rule.Description);
            json.WriteEndObject();
            json.WriteString("helpUri", $"https://github.com/dslinfra/dslinfra/blob/main/docs/rules/{rule.Id}.md");
            json.WriteStartObject("defaultConfiguration");
            json.WriteString("level", "error");
            json.WriteEndObject();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteResult(Utf8JsonWriter json, Finding finding, string planName, string sourceRoot)
    {
        var rule = Rules.FirstOrDefault(r => r.Id == finding.Rule) ?? UnknownAction;
        json.WriteStartObject();
        json.WriteString("ruleId", rule.Id);
        json.WriteNumber("ruleIndex", Array.IndexOf(Rules, rule));
        json.WriteString("level", "error");
        WriteMessage(json, $"{finding.Change.Address}: {finding.Why}");
        json.WriteStartArray("locations");
        json.WriteStartObject();
        if (finding.Declared is { File: { } file, Line: { } line })
        {
            json.WriteStartObject("physicalLocation");
            json.WriteStartObject("artifactLocation");
            json.WriteString("uri", Uri(sourceRoot, file));
            json.WriteEndObject();
            json.WriteStartObject("region");
            json.WriteNumber("startLine", line);
            json.WriteEndObject();
            json.WriteEndObject();
        }
        else
        {
            WritePhysical(json, planName);
        }
        json.WriteStartArray("logicalLocations");
        json.WriteStartObject();
        json.WriteString("fullyQualifiedName", finding.Change.Address);
        json.WriteString("kind", "resource");
        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
        json.WriteEndArray();
        if (finding.Verdict == Verdict.Allowed)
        {
            json.WriteStartArray("suppressions");
            json.WriteStartObject();
            json.WriteString("kind", "external");
            json.WriteString("justification", "allowed with --allow " + finding.Change.Address);
            json.WriteEndObject();
            json.WriteEndArray();
        }
        json.WriteEndObject();
    }

    private static void WritePlanLocation(Utf8JsonWriter json, string planName)
    {
        json.WriteStartArray("locations");
        json.WriteStartObject();
        WritePhysical(json, planName);
        json.WriteEndObject();
        json.WriteEndArray();
    }

    private static void WritePhysical(Utf8JsonWriter json, string planName)
    {
        json.WriteStartObject("physicalLocation");
        json.WriteStartObject("artifactLocation");
        json.WriteString("uri", Uri("", Path.GetFileName(planName)));
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteMessage(Utf8JsonWriter json, string text)
    {
        json.WriteStartObject("message");
        json.WriteString("text", text);
        json.WriteEndObject();
    }

    /// <summary>A relative URI reference (RFC 3986) from a repository-relative path: forward slashes, each segment escaped.</summary>
    private static string Uri(string root, string file)
    {
        var path = (root.Length > 0 ? root.TrimEnd('/', '\\') + "/" : "") + file;
        return string.Join("/", path.Replace('\\', '/').Split('/').Select(System.Uri.EscapeDataString));
    }
}
