using System.CommandLine;
using DslInfra.Cli.Output;
using DslInfra.Cli.Plans;
using DslInfra.Cli.Review;

namespace DslInfra.Cli.Commands;

/// <summary>dslinfra review plan.json: the gate on Terraform's own plan.</summary>
internal static class ReviewCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var plan = new Argument<string>("plan") { Description = "The plan as JSON: terraform show -json plan.tfplan > plan.json" };
        var manifests = new Option<string[]>("--manifest", "-m")
        {
            Description = "A DslInfra manifest.json, or a folder of them: which resources are replace-only and where each was declared. Without one, every in-place update fails the gate.",
            AllowMultipleArgumentsPerToken = true,
        };
        var allow = new Option<string[]>("--allow")
        {
            Description = "An address whose violation is deliberate; it is reported as allowed and does not fail the gate.",
            AllowMultipleArgumentsPerToken = true,
        };
        var sourceRoot = new Option<string>("--source-root")
        {
            Description = "Prefix for the manifest's source paths in SARIF, so they are relative to the repository root (e.g. samples/WebService).",
            DefaultValueFactory = _ => "",
        };
        var failOnDrift = new Option<bool>("--fail-on-drift")
        {
            Description = "Fail (exit 1) when a managed resource drifted: changed outside Terraform, as a -refresh-only plan or a plan's resource_drift shows. --allow excuses an address. The report prints the terraform apply -replace=… that replaces what drifted.",
        };
        var format = CommandOutput.Format(OutputFormat.Text, OutputFormat.Markdown, OutputFormat.Json, OutputFormat.Sarif);
        var file = CommandOutput.File();
        var command = new Command("review", "Classify every change in a Terraform plan and fail (exit 1) on an in-place update of an immutable resource or a destroy-before-create of one that serves traffic, on destroying or replacing state, and (with --fail-on-drift) on drift.")
        {
            plan, manifests, allow, failOnDrift, sourceRoot, format, file,
        };
        command.SetAction(parse => CommandOutput.Guard(error, () =>
        {
            var planPath = parse.GetValue(plan)!;
            var manifest = parse.GetValue(manifests) is { Length: > 0 } paths ? Manifest.Load(paths) : Manifest.Empty;
            var allowed = new HashSet<string>(parse.GetValue(allow) ?? [], StringComparer.Ordinal);
            var result = PlanReview.Review(PlanReader.Read(planPath), manifest, allowed, parse.GetValue(failOnDrift));
            var chosen = CommandOutput.FormatOf(parse.GetValue(format));
            if (chosen == OutputFormat.Text && parse.GetValue(file) is null && CommandOutput.IsTerminal(output))
            {
                ReviewConsole.Write(result, planPath);
                return result.Passed ? Program.Pass : Program.Violation;
            }
            var report = CommandOutput.FormatOf(parse.GetValue(format)) switch
            {
                OutputFormat.Markdown => ReviewMarkdown.Write(result),
                OutputFormat.Json => ReviewJson.Write(result),
                OutputFormat.Sarif => ReviewSarif.Write(result, planPath, parse.GetValue(sourceRoot) ?? ""),
                _ => ReviewText.Write(result, planPath),
            };
            CommandOutput.Emit(report, parse.GetValue(file), output);
            if (parse.GetValue(file) is not null || CommandOutput.FormatOf(parse.GetValue(format)) != OutputFormat.Text)
                error.WriteLine(result.Passed ? "dslinfra review: passed" : "dslinfra review: FAILED");
            return result.Passed ? Program.Pass : Program.Violation;
        }));
        return command;
    }
}
