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
    public static Dictionary<string, HashSet<string>> PlanReferences(string terraformJson)
    {
        Assert.True(File.Exists(Script), $"{Script} not found: the repository's workplace has shared/ beside it (CI does too)");
        var work = Directory.CreateTempSubdirectory("dslinfra-tf-").FullName;
        try
        {
            var stack = Path.Combine(work, "stack");
            Directory.CreateDirectory(stack);
            File.WriteAllText(Path.Combine(stack, "main.tf.json"), terraformJson);
            var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = work };
            foreach (var argument in new[] { Script, "--keep", Path.Combine(work, "keep"), stack })
                start.ArgumentList.Add(argument);
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd() + error.Result;
            process.WaitForExit(300_000);
            Assert.True(process.ExitCode == 0 && output.Contains("OK "), $"real Terraform rejected the stack:\n{output}\n{terraformJson}");
            var plan = Directory.GetFiles(Path.Combine(work, "keep"), "plan.json", SearchOption.AllDirectories).Single();
            using var document = JsonDocument.Parse(File.ReadAllText(plan));
            var references = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            foreach (var resource in document.RootElement.GetProperty("configuration").GetProperty("root_module").GetProperty("resources").EnumerateArray())
            {
                var found = references[resource.GetProperty("address").GetString()!] = new HashSet<string>(StringComparer.Ordinal);
                Collect(resource, found);
            }
            return references;
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
