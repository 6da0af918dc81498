using System.Linq;

namespace DslInfra.Generators.Model;

/// <summary>
/// The oldest Terraform that reads a stack as written, from the language features it uses: a <c>required_version</c>
/// below it lets an older Terraform fail at init or, worse, ignore what it does not know.
/// </summary>
internal static class TerraformRequirements
{
    /// <summary>What DslInfra's JSON needs with no newer feature in it (module for_each and count: 0.13; 1.0 is the stable line).</summary>
    public static readonly ReleaseVersion Baseline = new(1, 0, 0);

    public static (ReleaseVersion Version, string Reason) Minimum(StackModel stack)
    {
        var minimum = (Version: Baseline, Reason: "the 1.x language");
        void Need(int minor, string reason)
        {
            if (minor > minimum.Version.Minor)
                minimum = (new ReleaseVersion(1, minor, 0), reason);
        }

        if (stack.Backend is { Type: "cloud" })
            Need(1, "the cloud block");
        if (stack.Backend?.Body.Argument("use_lockfile") is BoolValue { Flag: true })
            Need(10, "the s3 backend's use_lockfile");
        foreach (var block in stack.StateBlocks)
            Need(block.Kind switch { "import" => 5, "removed" => 7, _ => 1 }, $"a {block.Kind} block");
        if (stack.Checks.Count > 0)
            Need(5, "a check block");
        foreach (var variable in stack.Variables)
        {
            if (variable.TypeConstraint.Contains("optional("))
                Need(3, $"optional attributes in variable '{variable.Name}'");
            if (variable.Nullable is not null)
                Need(1, $"nullable on variable '{variable.Name}'");
        }
        foreach (var output in stack.Outputs)
            if (output.Preconditions.Count > 0)
                Need(2, $"a precondition on output '{output.Name}'");
        foreach (var resource in stack.Resources)
        {
            if (resource.IsEphemeral)
                Need(10, $"the ephemeral resource {resource.Address}");
            if (resource.Type == "terraform_data" && !resource.IsData)
                Need(4, "terraform_data");
            if (resource.Meta.Lifecycle is { } lifecycle
                && lifecycle.Preconditions.Count + lifecycle.Postconditions.Count + lifecycle.ReplaceTriggeredBy.Count > 0)
                Need(2, $"{resource.Address}'s lifecycle conditions or replace_triggered_by");
            if (SetsWriteOnly(resource.Body))
                Need(11, $"a write-only argument of {resource.Address}");
        }
        return minimum;
    }

    private static bool SetsWriteOnly(ObjectValue body) =>
        body.Fields.Any(f => (f.IsWriteOnly && f.Value is not NullValue)
            || (f.Value is ObjectValue nested && SetsWriteOnly(nested))
            || (f.Value is ListValue list && list.Items.OfType<ObjectValue>().Any(SetsWriteOnly)));
}
