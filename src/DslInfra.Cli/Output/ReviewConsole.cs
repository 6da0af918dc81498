using DslInfra.Cli.Plans;
using DslInfra.Cli.Review;
using Spectre.Console;

namespace DslInfra.Cli.Output;

/// <summary>The review for a person at a terminal: a coloured table. Redirected output gets <see cref="ReviewText"/> instead.</summary>
internal static class ReviewConsole
{
    public static void Write(ReviewResult review, string planName)
    {
        var console = AnsiConsole.Console;
        var plan = review.Plan;
        console.MarkupLine($"[bold]dslinfra review[/] {Markup.Escape(planName)} [grey](Terraform {Markup.Escape(plan.TerraformVersion ?? "unknown")}, plan format {Markup.Escape(plan.FormatVersion)})[/]");
        foreach (var problem in review.PlanProblems)
            console.MarkupLine($"[red]plan:[/] {Markup.Escape(problem)}");
        var table = new Table().Border(TableBorder.Rounded).AddColumns("", "Resource", "Change", "Why", "Declared at");
        foreach (var finding in ReviewText.Ordered(review.Findings).Where(ReviewText.Shown))
        {
            var mark = finding.Verdict switch { Verdict.Violation => "[red bold]FAIL[/]", Verdict.Allowed => "[yellow]allowed[/]", _ => "[green]ok[/]" };
            table.AddRow(mark, Markup.Escape(Printable.Of(finding.Change.Address)), Markup.Escape(ReviewText.Describe(finding.Change)),
                Markup.Escape(finding.Why ?? ""), Markup.Escape(ReviewText.Declared(finding.Declared) ?? ""));
        }
        console.Write(table);
        console.MarkupLine(Markup.Escape(ReviewText.Summary(review)));
        foreach (var drift in review.Drift)
            console.MarkupLine((review.Fails(drift) ? "[red]" : "[grey]") + Markup.Escape(ReviewText.DriftLine(review, drift)) + "[/]");
        if (review.Remediation is { } remediation)
            console.MarkupLine("Replace what drifted, never patch it back: " + Markup.Escape(Printable.Of(remediation)));
        console.MarkupLine(review.Passed ? "[green bold]PASS[/]" : "[red bold]FAIL[/]");
    }
}
