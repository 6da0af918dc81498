namespace DslInfra.EndToEnd.Tests;

/// <summary>
/// Real Terraform (1.11.4 on PATH) on generated artifacts, offline: ../shared/tfmock/tfcheck.sh plays the aws, azurerm,
/// google and kubernetes providers from their schemas, then runs init, validate and plan. What it says is Terraform's.
/// </summary>
internal static class TerraformCheck
{
    public static string Script { get; } = Path.GetFullPath(Path.Combine(Repo.Root, "..", "shared", "tfmock", "tfcheck.sh"));

    /// <summary>tfcheck's verdict on each folder (one line each, its notes indented under it) and its exit code.</summary>
    public static (int ExitCode, string Output) Run(IEnumerable<string> arguments)
    {
        Assert.True(File.Exists(Script), $"{Script} not found: the repository's workplace has shared/ beside it (CI does too)");
        return Repo.Run("bash", $"\"{Script}\" " + string.Join(" ", arguments.Select(f => $"\"{f}\"")), Repo.Root);
    }

    /// <summary>
    /// Every folder validated and planned, no provider constraint excludes the schema the records came from, and every
    /// edge Terraform sees between the stack's blocks (the plan's configuration references) is one the manifest lists, so
    /// review and blast radius never miss one.
    /// </summary>
    public static void AssertPlans(IReadOnlyCollection<string> folders) => AssertPlans(folders, (_, _) => { });

    /// <summary>As <see cref="AssertPlans(IReadOnlyCollection{string})"/>, handing each folder's plan.json to <paramref name="read"/>.</summary>
    public static void AssertPlans(IReadOnlyCollection<string> folders, Action<string, string> read)
    {
        Assert.NotEmpty(folders);
        var keep = Directory.CreateTempSubdirectory("dslinfra-tfcheck-").FullName;
        try
        {
            var (exit, output) = Run(["--keep", keep, .. folders]);
            Assert.True(exit == 0, output);
            Assert.Equal(folders.Count, output.Split('\n').Count(l => l.StartsWith("OK ", StringComparison.Ordinal)));
            Assert.DoesNotContain("excludes", output);
            foreach (var plan in Directory.GetFiles(keep, "plan.json", SearchOption.AllDirectories))
            {
                // tfcheck keeps each folder's files under "<its position>-<parent>_<name>".
                var kept = Path.GetFileName(Path.GetDirectoryName(plan))!;
                var stack = folders.ElementAt(int.Parse(kept.Split('-')[0], System.Globalization.CultureInfo.InvariantCulture) - 1);
                Assert.EndsWith("_" + Path.GetFileName(stack), kept);
                AssertManifestHasTerraformsEdges(File.ReadAllText(plan), File.ReadAllText(Path.Combine(stack, "manifest.json")), stack);
                read(stack, File.ReadAllText(plan));
            }
        }
        finally
        {
            Directory.Delete(keep, recursive: true);
        }
    }

    private static void AssertManifestHasTerraformsEdges(string planJson, string manifestJson, string stack)
    {
        using var plan = System.Text.Json.JsonDocument.Parse(planJson);
        using var manifest = System.Text.Json.JsonDocument.Parse(manifestJson);
        var listed = manifest.RootElement.GetProperty("resources").EnumerateArray().ToDictionary(
            r => r.GetProperty("address").GetString()!,
            r => r.TryGetProperty("depends_on", out var d) ? d.EnumerateArray().Select(x => x.GetString()!).ToHashSet() : []);
        if (!plan.RootElement.TryGetProperty("configuration", out var configuration) || !configuration.GetProperty("root_module").TryGetProperty("resources", out var resources))
            return;
        var addresses = resources.EnumerateArray().Select(r => r.GetProperty("address").GetString()!).ToHashSet();
        foreach (var resource in resources.EnumerateArray())
        {
            var address = resource.GetProperty("address").GetString()!;
            var seen = new HashSet<string>();
            Collect(resource, seen);
            foreach (var edge in seen.Where(addresses.Contains).Where(e => e != address))
                Assert.True(listed.TryGetValue(address, out var dependsOn) && dependsOn.Contains(edge),
                    $"{stack}: Terraform sees {address} read {edge}, which the manifest does not list");
        }
    }

    /// <summary>Init and validate only, for a stack whose plan needs what only a real provider computes at plan time.</summary>
    public static void AssertValidates(string folder)
    {
        var (exit, output) = Run(["--no-plan", folder]);
        Assert.True(exit == 0 && output.StartsWith("OK ", StringComparison.Ordinal), output);
    }

    /// <summary>The references Terraform sees from each resource, per address (the plan's configuration).</summary>
    public static Dictionary<string, HashSet<string>> References(string planJson)
    {
        using var plan = System.Text.Json.JsonDocument.Parse(planJson);
        var found = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var resource in plan.RootElement.GetProperty("configuration").GetProperty("root_module").GetProperty("resources").EnumerateArray())
            Collect(resource, found[resource.GetProperty("address").GetString()!] = []);
        if (plan.RootElement.GetProperty("configuration").TryGetProperty("provider_config", out var providers))
            foreach (var provider in providers.EnumerateObject())
                Collect(provider.Value, found["provider." + provider.Name] = []);
        return found;
    }

    private static void Collect(System.Text.Json.JsonElement element, HashSet<string> found)
    {
        if (element.ValueKind == System.Text.Json.JsonValueKind.Object)
        {
            foreach (var property in element.EnumerateObject())
                if (property.Name is "references" or "depends_on" && property.Value.ValueKind == System.Text.Json.JsonValueKind.Array)
                    foreach (var reference in property.Value.EnumerateArray())
                        found.Add(reference.GetString()!);
                else
                    Collect(property.Value, found);
        }
        else if (element.ValueKind == System.Text.Json.JsonValueKind.Array)
            foreach (var item in element.EnumerateArray())
                Collect(item, found);
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
    [InlineData("Platform")]
    public void Each_sample_validates_and_plans_with_real_Terraform(string sample)
    {
        var stacks = Stacks(sample);
        TerraformCheck.AssertPlans(stacks.Where(s => !ValidateOnly.ContainsKey(sample + "/" + Path.GetFileName(s))).ToList());
        foreach (var stack in stacks.Where(s => ValidateOnly.ContainsKey(sample + "/" + Path.GetFileName(s))))
            TerraformCheck.AssertValidates(stack);
    }

    /// <summary>
    /// Stacks whose plan needs a value the real provider computes at plan time and the offline mock leaves unknown: the
    /// edge stack's DNS validation records are keyed (for_each) by the certificate's domain_validation_options, which the
    /// aws provider fills in while planning. Validated; their edges are checked from the manifest by the generator's tests.
    /// </summary>
    private static readonly Dictionary<string, string> ValidateOnly = new() { ["Platform/edge"] = "aws_acm_certificate.domain_validation_options is known at plan time only to the real provider" };

    private static List<string> Stacks(string sample)
    {
        var debug = Path.Combine(Repo.Root, "samples", sample, "bin", "Debug");
        var infra = Directory.Exists(debug) ? Directory.GetDirectories(debug).Select(f => Path.Combine(f, "infra")).SingleOrDefault(Directory.Exists) : null;
        Assert.True(infra is not null, $"{debug}/<framework>/infra not found: build the solution first (the README's test command does)");
        return Directory.GetDirectories(infra!).Where(d => File.Exists(Path.Combine(d, "main.tf.json"))).Order(StringComparer.Ordinal).ToList();
    }

    [Fact]
    public void Platform_reads_are_the_references_HCL_would_have()
    {
        var references = new Dictionary<string, Dictionary<string, HashSet<string>>>();
        TerraformCheck.AssertPlans(Stacks("Platform").Where(s => Path.GetFileName(s) != "edge").ToList(),
            (stack, plan) => references[Path.GetFileName(stack)] = TerraformCheck.References(plan));
        var cluster = references["cluster"];
        Assert.Contains("aws_eks_cluster.main", cluster["aws_eks_node_group.workers"]);          // cluster_name = aws_eks_cluster.main.name
        Assert.Contains("var.node_groups", cluster["aws_eks_node_group.workers"]);               // for_each over map(object)
        Assert.Contains("each.value.instance_types", cluster["aws_eks_node_group.workers"]);
        Assert.Contains("module.vpc.private_subnets", cluster["aws_eks_cluster.main"]);          // a module's list output, whole
        Assert.Contains("local.tags", cluster["aws_eks_cluster.main"]);                          // merge(local.tags, {…})
        Assert.Contains("module.alb.target_groups", cluster["aws_autoscaling_attachment.api"]);  // module.alb.target_groups["api"].arn
        Assert.Contains("aws_eks_node_group.workers", cluster["aws_autoscaling_attachment.api"]);
        Assert.Contains("var.deploy_role_arn", cluster["provider.aws"]);                         // assume_role
        var workloads = references["workloads"];
        Assert.Contains("kubernetes_namespace_v1.orders.metadata[0].name", workloads["kubernetes_deployment_v1.api"]);
        Assert.Contains("data.terraform_remote_state.cluster.outputs.endpoint", workloads["provider.kubernetes"]);
    }
}
