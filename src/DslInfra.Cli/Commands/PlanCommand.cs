using System.CommandLine;
using System.Text;
using System.Text.Json.Nodes;
using DslInfra.Cli.Offline;
using DslInfra.Cli.Output;
using DslInfra.Cli.Review;
using DslInfra.Offline.Planning;

namespace DslInfra.Cli.Commands;

/// <summary>dslinfra plan [project|artifacts]: real Terraform's plan of every stack, offline, and the review gate's verdict on it.</summary>
internal static class PlanCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var path = new Argument<string>("path")
        {
            Description = "A project (or its folder) to build first, an artifacts folder (bin/Debug/<framework>/infra), or one stack's folder.",
            DefaultValueFactory = _ => ".",
        };
        var stacks = new Option<string[]>("--stack", "-s") { Description = "Plan only these stacks (the stacks they read are stubbed from their own plans when planned too).", AllowMultipleArgumentsPerToken = true };
        var environment = EnvironmentOption("Plan only these environments (default: every environment the stacks declare, each reading its own stacks).");
        var against = new Option<string?>("--against") { Description = "A previous build's artifacts: applied into a scratch state first, so the plan shows what this change replaces, moves or destroys." };
        var terraform = new Option<string?>("--terraform") { Description = "The terraform executable (1.5 or later; default: terraform on PATH)." };
        var allow = new Option<string[]>("--allow") { Description = "An address whose violation is deliberate (as in review).", AllowMultipleArgumentsPerToken = true };
        var keep = new Option<string?>("--keep") { Description = "Keep the scratch folder (each stack's copy, state, plan.json) here instead of deleting it." };
        var configuration = new Option<string>("--configuration", "-c") { Description = "The build configuration, when building a project.", DefaultValueFactory = _ => "Debug" };
        var format = CommandOutput.Format(OutputFormat.Text, OutputFormat.Markdown, OutputFormat.Json);
        var file = CommandOutput.File();
        var command = new Command("plan", "Plan every stack with your terraform against providers played offline from the schemas DslInfra ships (no cloud account, no credentials, no provider download), in dependency order, and gate each plan as review does. Exit codes as review: 0 passed, 1 a violation, 2 bad input or a stack that does not validate.")
        {
            path, stacks, environment, against, terraform, allow, keep, configuration, format, file,
        };
        command.SetAction(parse => CommandOutput.Guard(error, () =>
        {
            var terraformPath = OfflinePlanner.FindTerraform(parse.GetValue(terraform));
            var current = Discover(parse.GetValue(path)!, parse.GetValue(configuration)!, error);
            if (parse.GetValue(stacks) is { Length: > 0 } chosen)
            {
                var missing = chosen.Where(s => current.All(c => c.Name != s)).ToList();
                if (missing.Count > 0)
                    throw new InputException($"no stack named {string.Join(", ", missing)} (stacks: {string.Join(", ", current.Select(c => c.Name).Distinct())}).");
                current = current.Where(c => chosen.Contains(c.Name)).ToList();
            }
            current = ChooseEnvironments(current, parse.GetValue(environment));
            var previous = parse.GetValue(against) is { } before ? Discover(before, parse.GetValue(configuration)!, error) : null;
            var scratch = parse.GetValue(keep) is { } kept ? Path.GetFullPath(kept) : Directory.CreateTempSubdirectory("dslinfra-plan-").FullName;
            Directory.CreateDirectory(scratch);
            try
            {
                var allowed = new HashSet<string>(parse.GetValue(allow) ?? [], StringComparer.Ordinal);
                var outcomes = OfflinePlanner.RunAsync(current.Select(c => c.Input).ToList(), previous?.Select(p => p.Input).ToList(), terraformPath, scratch, error)
                    .GetAwaiter().GetResult();
                var results = outcomes.Select(o => StackPlan.From(o, current.Single(c => c.Qualified == o.Stack), allowed)).ToList();
                var report = CommandOutput.FormatOf(parse.GetValue(format)) switch
                {
                    OutputFormat.Markdown => Markdown(results),
                    OutputFormat.Json => Json(results),
                    _ => Text(results),
                };
                CommandOutput.Emit(report, parse.GetValue(file), output);
                if (results.FirstOrDefault(r => r.Failure is not null) is { } failed)
                {
                    error.WriteLine($"dslinfra plan: stack '{failed.Stack}': {failed.Failure}.");
                    return Program.BadInput;
                }
                return results.All(r => r.Passed) ? Program.Pass : Program.Violation;
            }
            finally
            {
                if (parse.GetValue(keep) is null)
                    TryDelete(scratch);
            }
        }));
        return command;
    }

    /// <summary>The stacks under <paramref name="path"/>: one stack's folder, an artifacts folder, or a project built first.</summary>
    internal static List<StackSource> Discover(string path, string configuration, TextWriter error)
    {
        if (File.Exists(path) && path.EndsWith("proj", StringComparison.OrdinalIgnoreCase)
            || Directory.Exists(path) && Directory.EnumerateFiles(path, "*.csproj").Any() && !File.Exists(Path.Combine(path, "main.tf.json")))
        {
            var build = SynthCommand.Build(path, configuration, error);
            if (build.ExitCode != 0)
                throw new InputException($"{path}: the build failed{(build.Diagnostics.Count > 0 ? ": " + build.Diagnostics.First() : "")}; fix it first (dotnet build shows every error).");
            if (build.Folders.Count == 0)
                throw new InputException($"{path}: the build wrote no DslInfra artifacts: does the project reference DslInfra and declare a [Stack]?");
            return build.Folders.Distinct().SelectMany(f => Discover(f, configuration, error)).ToList();
        }
        if (!Directory.Exists(path))
            throw new InputException($"{path}: no such project or artifacts folder.");
        var folders = File.Exists(Path.Combine(path, "main.tf.json"))
            ? [path]
            : Directory.GetDirectories(path).Where(d => File.Exists(Path.Combine(d, "main.tf.json"))).Order(StringComparer.Ordinal).ToList();
        // Stacks with [Environments] are written to <environment>/<stack>/: one more level.
        if (folders.Count == 0)
            folders = Directory.GetDirectories(path).Order(StringComparer.Ordinal)
                .SelectMany(e => Directory.GetDirectories(e).Where(d => File.Exists(Path.Combine(d, "main.tf.json"))).Order(StringComparer.Ordinal)).ToList();
        if (folders.Count == 0)
            throw new InputException($"{path}: no stack artifacts here (a folder holding main.tf.json, or folders of them).");
        return folders.Select(folder =>
        {
            var manifestPath = Path.Combine(folder, ArtifactContract.ManifestFile);
            var manifest = File.Exists(manifestPath) ? Manifest.Load([manifestPath]) : Manifest.Empty;
            var stack = manifest.Stacks.FirstOrDefault();
            return new StackSource(stack?.Name ?? Path.GetFileName(Path.GetFullPath(folder)), Path.GetFullPath(folder), manifest, stack?.ReadsStacks ?? [], stack?.Environment);
        }).ToList();
    }

    /// <summary>--env: the environments to work on, each name checked against what the stacks declare.</summary>
    internal static Option<string[]> EnvironmentOption(string description) =>
        new("--env", "-e") { Description = description, AllowMultipleArgumentsPerToken = true };

    /// <summary>The stacks of the chosen environments (all when none is chosen); an unknown environment is bad input.</summary>
    internal static List<StackSource> ChooseEnvironments(List<StackSource> sources, string[]? chosen)
    {
        if (chosen is not { Length: > 0 })
            return sources;
        var known = sources.Where(s => s.Environment is not null).Select(s => s.Environment!).Distinct().ToList();
        if (known.Count == 0)
            throw new InputException("--env: these stacks declare no environments (add [Environments(\"dev\", \"prod\")] to a stack).");
        var unknown = chosen.Where(e => !known.Contains(e)).ToList();
        if (unknown.Count > 0)
            throw new InputException($"no environment named {string.Join(", ", unknown)} (environments: {string.Join(", ", known)}).");
        return sources.Where(s => s.Environment is not null && chosen.Contains(s.Environment)).ToList();
    }

    /// <summary>The environments of the stacks in deployment order (as [Environments] lists them), then any others.</summary>
    internal static List<string?> EnvironmentOrder(IReadOnlyList<StackSource> sources)
    {
        var declared = sources.SelectMany(s => s.Manifest.Stacks.FirstOrDefault()?.Environments ?? []).Distinct().ToList();
        var present = sources.Select(s => s.Environment).Distinct().ToList();
        return [.. declared.Where(e => present.Contains(e)).Select(e => (string?)e), .. present.Where(e => e is null || !declared.Contains(e))];
    }

    private static string Text(IReadOnlyList<StackPlan> results)
    {
        var text = new StringBuilder();
        foreach (var result in results)
        {
            // No times here: the report is the same for the same plan (they are on stderr, with the progress).
            text.Append("== stack ").Append(result.Stack).Append('\n');
            foreach (var diagnostic in result.Diagnostics)
                text.Append("  ").Append(diagnostic).Append('\n');
            if (result.Failure is not null)
                text.Append("  not planned: ").Append(result.Failure).Append('\n');
            else if (result.Review is { } review)
                text.Append(ReviewText.Write(review, result.Stack + " (offline plan)"));
        }
        return text.ToString();
    }

    private static string Markdown(IReadOnlyList<StackPlan> results)
    {
        var text = new StringBuilder("# dslinfra plan (offline)\n\n");
        foreach (var result in results)
        {
            text.Append("## Stack `").Append(ReviewMarkdown.Cell(result.Stack)).Append("`\n\n");
            foreach (var diagnostic in result.Diagnostics)
                text.Append("- ").Append(ReviewMarkdown.Prose(diagnostic)).Append('\n');
            if (result.Failure is not null)
                text.Append("\n**Not planned:** ").Append(ReviewMarkdown.Prose(result.Failure)).Append("\n\n");
            else if (result.Review is { } review)
                text.Append(ReviewMarkdown.Write(review)).Append('\n');
        }
        return text.ToString();
    }

    private static string Json(IReadOnlyList<StackPlan> results)
    {
        var stacks = new JsonArray();
        foreach (var result in results)
            stacks.Add(new JsonObject
            {
                ["stack"] = result.Stack,
                ["passed"] = result.Passed,
                ["failure"] = result.Failure,
                ["diagnostics"] = new JsonArray(result.Diagnostics.Select(d => (JsonNode?)JsonValue.Create(d)).ToArray()),
                ["review"] = result.Review is { } review ? JsonNode.Parse(ReviewJson.Write(review)) : null,
            });
        return new JsonObject { ["format_version"] = "1", ["stacks"] = stacks }.ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true }) + "\n";
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
