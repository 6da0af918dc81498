using DslInfra.Offline.Planning;
using System.Text.Json;

namespace DslInfra.Generators.Tests;

/// <summary>
/// Real Terraform (1.11.4 on PATH) on generated main.tf.json, offline, against DslInfra's own provider server (the
/// engine of `dslinfra plan`): init, validate, plan and show; the plan's configuration says which references
/// Terraform itself sees.
/// </summary>
internal static class RealTerraform
{
    /// <summary>Validates and plans the stack; returns Terraform's references per resource address (from the plan's configuration).</summary>
    public static Dictionary<string, HashSet<string>> PlanReferences(string terraformJson) => Check(terraformJson, plan =>
    {
        using var document = JsonDocument.Parse(File.ReadAllText(plan));
        var references = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var resource in document.RootElement.GetProperty("configuration").GetProperty("root_module").GetProperty("resources").EnumerateArray())
        {
            var found = references[resource.GetProperty("address").GetString()!] = new HashSet<string>(StringComparer.Ordinal);
            DslInfra.Offline.Planning.PlanReferences.Collect(resource, found);
        }
        return references;
    });

    /// <summary>Validates and plans the stack (the offline providers now plan what the aws provider knows at plan time, such as ACM's validation options).</summary>
    public static void Validates(string terraformJson) => Check(terraformJson, _ => true);

    /// <summary>Plans a folder holding main.tf.json: the plan.json path, or a failed assertion with Terraform's diagnostics.</summary>
    public static string Plan(string folder, string scratch)
    {
        var terraform = OfflinePlanner.FindTerraform(null);
        var outcome = OfflinePlanner.RunAsync([new StackInput("stack", folder, [])], null, terraform, scratch, TextWriter.Null).GetAwaiter().GetResult().Single();
        Assert.True(outcome.Planned, $"real Terraform did not plan the stack: {outcome.Failure}\n"
            + string.Join("\n", outcome.Diagnostics.Select(d => $"  {(d.IsError ? "error" : "warning")}: {d.Summary}: {d.Detail} [{d.Address}]"))
            + "\n" + File.ReadAllText(Path.Combine(folder, "main.tf.json")));
        return outcome.PlanJson!;
    }

    private static T Check<T>(string terraformJson, Func<string, T> read)
    {
        var work = Directory.CreateTempSubdirectory("dslinfra-tf-").FullName;
        try
        {
            var stack = Path.Combine(work, "stack");
            Directory.CreateDirectory(stack);
            File.WriteAllText(Path.Combine(stack, "main.tf.json"), terraformJson);
            return read(Plan(stack, Path.Combine(work, "scratch")));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }
}
