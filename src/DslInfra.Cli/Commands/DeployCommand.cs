using System.CommandLine;
using DslInfra.Cli.Deploy;
using DslInfra.Cli.Output;
using DslInfra.Cli.Review;
using DslInfra.Offline.Planning;

namespace DslInfra.Cli.Commands;

/// <summary>
/// dslinfra deploy [project|artifacts]: every stack, in the order their reads need, through init, a saved plan, the
/// review gate and an apply of exactly that plan; it stops at the first stack that fails and says which and why.
/// </summary>
internal static class DeployCommand
{
    /// <summary>A bake or a Terraform step failed (init, plan, show or apply).</summary>
    public const int TerraformFailed = 3;

    /// <summary>Interrupted (Ctrl-C), as shells report SIGINT.</summary>
    public const int Interrupted = 130;

    public static Command Create(TextWriter output, TextWriter error) => Create(output, error, destroy: false);

    /// <summary>dslinfra destroy: the same steps with <c>plan -destroy</c>, stacks in reverse dependency order (what reads a stack goes first).</summary>
    public static Command CreateDestroy(TextWriter output, TextWriter error) => Create(output, error, destroy: true);

    private static Command Create(TextWriter output, TextWriter error, bool destroy)
    {
        var path = new Argument<string>("path")
        {
            Description = "A project (or its folder) to build first, or an artifacts folder (bin/Debug/<framework>/infra).",
            DefaultValueFactory = _ => ".",
        };
        var stacks = new Option<string[]>("--stack", "-s") { Description = "Deploy only these stacks (in dependency order among themselves).", AllowMultipleArgumentsPerToken = true };
        var environment = PlanCommand.EnvironmentOption("Only these environments (default: every environment the stacks declare, one after the other in the order [Environments] lists them).");
        var autoApprove = new Option<bool>("--auto-approve") { Description = "Apply each gated plan without asking (for CI). Without it, deploy asks before each apply and refuses to run without a terminal." };
        var terraform = new Option<string?>("--terraform") { Description = "The terraform executable (1.5 or later; default: terraform on PATH)." };
        var allow = new Option<string[]>("--allow") { Description = "An address whose violation is deliberate (as in review).", AllowMultipleArgumentsPerToken = true };
        var locks = new Option<string?>("--locks") { Description = "Where each stack's .terraform.lock.hcl is kept, to commit (default: terraform-locks/ beside the project, or in the current folder)." };
        var configuration = new Option<string>("--configuration", "-c") { Description = "The build configuration, when building a project.", DefaultValueFactory = _ => "Debug" };
        var packer = new Option<string>("--packer") { Description = "The packer executable that bakes AMIs.", DefaultValueFactory = _ => "packer" };
        var docker = new Option<string>("--docker") { Description = "The docker (or podman) executable that builds and pushes container images.", DefaultValueFactory = _ => "docker" };
        var aws = new Option<string>("--aws") { Description = "The aws executable that looks up whether an AMI is published.", DefaultValueFactory = _ => "aws" };
        var command = destroy
            ? new Command("destroy", "Destroy every stack with your terraform, in reverse dependency order: init, plan -destroy to a file, the review gate on that plan (destroying what holds state fails it unless --allow names it), then apply exactly that plan. Stops at the first failure. Exit codes as deploy.")
            : new Command("deploy", "Deploy every stack with your terraform, in dependency order: bake each image whose content-addressed name is not yet published (packer; docker build and push), init (the lock file kept beside the sources), plan to a file, the review gate on that plan (drift included), then apply exactly that plan. Stops at the first failure. Exit codes: 0 deployed (or nothing to change), 1 a gate failed or an apply was declined, 2 bad input, 3 a bake or a terraform step failed, 130 interrupted.");
        foreach (var option in new Symbol[] {
            path, stacks, environment, autoApprove, terraform, allow, locks, configuration, packer, docker, aws,
        })
        {
            if (option is Argument argument)
                command.Arguments.Add(argument);
            else if (option is Option each && !(destroy && (each == packer || each == docker || each == aws)))
                command.Options.Add(each);
        }
        command.SetAction(parse => CommandOutput.Guard(error, () =>
        {
            var terraformPath = OfflinePlanner.FindTerraform(parse.GetValue(terraform));
            var given = parse.GetValue(path)!;
            var sources = PlanCommand.Discover(given, parse.GetValue(configuration)!, error);
            if (parse.GetValue(stacks) is { Length: > 0 } chosen)
            {
                var missing = chosen.Where(s => sources.All(c => c.Name != s)).ToList();
                if (missing.Count > 0)
                    throw new InputException($"no stack named {string.Join(", ", missing)} (stacks: {string.Join(", ", sources.Select(c => c.Name).Distinct())}).");
                sources = sources.Where(c => chosen.Contains(c.Name)).ToList();
            }
            sources = PlanCommand.ChooseEnvironments(sources, parse.GetValue(environment));
            var auto = parse.GetValue(autoApprove);
            if (!auto && Console.IsInputRedirected)
                throw new InputException("no terminal to ask for approval: pass --auto-approve (in CI, after the plan was reviewed).");
            var lockFolder = Path.GetFullPath(parse.GetValue(locks) ?? Path.Combine(ProjectFolder(given), "terraform-locks"));
            var allowed = new HashSet<string>(parse.GetValue(allow) ?? [], StringComparer.Ordinal);

            // Ctrl-C reaches terraform too (same process group) and it stops cleanly at a safe point; deploy waits for
            // it, then stops before the next step.
            var stop = false;
            ConsoleCancelEventHandler onCancel = (_, e) => { e.Cancel = true; stop = true; error.WriteLine("dslinfra deploy: interrupted; letting terraform finish its step…"); };
            Console.CancelKeyPress += onCancel;
            try
            {
                bool Approve(string question)
                {
                    if (auto)
                        return true;
                    error.Write(question + " [y/N] ");
                    var answer = Console.ReadLine()?.Trim();
                    return answer is "y" or "Y" or "yes" or "Yes";
                }
                var steps = new DeploySteps(error);
                var bakery = new ImageBakery(new BakeTools(parse.GetValue(packer)!, parse.GetValue(docker)!, parse.GetValue(aws)!), steps);
                var deployment = new StackDeployment(terraformPath, bakery, steps, Approve, () => stop);
                var byName = sources.ToDictionary(s => s.Qualified, StringComparer.Ordinal);
                var results = new List<DeployResult>();
                // Environment after environment (dev before prod), each in the order its stacks' reads need.
                var environments = PlanCommand.EnvironmentOrder(sources);
                if (destroy)
                    environments.Reverse();
                foreach (var each in environments)
                {
                    var order = OfflinePlanner.Order(sources.Where(s => s.Environment == each).Select(s => s.Input).ToList());
                    if (destroy)
                        order.Reverse();
                    foreach (var input in order)
                    {
                        var result = deployment.Run(byName[input.Name], lockFolder, allowed, destroy);
                        results.Add(result);
                        if (result.Outcome is not (DeployOutcome.Applied or DeployOutcome.NoChanges))
                            break;
                    }
                    if (results.Count > 0 && results[^1].Outcome is not (DeployOutcome.Applied or DeployOutcome.NoChanges))
                        break;
                }
                output.Write(Summary(results, sources.Count, destroy));
                return results.LastOrDefault()?.Outcome switch
                {
                    DeployOutcome.GateFailed or DeployOutcome.Declined => Program.Violation,
                    DeployOutcome.TerraformFailed or DeployOutcome.BakeFailed => TerraformFailed,
                    DeployOutcome.Interrupted => Interrupted,
                    _ => Program.Pass,
                };
            }
            finally
            {
                Console.CancelKeyPress -= onCancel;
            }
        }));
        return command;
    }

    /// <summary>The project's folder when a project was given, else the current folder: where the lock files are kept.</summary>
    private static string ProjectFolder(string given) =>
        File.Exists(given) && given.EndsWith("proj", StringComparison.OrdinalIgnoreCase) ? Path.GetDirectoryName(Path.GetFullPath(given))!
        : Directory.Exists(given) && Directory.EnumerateFiles(given, "*.csproj").Any() ? given
        : Directory.GetCurrentDirectory();

    private static string Summary(IReadOnlyList<DeployResult> results, int total, bool destroy)
    {
        var text = new System.Text.StringBuilder();
        foreach (var result in results)
        {
            var verdict = result.Outcome switch
            {
                DeployOutcome.NoChanges => "no changes",
                DeployOutcome.Applied => (destroy ? "destroyed: " : "applied: ") + result.Changes,
                DeployOutcome.GateFailed => "gate failed: " + result.Changes,
                DeployOutcome.Declined => "declined: " + result.Changes,
                DeployOutcome.Interrupted => "interrupted",
                _ => "failed",
            };
            text.Append("stack ").Append(result.Stack).Append(": ").Append(verdict).Append('\n');
            if (result.Why is { } why && result.Outcome != DeployOutcome.Applied)
                text.Append("  ").Append(why.Replace("\n", "\n  ", StringComparison.Ordinal)).Append('\n');
            if (result.Outcome == DeployOutcome.GateFailed && result.Review is { } review)
                text.Append(ReviewText.Write(review, result.Stack));
        }
        var stoppedAt = results.LastOrDefault(r => r.Outcome is not (DeployOutcome.Applied or DeployOutcome.NoChanges));
        text.Append(stoppedAt is null
            ? $"{(destroy ? "destroyed" : "deployed")} {results.Count} of {total} stack(s)\n"
            : $"stopped at stack {stoppedAt.Stack}: {results.Count - 1} of {total} stack(s) {(destroy ? "destroyed" : "deployed")} before it; the rest were not touched\n");
        return text.ToString();
    }
}
