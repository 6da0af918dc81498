using System.Diagnostics;
using System.Text.Json;

namespace DslInfra.Generators.Tests;

/// <summary>
/// Real Terraform (1.11.4 on PATH) on generated main.tf.json, offline: ../shared/tfmock/tfcheck.sh plays the providers
/// from their schemas and runs init, validate and plan; its kept plan.json says which references Terraform itself sees.
/// </summary>
internal static class RealTerraform
{
    private static string Script => Path.GetFullPath(Path.Combine(RepoPaths.Root, "..", "shared", "tfmock", "tfcheck.sh"));

    /// <summary>Validates and plans the stack; returns Terraform's references per resource address (from the plan's configuration).</summary>
    public static Dictionary<string, HashSet<string>> PlanReferences(string terraformJson) => Check(terraformJson, plan: true, keep =>
    {
        var plan = Directory.GetFiles(keep, "plan.json", SearchOption.AllDirectories).Single();
        using var document = JsonDocument.Parse(File.ReadAllText(plan));
        var references = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var resource in document.RootElement.GetProperty("configuration").GetProperty("root_module").GetProperty("resources").EnumerateArray())
        {
            var found = references[resource.GetProperty("address").GetString()!] = new HashSet<string>(StringComparer.Ordinal);
            Collect(resource, found);
        }
        return references;
    });

    /// <summary>
    /// Validates the stack only (init and validate, no plan): for configurations whose plan needs what a real provider
    /// computes at plan time and the offline mock leaves unknown (an ACM certificate's domain_validation_options as for_each keys).
    /// </summary>
    public static void Validates(string terraformJson) => Check(terraformJson, plan: false, _ => true);

    private static T Check<T>(string terraformJson, bool plan, Func<string, T> read)
    {
        Assert.True(File.Exists(Script), $"{Script} not found: the repository's workplace has shared/ beside it (CI does too)");
        var work = Directory.CreateTempSubdirectory("dslinfra-tf-").FullName;
        try
        {
            var stack = Path.Combine(work, "stack");
            Directory.CreateDirectory(stack);
            File.WriteAllText(Path.Combine(stack, "main.tf.json"), terraformJson);
            var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = work };
            foreach (var argument in plan ? new[] { Script, "--keep", Path.Combine(work, "keep"), stack } : new[] { Script, "--no-plan", stack })
                start.ArgumentList.Add(argument);
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd() + error.Result;
            process.WaitForExit(300_000);
            Assert.True(process.ExitCode == 0 && output.Contains("OK "), $"real Terraform rejected the stack:\n{output}\n{terraformJson}");
            return read(Path.Combine(work, "keep"));
        }
        finally
        {
            Directory.Delete(work, recursive: true);
        }
    }

    private static void Collect(JsonElement element, HashSet<string> found)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name is "references" or "depends_on" && property.Value.ValueKind == JsonValueKind.Array)
                        foreach (var reference in property.Value.EnumerateArray())
                            found.Add(reference.GetString()!);
                    else
                        Collect(property.Value, found);
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                    Collect(item, found);
                break;
        }
    }
}
