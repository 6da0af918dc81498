namespace DslInfra.Cli.Plans;

/// <summary>What Terraform plans to do to one resource instance, as <c>terraform show -json</c> reports it.</summary>
internal sealed record ResourceChange(
    string Address,
    string? PreviousAddress,
    string? ModuleAddress,
    string Mode,
    string Type,
    string Name,
    string? Deposed,
    IReadOnlyList<string> Actions,
    string? ActionReason,
    bool Importing,
    IReadOnlyList<string>? ReplacePaths = null,
    IReadOnlyList<string>? DriftedPaths = null)
{
    public ChangeKind Kind => ChangeKinds.Of(Actions);
}

/// <summary>The parts of a plan that review needs; everything else in the file is skipped while streaming.</summary>
internal sealed record Plan(
    string FormatVersion,
    string? TerraformVersion,
    IReadOnlyList<ResourceChange> ResourceChanges,
    IReadOnlyList<ResourceChange> ResourceDrift,
    bool Errored,
    bool? Complete);

/// <summary>How one resource changes, from Terraform's action list.</summary>
internal enum ChangeKind
{
    NoOp,
    Create,
    Read,
    Update,
    ReplaceCreateBeforeDestroy,
    ReplaceDeleteBeforeCreate,
    Delete,
    Forget,
    CreateThenForget,
    Unknown,
}

internal static class ChangeKinds
{
    /// <summary>Maps Terraform's <c>change.actions</c> arrays (JSON output format) to a kind.</summary>
    public static ChangeKind Of(IReadOnlyList<string> actions) => string.Join(",", actions) switch
    {
        "no-op" => ChangeKind.NoOp,
        "create" => ChangeKind.Create,
        "read" => ChangeKind.Read,
        "update" => ChangeKind.Update,
        "create,delete" => ChangeKind.ReplaceCreateBeforeDestroy,
        "delete,create" => ChangeKind.ReplaceDeleteBeforeCreate,
        "delete" => ChangeKind.Delete,
        "forget" => ChangeKind.Forget,
        "create,forget" => ChangeKind.CreateThenForget,
        _ => ChangeKind.Unknown,
    };

    public static string Describe(ChangeKind kind) => kind switch
    {
        ChangeKind.NoOp => "no change",
        ChangeKind.Create => "create",
        ChangeKind.Read => "read",
        ChangeKind.Update => "update in place",
        ChangeKind.ReplaceCreateBeforeDestroy => "replace (create before destroy)",
        ChangeKind.ReplaceDeleteBeforeCreate => "replace (destroy before create)",
        ChangeKind.Delete => "destroy",
        ChangeKind.Forget => "forget (remove from state, keep the object)",
        ChangeKind.CreateThenForget => "replace (create, forget the old object)",
        _ => "unknown action",
    };

    /// <summary>Terraform's documented action_reason values, in words a reviewer reads.</summary>
    public static string? DescribeReason(string? reason) => reason switch
    {
        null => null,
        "replace_because_tainted" => "the object is tainted",
        "replace_because_cannot_update" => "a changed argument forces replacement",
        "replace_by_request" => "replacement was requested (-replace)",
        "replace_by_triggers" => "replace_triggered_by fired",
        "delete_because_no_resource_config" => "its configuration was removed",
        "delete_because_wrong_repetition" => "count/for_each changed how it repeats",
        "delete_because_count_index" => "its count index is gone",
        "delete_because_each_key" => "its for_each key is gone",
        "delete_because_no_module" => "its module was removed",
        "delete_because_no_move_target" => "a moved block points at nothing",
        "read_because_config_unknown" => "its configuration is known only at apply",
        "read_because_dependency_pending" => "a dependency has pending changes",
        "read_because_check_nested" => "a check block reads it",
        _ => reason.Replace('_', ' '),
    };
}
