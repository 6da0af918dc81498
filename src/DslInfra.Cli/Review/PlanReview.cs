using DslInfra.Cli.Plans;

using DslInfra.Cli.Output;

namespace DslInfra.Cli.Review;

/// <summary>What review says of one resource change.</summary>
internal enum Verdict
{
    /// <summary>Fine as planned.</summary>
    Pass,

    /// <summary>Would break the gate, but an --allow records it as deliberate.</summary>
    Allowed,

    /// <summary>Fails the gate.</summary>
    Violation,
}

internal sealed record Finding(ResourceChange Change, Verdict Verdict, string? Why, ManifestResource? Declared, string? Rule = null);

/// <summary>The whole review: every change with its verdict, drift, and whether the gate passes.</summary>
internal sealed record ReviewResult(Plan Plan, IReadOnlyList<Finding> Findings, IReadOnlyList<ResourceChange> Drift, IReadOnlyList<string> PlanProblems,
    bool FailOnDrift = false, IReadOnlyList<ResourceChange>? FailingDrift = null)
{
    // Looked up once per drift entry by every report: a set, so a plan with thousands of drifted resources stays linear.
    private readonly HashSet<ResourceChange> failing = new(FailingDrift ?? [], ReferenceEqualityComparer.Instance);

    /// <summary>Drifted managed resources that fail the gate (with --fail-on-drift, unless allowed), in plan order.</summary>
    public IReadOnlyList<ResourceChange> DriftViolations => FailingDrift ?? [];

    /// <summary>Whether this drift entry fails the gate.</summary>
    public bool Fails(ResourceChange drift) => failing.Contains(drift);

    public bool Passed => PlanProblems.Count == 0 && Findings.All(f => f.Verdict != Verdict.Violation) && DriftViolations.Count == 0;

    /// <summary>
    /// What immutable infrastructure prescribes for drift: replace the resources, never patch them back. One
    /// <c>terraform apply -replace=…</c> for every drifted managed resource, each address quoted for a POSIX shell.
    /// </summary>
    public string? Remediation
    {
        get
        {
            // A resource deleted outside Terraform is simply created again by the next apply; the others are replaced.
            var replaced = Drift.Where(d => IsManaged(d) && d.Kind != ChangeKind.Delete).Select(d => "-replace=" + Shell.Quote(d.Address)).ToList();
            if (replaced.Count > 0)
                return "terraform apply " + string.Join(" ", replaced);
            return Drift.Any(IsManaged) ? "terraform apply" : null;
        }
    }

    public static bool IsManaged(ResourceChange drift) => drift.Mode == "managed" && drift.Kind is ChangeKind.Update or ChangeKind.Delete
        or ChangeKind.ReplaceCreateBeforeDestroy or ChangeKind.ReplaceDeleteBeforeCreate;

    public int Count(ChangeKind kind) => Findings.Count(f => f.Change.Kind == kind);
}

/// <summary>
/// The gate: immutable infrastructure is replaced, never updated in place, and keeps its state. Without a
/// manifest every in-place update fails (the safe default); with one, only updates of replace-only resources
/// do, plus destroy-before-create replacements of anything that serves traffic, and any destroy or
/// replacement of a resource that holds state.
/// </summary>
internal static class PlanReview
{
    // Resource types whose replacement by destroy-then-create drops traffic: the one catalog.
    private static readonly HashSet<string> ServesTraffic = Catalog.TypeCatalog.ServesTraffic;

    // Resource types that hold state (data, keys, disks): destroying or replacing one loses it.
    private static readonly HashSet<string> Stateful = Catalog.TypeCatalog.Stateful;

    public static ReviewResult Review(Plan plan, Manifest manifest, IReadOnlySet<string> allowed, bool failOnDrift = false)
    {
        var findings = new List<Finding>();
        foreach (var change in plan.ResourceChanges)
        {
            var declared = manifest.Find(change.Address);
            var problem = Problem(change, manifest, declared);
            var verdict = problem is null ? Verdict.Pass : allowed.Contains(change.Address) ? Verdict.Allowed : Verdict.Violation;
            findings.Add(new Finding(change, verdict, problem?.Why, declared, problem?.Rule));
        }
        var problems = new List<string>();
        if (plan.Errored)
            problems.Add("Terraform reported an error while planning: the plan is incomplete.");
        if (plan.Complete == false)
            problems.Add("The plan is not complete (some changes are deferred): review a complete plan.");
        var failingDrift = failOnDrift ? plan.ResourceDrift.Where(d => ReviewResult.IsManaged(d) && !allowed.Contains(d.Address)).ToList() : [];
        return new ReviewResult(plan, findings, plan.ResourceDrift, problems, failOnDrift, failingDrift);
    }

    private static (string Rule, string Why)? Problem(ResourceChange change, Manifest manifest, ManifestResource? declared)
    {
        // Losing state comes first: a replaced database is worse than a replaced load balancer.
        if (change.Mode == "managed" && Stateful.Contains(change.Type)
            && change.Kind is ChangeKind.Delete or ChangeKind.ReplaceCreateBeforeDestroy or ChangeKind.ReplaceDeleteBeforeCreate)
        {
            var what = change.Kind == ChangeKind.Delete ? "destroyed" : "replaced";
            // Paths come from the plan: printable, so that no control character or bidi override reaches a log.
            var forcing = change.ReplacePaths is { Count: > 0 } paths ? $" because {string.Join(", ", paths.Select(Printable.Of))} changed" : "";
            return ("DI4005", $"{what}{forcing}, and it holds state: its data goes with it. Keep it (prevent_destroy; a Moved block for a rename; a Removed block with Destroy = false to hand it over), or pass --allow {change.Address} if the loss is intended");
        }
        switch (change.Kind)
        {
            case ChangeKind.Update when manifest.IsEmpty:
                return ("DI4001", "updated in place; immutable infrastructure is replaced, never patched (pass --manifest to allow in-place updates of resources that may change)");
            case ChangeKind.Update when declared is null:
                return ("DI4001", "updated in place, and no manifest declares it, so it is treated as replace-only");
            case ChangeKind.Update when declared.ReplaceOnly:
                return ("DI4001", "updated in place, but it is replace-only: a change must create a new one");
            case ChangeKind.ReplaceDeleteBeforeCreate when ServesTraffic.Contains(change.Type):
                return ("DI4002", "destroyed before its replacement exists, and it serves traffic: set create_before_destroy");
            case ChangeKind.Unknown:
                return ("DI4003", $"unknown action [{string.Join(", ", change.Actions)}]; this dslinfra cannot judge it");
            default:
                return null;
        }
    }
}
