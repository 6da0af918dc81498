namespace DslInfra.EndToEnd.Tests;

/// <summary>
/// Real Terraform (1.11.4 on PATH) on generated artifacts, offline: ../shared/tfmock/tfcheck.sh plays the aws, azurerm,
/// google and kubernetes providers from their schemas, then runs init, validate and plan. What it says is Terraform's.
/// </summary>
internal static class TerraformCheck
{
    public static string Script { get; } = Path.GetFullPath(Path.Combine(Repo.Root, "..", "shared", "tfmock", "tfcheck.sh"));

    /// <summary>tfcheck's verdict on each folder (one line each, its notes indented under it) and its exit code.</summary>
    public static (int ExitCode, string Output) Run(IEnumerable<string> folders)
    {
        Assert.True(File.Exists(Script), $"{Script} not found: the repository's workplace has shared/ beside it (CI does too)");
        return Repo.Run("bash", $"\"{Script}\" " + string.Join(" ", folders.Select(f => $"\"{f}\"")), Repo.Root);
    }

    /// <summary>Every folder validated and planned, and no provider constraint excludes the schema the records came from.</summary>
    public static void AssertPlans(IReadOnlyCollection<string> folders)
    {
        Assert.NotEmpty(folders);
        var (exit, output) = Run(folders);
        Assert.True(exit == 0, output);
        Assert.Equal(folders.Count, output.Split('\n').Count(l => l.StartsWith("OK ", StringComparison.Ordinal)));
        Assert.DoesNotContain("excludes", output);
    }
}

/// <summary>Every sample's every stack, as the solution build (the README's test command builds it first) wrote them.</summary>
public sealed class SamplePlanTests
{
    [Theory]
    [InlineData("WebService")]
    [InlineData("ContainerService")]
    [InlineData("Estate")]
    [InlineData("MultiCloud")]
    [InlineData("MutableLegacy")]
    public void Each_sample_validates_and_plans_with_real_Terraform(string sample)
    {
        var debug = Path.Combine(Repo.Root, "samples", sample, "bin", "Debug");
        var infra = Directory.Exists(debug) ? Directory.GetDirectories(debug).Select(f => Path.Combine(f, "infra")).SingleOrDefault(Directory.Exists) : null;
        Assert.True(infra is not null, $"{debug}/<framework>/infra not found: build the solution first (bash tests/run.sh does)");
        TerraformCheck.AssertPlans(Directory.GetDirectories(infra!).Where(d => File.Exists(Path.Combine(d, "main.tf.json"))).Order(StringComparer.Ordinal).ToList());
    }
}
