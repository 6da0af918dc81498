namespace DslInfra.Offline.Planning;

/// <summary>A stack's artifacts to plan: its name, its folder (main.tf.json and what it reads) and the stacks whose outputs it reads.</summary>
public sealed record StackInput(string Name, string Folder, IReadOnlyList<string> ReadsStacks);

/// <summary>
/// One of Terraform's diagnostics: its severity, summary and detail, and the address of the block it is about when
/// that can be told (from Terraform's own answer, or from where in main.tf.json it points).
/// </summary>
public sealed record PlanDiagnostic(bool IsError, string Summary, string Detail, string? Address);

/// <summary>What planning one stack gave: the plan as Terraform's JSON (terraform show -json), or why there is none.</summary>
public sealed record StackOutcome(string Stack, string? PlanJson, IReadOnlyList<PlanDiagnostic> Diagnostics, string? Failure, TimeSpan Elapsed, string Timings)
{
    public bool Planned => Failure is null && PlanJson is not null;
}
