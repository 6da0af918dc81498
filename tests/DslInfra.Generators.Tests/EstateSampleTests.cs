using System.Text.Json;

namespace DslInfra.Generators.Tests;

/// <summary>samples/Estate: import, a registry module, for_each over variables, moved, removed, locals and checks.</summary>
public class EstateSampleTests
{
    private static readonly Lazy<Dictionary<string, string>> Artifacts = new(() =>
    {
        var folder = Path.Combine(RepoPaths.Root, "samples", "Estate");
        const string implicitUsings = "global using System; global using System.Collections.Generic; global using System.Linq;";
        return Harness.Artifacts(Harness.Compile(implicitUsings, File.ReadAllText(Path.Combine(folder, "EstateStack.cs")), File.ReadAllText(Path.Combine(folder, "AppStack.cs"))));
    });

    private static readonly Lazy<string> Terraform = new(() => Artifacts.Value["estate/main.tf.json"]);

    [Fact]
    public void The_app_stack_reads_the_estates_outputs_from_its_state()
    {
        var app = Artifacts.Value["app/main.tf.json"];
        TerraformReferences.AssertAllDeclared(app);
        using var document = JsonDocument.Parse(app);
        var remote = document.RootElement.GetProperty("data").GetProperty("terraform_remote_state").GetProperty("estate");
        Assert.Equal("estate/terraform.tfstate", remote.GetProperty("config").GetProperty("key").GetString());
        using var manifest = JsonDocument.Parse(Artifacts.Value["app/manifest.json"]);
        Assert.Equal(["estate"], manifest.RootElement.GetProperty("reads_stacks").EnumerateArray().Select(s => s.GetString()));
    }

    [Fact]
    public void Every_reference_names_something_declared_and_parses_with_hcl() => TerraformReferences.AssertAllDeclared(Terraform.Value);

    [Fact]
    public void The_estate_adopts_moves_and_hands_over_instead_of_recreating()
    {
        using var document = JsonDocument.Parse(Terraform.Value);
        var root = document.RootElement;
        Assert.Equal("aws_vpc.main", root.GetProperty("import")[0].GetProperty("to").GetString());
        Assert.Equal(["aws_subnet.app[\"eu-west-1a\"]", "aws_subnet.app[\"eu-west-1b\"]"], root.GetProperty("moved").EnumerateArray().Select(m => m.GetProperty("to").GetString()));
        Assert.False(root.GetProperty("removed")[0].GetProperty("lifecycle").GetProperty("destroy").GetBoolean());
        Assert.Equal("terraform-aws-modules/vpc/aws", root.GetProperty("module").GetProperty("edge").GetProperty("source").GetString());
        Assert.Equal("${toset(var.buckets)}", root.GetProperty("resource").GetProperty("aws_s3_bucket").GetProperty("bucket").GetProperty("for_each").GetString());
    }

    [Fact]
    public void The_reference_check_catches_a_reference_to_nothing()
    {
        var broken = Terraform.Value.Replace("${local.prefix}-vpc", "${local.nothing}-vpc");
        Assert.ThrowsAny<Exception>(() => TerraformReferences.AssertAllDeclared(broken));
        var eachOutside = Terraform.Value.Replace("\"${aws_subnet.app[\\\"eu-west-1a\\\"].id}\"", "\"${each.key}\"");
        Assert.NotEqual(Terraform.Value, eachOutside);
        Assert.ThrowsAny<Exception>(() => TerraformReferences.AssertAllDeclared(eachOutside));
    }
}
