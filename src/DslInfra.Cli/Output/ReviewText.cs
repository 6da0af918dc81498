using System.Text;
using DslInfra.Cli.Plans;
using DslInfra.Cli.Review;

namespace DslInfra.Cli.Output;

/// <summary>The review as plain text: one line per change worth a reviewer's eye, then a summary.</summary>
internal static class ReviewText
{
    public static string Write(ReviewResult review, string planName)
    {
        var text = new StringBuilder();
        var plan = review.Plan;
        text.Append($"dslinfra review {planName} (Terraform {plan.TerraformVersion ?? "unknown"}, plan format {plan.FormatVersion})\n");
        var violations = review.Findings.Count(f => f.Verdict == Verdict.Violation) + review.DriftViolations.Count;
        text.Append(review.Passed ? "PASS" : "FAIL").Append($": {violations} violation(s), {review.Findings.Count(f => f.Verdict == Verdict.Allowed)} allowed\n");
        foreach (var problem in review.PlanProblems)
            text.Append("  plan: ").Append(problem).Append('\n');
        text.Append('\n');
        foreach (var finding in Ordered(review.Findings).Where(Shown))
        {
            var mark = finding.Verdict switch { Verdict.Violation => "FAIL   ", Verdict.Allowed => "ALLOWED", _ => "ok     " };
            text.Append($"  {mark} {Printable.Of(finding.Change.Address)}: {Describe(finding.Change)}");
            if (finding.Why is not null)
                text.Append($"\n          {finding.Why}");
            if (Declared(finding.Declared) is { } declared)
                text.Append($"\n          declared at {declared}");
            text.Append('\n');
        }
        text.Append('\n').Append("Summary: ").Append(Summary(review)).Append('\n');
        foreach (var drift in review.Drift)
            text.Append(DriftLine(review, drift)).Append('\n');
        if (review.Remediation is { } remediation)
            text.Append("Replace what drifted, never patch it back: ").Append(Printable.Of(remediation)).Append('\n');
        return text.ToString();
    }

    /// <summary>One drifted resource: whether it fails the gate, how it changed, and the attribute paths that changed (never their values).</summary>
    public static string DriftLine(ReviewResult review, ResourceChange drift)
    {
        var verdict = review.Fails(drift) ? "DRIFT (fails the gate)"
            : review.FailOnDrift && ReviewResult.IsManaged(drift) ? "Drift (allowed)" : "Drift (reported, never fails)";
        var paths = drift.Kind != ChangeKind.Delete && drift.DriftedPaths is { Count: > 0 } changed ? $" ({string.Join(", ", changed.Select(Printable.Of))})" : "";
        return $"{verdict}: {Printable.Of(drift.Address)} changed outside Terraform: {ChangeKinds.Describe(drift.Kind)}{paths}";
    }

    public static string Summary(ReviewResult review)
    {
        var parts = new List<string>();
        void Add(int count, string what)
        {
            if (count > 0)
                parts.Add($"{count} {what}");
        }
        Add(review.Count(ChangeKind.Create), "to create");
        Add(review.Count(ChangeKind.ReplaceCreateBeforeDestroy) + review.Count(ChangeKind.ReplaceDeleteBeforeCreate) + review.Count(ChangeKind.CreateThenForget), "to replace");
        Add(review.Count(ChangeKind.Update), "to update in place");
        Add(review.Count(ChangeKind.Delete), "to destroy");
        Add(review.Count(ChangeKind.Forget), "to forget");
        Add(review.Count(ChangeKind.Read), "to read");
        Add(review.Count(ChangeKind.NoOp), "unchanged");
        Add(review.Count(ChangeKind.Unknown), "unknown");
        return parts.Count == 0 ? "no changes" : string.Join(", ", parts);
    }

    /// <summary>No-op changes are left out, unless they move or import something.</summary>
    public static bool Shown(Finding finding) =>
        finding.Change.Kind != ChangeKind.NoOp || finding.Change.PreviousAddress is not null || finding.Change.Importing;

    /// <summary>The change in words: its kind, Terraform's reason, and whether it moves, imports or concerns a deposed object.</summary>
    public static string Describe(ResourceChange change)
    {
        var notes = new List<string>();
        if (ChangeKinds.DescribeReason(change.ActionReason) is { } reason)
            notes.Add(reason);
        if (change.Deposed is { } deposed)
            notes.Add($"deposed object {Printable.Of(deposed)}");
        if (change.PreviousAddress is { } previous)
            notes.Add($"moved from {Printable.Of(previous)}");
        if (change.Importing)
            notes.Add("imported");
        return ChangeKinds.Describe(change.Kind) + (notes.Count > 0 ? " (" + string.Join("; ", notes) + ")" : "");
    }

    public static string? Declared(ManifestResource? declared) =>
        declared?.File is { } file ? $"{file}:{declared.Line} ({declared.Member})" : null;

    /// <summary>Violations first, then allowed, then the rest; by address within each.</summary>
    public static IEnumerable<Finding> Ordered(IEnumerable<Finding> findings) =>
        findings.OrderBy(f => f.Verdict switch { Verdict.Violation => 0, Verdict.Allowed => 1, _ => 2 })
            .ThenBy(f => f.Change.Address, StringComparer.Ordinal)
            .ThenBy(f => f.Change.Deposed, StringComparer.Ordinal);
}
