using System.Text;
using DslInfra.Cli.Plans;
using DslInfra.Cli.Review;

namespace DslInfra.Cli.Output;

/// <summary>The review as a pull-request comment.</summary>
internal static class ReviewMarkdown
{
    public static string Write(ReviewResult review)
    {
        var text = new StringBuilder();
        var violations = review.Findings.Count(f => f.Verdict == Verdict.Violation) + review.DriftViolations.Count;
        text.Append(review.Passed ? "### ✅ dslinfra review passed\n\n" : $"### ❌ dslinfra review failed: {violations} violation(s)\n\n");
        text.Append($"Terraform {Cell(review.Plan.TerraformVersion ?? "unknown")}, plan format {review.Plan.FormatVersion}. {ReviewText.Summary(review)}.\n\n");
        foreach (var problem in review.PlanProblems)
            text.Append($"> **Plan:** {Cell(problem)}\n\n");

        var changes = ReviewText.Ordered(review.Findings).Where(ReviewText.Shown).ToList();
        if (changes.Count > 0)
        {
            text.Append("| | Resource | Change | Why | Declared at |\n|---|---|---|---|---|\n");
            foreach (var finding in changes)
            {
                var mark = finding.Verdict switch { Verdict.Violation => "❌", Verdict.Allowed => "⚠️ allowed", _ => "" };
                var change = ReviewText.Describe(finding.Change);
                text.Append($"| {mark} | `{Cell(finding.Change.Address)}` | {Cell(change)} | {Cell(finding.Why ?? "")} | {Cell(ReviewText.Declared(finding.Declared) ?? "")} |\n");
            }
            text.Append('\n');
        }
        if (review.Drift.Count > 0)
        {
            var fails = review.DriftViolations.Count > 0;
            text.Append(fails ? "<details open><summary>❌ Drift: changed outside Terraform (fails the gate)</summary>\n\n"
                : "<details><summary>Drift: changed outside Terraform (reported, never fails the gate)</summary>\n\n");
            foreach (var drift in review.Drift)
            {
                var paths = drift.DriftedPaths is { Count: > 0 } changed ? " — " + string.Join(", ", changed.Select(p => $"`{Cell(p)}`")) : "";
                text.Append($"- `{Cell(drift.Address)}`: {ChangeKinds.Describe(drift.Kind)}{paths}\n");
            }
            if (review.Remediation is { } remediation)
                text.Append("\nReplace what drifted, never patch it back:\n\n```sh\n").Append(Printable.Of(remediation)).Append("\n```\n");
            text.Append("\n</details>\n");
        }
        return text.ToString();
    }

    /// <summary>Text safe inside a table cell: pipes, newlines and backticks cannot break the table.</summary>
    /// <summary>
    /// Text outside a code span: also no HTML (a PR comment renders &lt;img&gt; and friends), so angle brackets and
    /// ampersands are written as entities.
    /// </summary>
    internal static string Prose(string text) => Cell(text).Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

    /// <summary>Text inside a code span or a table cell: printable, one line, no pipe or backtick that would end it.</summary>
    internal static string Cell(string text) =>
        Printable.Of(text).Replace("\\", "\\\\").Replace("|", "\\|").Replace("`", "'").Replace("\r", " ").Replace("\n", " ");
}
