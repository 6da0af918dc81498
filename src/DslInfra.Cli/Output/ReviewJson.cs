using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using DslInfra.Cli.Plans;
using DslInfra.Cli.Review;

namespace DslInfra.Cli.Output;

/// <summary>The review as JSON for scripts; its shape is documented in the README and kept stable.</summary>
internal static class ReviewJson
{
    public static string Write(ReviewResult review) => JsonOutput.Write(json =>
    {
        json.WriteStartObject();
        json.WriteBoolean("passed", review.Passed);
        json.WriteString("format_version", review.Plan.FormatVersion);
        json.WriteString("terraform_version", review.Plan.TerraformVersion);
        json.WriteStartArray("problems");
        foreach (var problem in review.PlanProblems)
            json.WriteStringValue(problem);
        json.WriteEndArray();
        json.WriteStartArray("changes");
        foreach (var finding in ReviewText.Ordered(review.Findings))
        {
            json.WriteStartObject();
            json.WriteString("address", finding.Change.Address);
            if (finding.Change.Deposed is { } deposed)
                json.WriteString("deposed", deposed);
            json.WriteString("type", finding.Change.Type);
            json.WriteString("change", Name(finding.Change.Kind));
            json.WriteStartArray("actions");
            foreach (var action in finding.Change.Actions)
                json.WriteStringValue(action);
            json.WriteEndArray();
            json.WriteString("action_reason", finding.Change.ActionReason);
            json.WriteString("verdict", finding.Verdict.ToString().ToLowerInvariant());
            json.WriteString("why", finding.Why);
            if (finding.Declared is { File: { } file } declared)
            {
                json.WriteStartObject("declared");
                json.WriteString("file", file);
                json.WriteNumber("line", declared.Line ?? 0);
                json.WriteString("member", declared.Member);
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("drift");
        foreach (var drift in review.Drift)
        {
            json.WriteStartObject();
            json.WriteString("address", drift.Address);
            json.WriteString("change", Name(drift.Kind));
            json.WriteBoolean("fails", review.Fails(drift));
            json.WriteStartArray("paths");
            foreach (var path in drift.DriftedPaths ?? [])
                json.WriteStringValue(path);
            json.WriteEndArray();
            json.WriteEndObject();
        }
        json.WriteEndArray();
        if (review.Remediation is { } remediation)
            json.WriteString("remediation", remediation);
        json.WriteEndObject();
    });

    /// <summary>The kind in kebab-case, e.g. replace-create-before-destroy.</summary>
    public static string Name(ChangeKind kind)
    {
        var text = new StringBuilder();
        foreach (var c in kind.ToString())
        {
            if (char.IsUpper(c) && text.Length > 0)
                text.Append('-');
            text.Append(char.ToLowerInvariant(c));
        }
        return text.ToString();
    }
}

/// <summary>Indented UTF-8 JSON with LF line ends and non-ASCII kept, the same on every machine.</summary>
internal static class JsonOutput
{
    public static string Write(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
            write(json);
        // The writer ends lines with Environment.NewLine; the report is the same on every OS.
        return Encoding.UTF8.GetString(buffer.ToArray()).Replace("\r\n", "\n") + "\n";
    }
}
