using System.Text.Json.Nodes;

namespace DslInfra.Generators.Tests;

/// <summary>Every Terraform configuration the generator's snapshots hold, planned by real Terraform against DslInfra's offline providers.</summary>
public sealed class SnapshotPlanTests
{
    /// <summary>
    /// Snapshots that cannot plan offline, and why: each was written to pin one feature of the generator, not to be a
    /// deployable stack.
    /// </summary>
    private static readonly Dictionary<string, string> NotPlanned = new(StringComparer.Ordinal)
    {
        ["UserResourceTypeTests.A_resource_type_declared_in_user_code_is_synthesized_from_its_attributes"] = "an acme_ type: a provider no schema ships for",
        ["EvaluatorSnapshotTests.Custom_resources_and_data_sources"] = "an acme_ type: a provider no schema ships for",
        ["EvaluatorSnapshotTests.Literals_and_constants"] = "a null_resource: hashicorp/null ships no schema with DslInfra",
        ["LanguageTests.Modules_registry_and_local_untyped_and_typed"] = "a local module (./modules/…) that the snapshot does not carry",
        ["LanguageTests.Dynamic_blocks_beside_written_ones"] = "a listener whose test writes only the dynamic blocks under test, not its required default_action",
    };

    public static TheoryData<string> Snapshots()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Root, "tests", "DslInfra.Generators.Tests", "__snapshots__"), "*.snap").Order(StringComparer.Ordinal))
        {
            JsonNode? json;
            try
            {
                json = JsonNode.Parse(File.ReadAllText(file));
            }
            catch (System.Text.Json.JsonException)
            {
                continue; // a Dockerfile
            }
            // A Terraform configuration (a manifest or a Packer template is something else).
            if (json is JsonObject root && root["terraform"] is JsonObject && !root.ContainsKey("format_version"))
                data.Add(Path.GetFileNameWithoutExtension(file));
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Snapshots))]
    public void Every_generated_configuration_validates_and_plans(string snapshot)
    {
        if (NotPlanned.ContainsKey(snapshot))
            return;
        var text = File.ReadAllText(Path.Combine(RepoPaths.Root, "tests", "DslInfra.Generators.Tests", "__snapshots__", snapshot + ".snap"));
        RealTerraform.Validates(text.TrimStart('\uFEFF'));
    }

    [Fact]
    public void Every_exception_is_still_a_snapshot() =>
        Assert.All(NotPlanned.Keys, name => Assert.Contains(name, ((IEnumerable<object[]>)Snapshots()).Select(row => (string)row[0])));
}
