using System.Globalization;
using DslInfra.Cli.Offline;
using DslInfra.Cli.Plans;
using DslInfra.Cli.Review;

namespace DslInfra.Cli.Deploy;

/// <summary>How one stack's deployment ended.</summary>
internal enum DeployOutcome
{
    /// <summary>Terraform planned no change: nothing was applied.</summary>
    NoChanges,

    /// <summary>The saved plan passed the gate and was applied.</summary>
    Applied,

    /// <summary>The gate failed the plan: nothing was applied.</summary>
    GateFailed,

    /// <summary>The operator answered no: nothing was applied.</summary>
    Declined,

    /// <summary>A Terraform step failed (init, plan, show or apply).</summary>
    TerraformFailed,

    /// <summary>An image could not be baked or published: nothing was planned or applied.</summary>
    BakeFailed,

    /// <summary>Interrupted (Ctrl-C): Terraform was let finish the step it was in, so its state can be continued from.</summary>
    Interrupted,
}

/// <summary>One stack's result, for the summary: the outcome, what the plan would change, and why it stopped.</summary>
internal sealed record DeployResult(string Stack, DeployOutcome Outcome, string Changes, string? Why, ReviewResult? Review);

/// <summary>
/// Deploys one stack's artifacts with the user's Terraform: init (the lock file kept beside the sources), plan to a
/// saved file, the review gate on exactly that plan (state and drift gates included), and apply of exactly that saved
/// plan. Nothing is applied unless the gate passed and the operator (or --auto-approve) agreed.
/// </summary>
internal sealed class StackDeployment(string terraform, ImageBakery bakery, DeploySteps steps, Func<string, bool> approve, Func<bool> interrupted)
{
    private const string PlanFile = "dslinfra.tfplan";
    private const string LockFile = ".terraform.lock.hcl";

    public DeployResult Run(StackSource source, string locks, IReadOnlySet<string> allowed, bool destroy = false)
    {
        // Progress, results and the lock file's folder name the stack as dev/web when it has environments.
        var stack = source with { Name = source.Qualified, Environment = null };
        // Images first: the plan reads their content-addressed names, which must exist before anything uses them.
        if (!destroy && bakery.Bake(stack.Name, stack.Manifest.Images) is { } bakeFailure)
            return new DeployResult(stack.Name, DeployOutcome.BakeFailed, "", bakeFailure, null);
        if (interrupted())
            return new DeployResult(stack.Name, DeployOutcome.Interrupted, "", "interrupted after baking", null);

        var lockFile = Path.Combine(locks, stack.Name, LockFile);
        if (File.Exists(lockFile))
            File.Copy(lockFile, Path.Combine(stack.Folder, LockFile), overwrite: true);

        if (Step(stack, "init", "init", "-input=false", "-no-color") is { } initFailed)
            return initFailed;
        KeepLockFile(stack, lockFile);
        if (interrupted())
            return new DeployResult(stack.Name, DeployOutcome.Interrupted, "", "interrupted after init", null);

        // A destroy is planned and gated like any change: destroying what holds state fails the gate unless allowed.
        var (planExit, planOutput) = destroy
            ? Terraform(stack, "plan -destroy", "plan", "-destroy", "-input=false", "-no-color", "-detailed-exitcode", $"-out={PlanFile}")
            : Terraform(stack, "plan", "plan", "-input=false", "-no-color", "-detailed-exitcode", $"-out={PlanFile}");
        if (planExit == 1 || planExit > 2)
            return Failed(stack, "plan", planOutput);
        var (showExit, showOutput) = Terraform(stack, "show", "show", "-json", "-no-color", PlanFile);
        if (showExit != 0)
            return Failed(stack, "show", showOutput);
        var planJson = Path.Combine(stack.Folder, "plan.json");
        File.WriteAllText(planJson, lastStdout);
        var review = PlanReview.Review(PlanReader.Read(planJson), stack.Manifest, allowed, failOnDrift: true);
        var changes = Changes(review.Plan);
        if (!review.Passed)
            return new DeployResult(stack.Name, DeployOutcome.GateFailed, changes, "the plan failed the gate; nothing was applied", review);
        // -detailed-exitcode 0: no changes (drift that passed the gate included), so there is nothing to apply.
        if (planExit == 0)
            return new DeployResult(stack.Name, DeployOutcome.NoChanges, changes, null, review);
        if (interrupted())
            return new DeployResult(stack.Name, DeployOutcome.Interrupted, changes, "interrupted before apply; nothing was applied", review);
        if (!approve(destroy ? $"Destroy stack '{stack.Name}' ({changes})?" : $"Apply the plan of stack '{stack.Name}' ({changes})?"))
            return new DeployResult(stack.Name, DeployOutcome.Declined, changes, "not approved; nothing was applied", review);

        // A saved plan applies exactly what was planned and gated, or fails if the state moved since.
        if (Step(stack, "apply", "apply", "-input=false", "-no-color", PlanFile) is { } applyFailed)
            return interrupted() ? applyFailed with { Outcome = DeployOutcome.Interrupted, Why = "interrupted during apply; run deploy again to continue from the state Terraform kept" } : applyFailed;
        return new DeployResult(stack.Name, DeployOutcome.Applied, changes, null, review);
    }

    private DeployResult? Step(StackSource stack, string step, params string[] arguments)
    {
        var (exit, output) = Terraform(stack, step, arguments);
        return exit == 0 ? null : Failed(stack, step, output);
    }

    private static DeployResult Failed(StackSource stack, string step, string output) =>
        new(stack.Name, DeployOutcome.TerraformFailed, "", $"terraform {step} failed:\n{output.TrimEnd()}", null);

    /// <summary>The lock file Terraform wrote, copied back beside the sources when it changed, for the team to commit.</summary>
    private void KeepLockFile(StackSource stack, string lockFile)
    {
        var written = Path.Combine(stack.Folder, LockFile);
        if (!File.Exists(written) || File.Exists(lockFile) && File.ReadAllText(lockFile) == File.ReadAllText(written))
            return;
        Directory.CreateDirectory(Path.GetDirectoryName(lockFile)!);
        File.Copy(written, lockFile, overwrite: true);
        steps.Progress.WriteLine($"dslinfra deploy: [{stack.Name}] lock file kept at {lockFile} (commit it)");
    }

    // The JSON of the last step alone (terraform show -json), without what it wrote on stderr.
    private string lastStdout = "";

    private (int Exit, string Output) Terraform(StackSource stack, string step, params string[] arguments)
    {
        var (exit, stdout, stderr) = steps.Run(stack.Name, step, terraform, stack.Folder, arguments, automation: true);
        lastStdout = stdout;
        return (exit, stdout + stderr);
    }

    private static string Changes(Plan plan)
    {
        var counts = plan.ResourceChanges.Where(c => c.Kind is not (ChangeKind.NoOp or ChangeKind.Read))
            .GroupBy(c => ChangeKinds.Describe(c.Kind)).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => string.Create(CultureInfo.InvariantCulture, $"{g.Count()} {g.Key}")).ToList();
        return counts.Count == 0 ? "no changes" : string.Join(", ", counts);
    }
}
