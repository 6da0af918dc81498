using DslInfra.Cli.Plans;
using DslInfra.Cli.Review;
using DslInfra.Offline.Planning;

namespace DslInfra.Cli.Offline;

/// <summary>One stack's artifacts to plan, with its manifest (which knows each block's C# line).</summary>
internal sealed record StackSource(string Name, string Folder, Manifest Manifest, IReadOnlyList<string> ReadsStacks, string? Environment = null)
{
    /// <summary>The stack's name, or &lt;environment&gt;/&lt;name&gt;: unique across the environments of one build.</summary>
    public string Qualified => Environment is null ? Name : Environment + "/" + Name;

    /// <summary>What the planner orders and plans: qualified names, so each environment reads its own stacks.</summary>
    public StackInput Input => new(Qualified, Folder, Environment is null ? ReadsStacks : ReadsStacks.Select(r => Environment + "/" + r).ToList());
}

/// <summary>What planning one stack gave, for the reports: the review of Terraform's plan, or the diagnostics that stopped it.</summary>
internal sealed record StackPlan(string Stack, ReviewResult? Review, IReadOnlyList<string> Diagnostics, string? Failure, TimeSpan Elapsed)
{
    public bool Passed => Failure is null && Review is { Passed: true };

    /// <summary>The review gate on a planned stack, and its diagnostics at the C# line that declared each block.</summary>
    public static StackPlan From(StackOutcome outcome, StackSource source, IReadOnlySet<string> allowed) => new(
        outcome.Stack,
        outcome.PlanJson is { } plan ? PlanReview.Review(PlanReader.Read(plan), source.Manifest, allowed) : null,
        outcome.Diagnostics.Select(d => Describe(d, source)).ToList(),
        outcome.Failure,
        outcome.Elapsed);

    private static string Describe(PlanDiagnostic diagnostic, StackSource source)
    {
        var declared = diagnostic.Address is { } address ? source.Manifest.Find(address) : null;
        var where = declared is { File: { } file } ? $"{file}({declared.Line}): " : $"{source.Name}/main.tf.json: ";
        return $"{where}{(diagnostic.IsError ? "error" : "warning")}: {diagnostic.Summary}{(diagnostic.Detail.Length > 0 ? ": " + diagnostic.Detail : "")}"
            + (diagnostic.Address is null ? "" : $" [{diagnostic.Address}]");
    }
}
