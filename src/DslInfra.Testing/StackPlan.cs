using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using System.Reflection;
using System.Text.Json;
using DslInfra.Offline.Planning;

namespace DslInfra.Testing;

/// <summary>
/// A stack's plan by real Terraform, offline: the artifacts the build embedded in the stack's assembly, planned by the
/// terraform on PATH against providers played from the schemas DslInfra ships (no cloud account, no credentials, no
/// download). Stacks whose outputs it reads are stood in for by placeholders.
/// </summary>
/// <example><code>
/// var plan = await StackPlan.Of(typeof(WebStack)); // a stack is a static class: typeof, not a type argument
/// Assert.True(plan["aws_launch_template.web"].Creates);
/// Assert.Contains("aws_vpc.main", plan["aws_subnet.public_0"].References("vpc_id"));
/// </code></example>
public sealed class StackPlan
{
    private readonly Dictionary<string, PlannedResource> byAddress;

    private StackPlan(string stack, string json, IReadOnlyList<PlanDiagnostic> diagnostics)
    {
        Stack = stack;
        Json = json;
        Diagnostics = diagnostics;
        using var document = JsonDocument.Parse(json);
        var configured = Configured(document.RootElement);
        var resources = new List<PlannedResource>();
        if (document.RootElement.TryGetProperty("resource_changes", out var changes))
            foreach (var change in changes.EnumerateArray())
            {
                var address = change.GetProperty("address").GetString()!;
                var configAddress = change.TryGetProperty("index", out _) ? address[..address.LastIndexOf('[')] : address;
                resources.Add(new PlannedResource(change.Clone(), configured.GetValueOrDefault(configAddress)));
            }
        Resources = resources;
        byAddress = resources.ToDictionary(r => r.Address, StringComparer.Ordinal);
    }

    /// <summary>The stack's name (its [Stack] attribute).</summary>
    public string Stack { get; }

    /// <summary>The plan as Terraform shows it (terraform show -json).</summary>
    public string Json { get; }

    /// <summary>Terraform's warnings (a stack that does not plan throws <see cref="StackPlanException"/> with its errors).</summary>
    public IReadOnlyList<PlanDiagnostic> Diagnostics { get; }

    /// <summary>Every resource and data source Terraform plans, in its order.</summary>
    public IReadOnlyList<PlannedResource> Resources { get; }

    /// <summary>The resource at <paramref name="address"/> (aws_subnet.public_0, aws_route53_record.validation["www.example.com"]).</summary>
    public PlannedResource this[string address] => byAddress.TryGetValue(address, out var resource)
        ? resource
        : throw new KeyNotFoundException($"the plan of stack '{Stack}' has no {address}; it has {string.Join(", ", byAddress.Keys.Take(20))}{(byAddress.Count > 20 ? ", …" : "")}");

    /// <summary>Plans the stack declared by <typeparamref name="TStack"/> (a non-static class; for a static one, <see cref="Of(Type, StackPlanOptions?, CancellationToken)"/>).</summary>
    public static Task<StackPlan> Of<TStack>(StackPlanOptions? options = null) => Of(typeof(TStack), options);

    /// <summary>Plans the stack declared by <paramref name="stack"/> (a class with [Stack]).</summary>
    public static async Task<StackPlan> Of(Type stack, StackPlanOptions? options = null, CancellationToken cancellation = default)
    {
        options ??= new StackPlanOptions();
        var name = stack.GetCustomAttribute<StackAttribute>()?.Name
            ?? throw new ArgumentException($"{stack.FullName} has no [Stack] attribute: pass the class that declares the stack.", nameof(stack));
        var artifacts = stack.Assembly.GetCustomAttributes<StackArtifactAttribute>().Where(a => a.Stack == name).ToList();
        if (artifacts.Count == 0)
            throw new StackPlanException($"{stack.Assembly.GetName().Name} carries no artifacts for stack '{name}': does its project reference DslInfra (the generator), and does the stack build without DI errors?", []);
        var scratch = options.KeepIn is { } keep ? Path.GetFullPath(keep) : Directory.CreateTempSubdirectory("dslinfra-stackplan-").FullName;
        try
        {
            var folder = Path.Combine(scratch, "artifacts", name);
            foreach (var artifact in artifacts)
            {
                var path = Path.GetFullPath(Path.Combine(folder, artifact.Path));
                if (!path.StartsWith(Path.GetFullPath(folder) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
                    throw new StackPlanException($"stack '{name}' has an artifact outside its folder: {artifact.Path}", []);
                Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                await File.WriteAllTextAsync(path, artifact.Content, cancellation);
            }
            var terraform = OfflinePlanner.FindTerraform(options.Terraform);
            var input = new StackInput(name, folder, ReadsStacks(artifacts));
            var outcome = (await OfflinePlanner.RunAsync([input], null, terraform, scratch, options.Progress ?? TextWriter.Null, cancellation)).Single();
            if (!outcome.Planned)
                throw new StackPlanException($"stack '{name}' does not plan: {outcome.Failure}", outcome.Diagnostics);
            return new StackPlan(name, await File.ReadAllTextAsync(outcome.PlanJson!, cancellation), outcome.Diagnostics);
        }
        catch (OfflinePlanException exception)
        {
            throw new StackPlanException(exception.Message, []);
        }
        finally
        {
            if (options.KeepIn is null)
                TryDelete(scratch);
        }
    }

    private static IReadOnlyList<string> ReadsStacks(IEnumerable<StackArtifactAttribute> artifacts)
    {
        var manifest = artifacts.FirstOrDefault(a => a.Path == "manifest.json");
        if (manifest is null)
            return [];
        using var document = JsonDocument.Parse(manifest.Content);
        return document.RootElement.TryGetProperty("reads_stacks", out var reads) && reads.ValueKind == JsonValueKind.Array
            ? reads.EnumerateArray().Select(r => r.GetString() ?? "").Where(r => r.Length > 0).ToList()
            : [];
    }

    /// <summary>Each configured resource's expressions, by address, from the plan's configuration (root module).</summary>
    private static Dictionary<string, JsonElement> Configured(JsonElement plan)
    {
        var configured = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        if (plan.TryGetProperty("configuration", out var configuration) && configuration.TryGetProperty("root_module", out var root)
            && root.TryGetProperty("resources", out var resources))
            foreach (var resource in resources.EnumerateArray())
                configured[resource.GetProperty("address").GetString()!] = resource.Clone();
        return configured;
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

/// <summary>How <see cref="StackPlan.Of{TStack}"/> runs.</summary>
/// <param name="Terraform">The terraform executable (1.5 or later); default: terraform on PATH.</param>
/// <param name="KeepIn">Keep the scratch folder (artifacts, state, plan.json) here; default: a temporary folder, deleted.</param>
/// <param name="Progress">Where Terraform's steps are reported, a line each; default: nowhere.</param>
public sealed record StackPlanOptions(string? Terraform = null, string? KeepIn = null, TextWriter? Progress = null);

/// <summary>A stack that could not be planned: why, and Terraform's diagnostics.</summary>
public sealed class StackPlanException(string message, IReadOnlyList<PlanDiagnostic> diagnostics)
    : Exception(diagnostics.Count == 0 ? message : message + Environment.NewLine + string.Join(Environment.NewLine,
        diagnostics.Select(d => $"  {(d.IsError ? "error" : "warning")}: {d.Summary}{(d.Detail.Length > 0 ? ": " + d.Detail : "")}{(d.Address is null ? "" : $" [{d.Address}]")}")))
{
    /// <summary>Terraform's diagnostics, each with the address of its block when known.</summary>
    public IReadOnlyList<PlanDiagnostic> Diagnostics { get; } = diagnostics;
}
