using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace DslInfra.Offline.Planning;

/// <summary>
/// Plans stacks with the user's terraform against the offline providers, one at a time in dependency order: each
/// stack's planned outputs become the stub state of the stacks that read them. With a previous build, that build is
/// applied into the scratch state first, so the plan shows what this change would do to what is deployed.
/// </summary>
public static partial class OfflinePlanner
{
    /// <summary>The terraform to run (<paramref name="given"/>, else the one on PATH); OfflinePlanException when none is usable.</summary>
    public static string FindTerraform(string? given) => Terraform.Find(given).Path;

    /// <summary>
    /// Plans <paramref name="stacks"/> (after <paramref name="previous"/> is applied, when given) in <paramref name="scratch"/>,
    /// which it fills with each stack's copy, state and plan.json; progress, a line per step, goes to <paramref name="progress"/>.
    /// </summary>
    public static async Task<IReadOnlyList<StackOutcome>> RunAsync(IReadOnlyList<StackInput> stacks, IReadOnlyList<StackInput>? previous, string terraformPath,
        string scratch, TextWriter progress, CancellationToken cancellation = default)
    {
        foreach (var stack in stacks.Concat(previous ?? []))
            StackWorkspace.ReadConfiguration(stack.Folder); // garbage is one line before anything starts
        Directory.CreateDirectory(scratch);
        var ordered = Order(stacks);
        var providers = ordered.Concat(previous ?? []).SelectMany(s => Providers(s.Folder)).Distinct(StringComparer.Ordinal).ToList();
        var unknown = providers.Where(p => !OfflineProviders.Bundled.Contains(p)).ToList();
        if (unknown.Count > 0)
            throw new OfflinePlanException($"the stacks need provider(s) {string.Join(", ", unknown)}, whose schemas do not ship with DslInfra; offline plans serve {string.Join(", ", OfflineProviders.Bundled)}.");
        // Sockets in a short folder of their own: a Unix socket's path is limited to about 100 bytes, a kept scratch folder's is not.
        var sockets = Directory.CreateTempSubdirectory("dslinfra-sock-").FullName;
        try
        {
            return await RunWithServers(previous, terraformPath, scratch, progress, ordered, providers, sockets, cancellation);
        }
        finally
        {
            try
            {
                Directory.Delete(sockets, recursive: true);
            }
            catch (IOException)
            {
            }
        }
    }

    private static async Task<IReadOnlyList<StackOutcome>> RunWithServers(IReadOnlyList<StackInput>? previous, string terraformPath,
        string scratch, TextWriter progress, List<StackInput> ordered, List<string> providers, string sockets, CancellationToken cancellation)
    {
        var started = Stopwatch.StartNew();
        await using var servers = await OfflineProviders.StartAsync(providers, sockets, cancellation);
        var cliConfig = Path.Combine(scratch, "terraform.rc");
        await File.WriteAllTextAsync(cliConfig, "# dslinfra plan: no provider installation settings, no credentials.\n", cancellation);
        var terraform = new Terraform(terraformPath, servers.ReattachJson, cliConfig, TimeSpan.FromMinutes(10));
        progress.WriteLine($"dslinfra plan: offline providers {(providers.Count == 0 ? "(none needed)" : string.Join(", ", providers))} ready ({started.Elapsed.TotalSeconds:0.0} s)");

        var outputs = new Dictionary<string, JsonObject>(StringComparer.Ordinal);
        var results = new List<StackOutcome>();
        foreach (var stack in ordered)
        {
            cancellation.ThrowIfCancellationRequested();
            var clock = Stopwatch.StartNew();
            var state = Path.Combine(scratch, "state", stack.Name + ".tfstate");
            Directory.CreateDirectory(Path.GetDirectoryName(state)!);
            // A stack of an environment (dev/app) reads the stacks of its own environment (dev/network).
            string Stub(string producer, IEnumerable<string> names)
            {
                var slash = stack.Name.LastIndexOf('/');
                var qualified = slash > 0 ? stack.Name.Substring(0, slash + 1) + producer : producer;
                return StubState(scratch, qualified, names, outputs.GetValueOrDefault(qualified));
            }
            StackOutcome? result = null;
            if (previous?.FirstOrDefault(p => p.Name == stack.Name) is { } before)
            {
                progress.WriteLine($"dslinfra plan: {stack.Name}: applying the previous build into a scratch state…");
                var old = StackWorkspace.Prepare(stack.Name, before.Folder, Path.Combine(scratch, "before", stack.Name), state, Stub);
                result = Failed(terraform, old, stack, clock, "init", "-input=false", "-no-color")
                    ?? Failed(terraform, old, stack, clock, "apply", "-auto-approve", "-input=false", "-refresh=false", "-no-color", "-lock=false");
                if (result is not null)
                    result = result with { Failure = "the previous build: " + result.Failure };
            }
            result ??= PlanOne(terraform, stack, state, scratch, Stub, progress, clock);
            if (result.PlanJson is { } planJson)
                outputs[stack.Name] = PlannedOutputs(planJson);
            results.Add(result);
            progress.WriteLine($"dslinfra plan: {stack.Name}: {(result.Failure is null ? "planned" : "failed")} in {clock.Elapsed.TotalSeconds:0.0} s ({result.Timings})");
        }
        using var self = Process.GetCurrentProcess();
        progress.WriteLine($"dslinfra plan: {results.Count} stack(s) in {started.Elapsed.TotalSeconds:0.0} s; peak memory of dslinfra and its provider servers {self.PeakWorkingSet64 >> 20} MB");
        return results;
    }

    private static StackOutcome PlanOne(Terraform terraform, StackInput stack, string state, string scratch, Func<string, IEnumerable<string>, string> stub,
        TextWriter progress, Stopwatch clock)
    {
        var workspace = StackWorkspace.Prepare(stack.Name, stack.Folder, Path.Combine(scratch, "after", stack.Name), state, stub);
        progress.WriteLine($"dslinfra plan: {stack.Name}: terraform init, validate, plan…");
        if (Failed(terraform, workspace, stack, clock, "init", "-input=false", "-no-color") is { } initFailure)
            return initFailure;
        var (_, validate) = terraform.Run(workspace.Folder, "validate", "-json", "-no-color");
        var locator = BlockLocator.Of(Path.Combine(workspace.Folder, "main.tf.json"));
        var diagnostics = Diagnostics(validate, locator).ToList();
        if (diagnostics.Any(d => d.IsError))
            return Outcome(terraform, stack, null, diagnostics, "terraform validate reported errors", clock);
        var (planCode, planOutput) = terraform.Run(workspace.Folder, "plan", "-input=false", "-refresh=false", "-lock=false", "-json", "-out=offline.tfplan");
        diagnostics.AddRange(PlanDiagnostics(planOutput, locator));
        if (planCode != 0)
            return Outcome(terraform, stack, null, diagnostics, "terraform plan failed", clock);
        var (showCode, json) = terraform.Run(workspace.Folder, "show", "-json", "offline.tfplan");
        if (showCode != 0)
            return Outcome(terraform, stack, null, [new PlanDiagnostic(true, "terraform show -json failed", json.Trim(), null)], "terraform show -json failed", clock);
        var planJson = Path.Combine(workspace.Folder, "plan.json");
        File.WriteAllText(planJson, json);
        return Outcome(terraform, stack, planJson, diagnostics, null, clock);
    }

    private static StackOutcome Outcome(Terraform terraform, StackInput stack, string? planJson, IReadOnlyList<PlanDiagnostic> diagnostics, string? failure, Stopwatch clock) =>
        new(stack.Name, planJson, diagnostics, failure, clock.Elapsed, terraform.TakeTimings());

    private static StackOutcome? Failed(Terraform terraform, StackWorkspace workspace, StackInput stack, Stopwatch clock, params string[] arguments)
    {
        var (code, output) = terraform.Run(workspace.Folder, arguments);
        if (code == 0)
            return null;
        var lines = output.Split('\n').Select(l => l.Trim('│', ' ', '\r')).Where(l => l.StartsWith("Error", StringComparison.Ordinal)).ToList();
        var diagnostics = (lines.Count > 0 ? lines : [output.Trim()]).Select(l => new PlanDiagnostic(true, l, "", null)).ToList();
        return Outcome(terraform, stack, null, diagnostics, $"terraform {arguments[0]} failed", clock);
    }

    /// <summary>validate -json's diagnostics.</summary>
    private static IEnumerable<PlanDiagnostic> Diagnostics(string validateJson, BlockLocator locator)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(validateJson);
        }
        catch (JsonException)
        {
            yield break;
        }
        foreach (var diagnostic in root?["diagnostics"] as JsonArray ?? [])
            if (diagnostic is JsonObject d)
                yield return Describe(d, locator);
    }

    /// <summary>plan -json's machine-readable stream: its "diagnostic" messages.</summary>
    private static IEnumerable<PlanDiagnostic> PlanDiagnostics(string stream, BlockLocator locator)
    {
        foreach (var line in stream.Split('\n'))
        {
            if (!line.StartsWith('{'))
                continue;
            JsonObject? message;
            try
            {
                message = JsonNode.Parse(line) as JsonObject;
            }
            catch (JsonException)
            {
                continue;
            }
            if ((string?)message?["type"] == "diagnostic" && message["diagnostic"] is JsonObject diagnostic)
                yield return Describe(diagnostic, locator);
        }
    }

    private static PlanDiagnostic Describe(JsonObject diagnostic, BlockLocator locator)
    {
        var context = (string?)diagnostic["snippet"]?["context"] ?? "";
        var address = (string?)diagnostic["address"] ?? (BlockHeader().Match(context) is { Success: true } header
            ? (header.Groups["kind"].Value switch { "data" => "data.", "ephemeral" => "ephemeral.", _ => "" }) + header.Groups["type"].Value + "." + header.Groups["name"].Value
            : (string?)diagnostic["range"]?["filename"] == "main.tf.json" && (long?)diagnostic["range"]?["start"]?["byte"] is { } offset ? locator.AddressAt(offset) : null);
        return new PlanDiagnostic((string?)diagnostic["severity"] != "warning", (string?)diagnostic["summary"] ?? "",
            ((string?)diagnostic["detail"] ?? "").Replace('\n', ' ').Trim(), address);
    }

    /// <summary>A planned stack's outputs as a state's outputs: known values as they are, unknown ones left out.</summary>
    private static JsonObject PlannedOutputs(string planJson)
    {
        var outputs = new JsonObject();
        using var document = JsonDocument.Parse(File.ReadAllText(planJson));
        if (document.RootElement.TryGetProperty("planned_values", out var planned) && planned.TryGetProperty("outputs", out var values))
            foreach (var output in values.EnumerateObject())
                if (output.Value.TryGetProperty("value", out var value))
                    outputs[output.Name] = JsonNode.Parse(value.GetRawText());
        return outputs;
    }

    /// <summary>A state file (format 4) holding a producer stack's outputs for the stacks that read them.</summary>
    private static string StubState(string scratch, string producer, IEnumerable<string> names, JsonObject? planned)
    {
        var outputs = new JsonObject();
        foreach (var name in names.Concat(planned?.Select(p => p.Key) ?? []).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal))
        {
            var value = planned?[name]?.DeepClone() ?? VariablePlaceholders.ForOutput(name);
            outputs[name] = new JsonObject { ["value"] = value, ["type"] = TypeOf(value) };
        }
        var state = new JsonObject
        {
            ["version"] = 4,
            ["terraform_version"] = "1.5.0",
            ["serial"] = 1,
            ["lineage"] = "dslinfra-offline-" + producer,
            ["outputs"] = outputs,
            ["resources"] = new JsonArray(),
        };
        var path = Path.Combine(scratch, "stubs", producer + ".tfstate");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, state.ToJsonString());
        return path;
    }

    /// <summary>The type of a JSON value as a state file writes it (tuples and objects, as Terraform infers them).</summary>
    private static JsonNode TypeOf(JsonNode? value) => value switch
    {
        JsonValue v when v.GetValueKind() == JsonValueKind.String => "string",
        JsonValue v when v.GetValueKind() == JsonValueKind.Number => "number",
        JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => "bool",
        JsonArray array => new JsonArray("tuple", new JsonArray(array.Select(TypeOf).ToArray())),
        JsonObject obj => new JsonArray("object", new JsonObject(obj.Select(e => KeyValuePair.Create(e.Key, (JsonNode?)TypeOf(e.Value))))),
        _ => "string",
    };

    /// <summary>Stacks in an order where each comes after the stacks it reads (by name where free to choose).</summary>
    public static List<StackInput> Order(IReadOnlyList<StackInput> stacks)
    {
        var byName = stacks.ToDictionary(s => s.Name, StringComparer.Ordinal);
        var ordered = new List<StackInput>();
        var visiting = new HashSet<string>(StringComparer.Ordinal);
        var done = new HashSet<string>(StringComparer.Ordinal);
        void Visit(StackInput stack)
        {
            if (done.Contains(stack.Name))
                return;
            if (!visiting.Add(stack.Name))
                throw new OfflinePlanException($"stacks read each other's outputs in a cycle through '{stack.Name}': none of them can be planned first.");
            foreach (var read in stack.ReadsStacks.Order(StringComparer.Ordinal))
                if (byName.TryGetValue(read, out var producer))
                    Visit(producer);
            visiting.Remove(stack.Name);
            done.Add(stack.Name);
            ordered.Add(stack);
        }
        foreach (var stack in stacks.OrderBy(s => s.Name, StringComparer.Ordinal))
            Visit(stack);
        return ordered;
    }

    /// <summary>
    /// The providers a stack's configuration needs, as the offline server would serve them: a hashicorp provider by its
    /// type name (aws), any other by its source (integrations/github), Terraform's built-in one left out. Required
    /// providers count, and so do providers only implied by a resource type's prefix (null_resource needs hashicorp/null).
    /// </summary>
    private static IEnumerable<string> Providers(string folder)
    {
        var configuration = StackWorkspace.ReadConfiguration(folder);
        var sources = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (local, requirement) in configuration["terraform"]?["required_providers"] as JsonObject ?? [])
            sources[local] = (requirement as JsonObject)?["source"] is JsonValue source && source.TryGetValue<string>(out var text) ? text : "hashicorp/" + local;
        var locals = new HashSet<string>(sources.Keys, StringComparer.Ordinal);
        foreach (var kind in new[] { "resource", "data", "ephemeral" })
            foreach (var (type, _) in configuration[kind] as JsonObject ?? [])
                locals.Add(type.Split('_')[0]);
        foreach (var (local, _) in configuration["provider"] as JsonObject ?? [])
            locals.Add(local);
        foreach (var local in locals)
        {
            var source = sources.GetValueOrDefault(local) ?? "hashicorp/" + local;
            var parts = source.Split('/');
            var (ns, name) = (parts.Length >= 2 ? parts[^2] : "hashicorp", parts[^1]);
            if (name == "terraform" && (ns is "hashicorp" or "builtin" || source.StartsWith("terraform.io/builtin", StringComparison.Ordinal)))
                continue;
            yield return ns == "hashicorp" ? name : source;
        }
    }

    [GeneratedRegex(@"^(?<kind>resource|data|ephemeral) ""(?<type>[^""]+)"" ""(?<name>[^""]+)""", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 1000)]
    private static partial Regex BlockHeader();
}
