using System.Text.Json;

namespace DslInfra.Generators.Tests;

/// <summary>samples/Estate: import, a registry module, for_each over variables, moved, removed, locals and checks.</summary>
public class EstateSampleTests
{
    private static readonly Lazy<string> Terraform = new(() =>
    {
        var source = File.ReadAllText(Path.Combine(RepoPaths.Root, "samples", "Estate", "EstateStack.cs"));
        const string implicitUsings = "global using System; global using System.Collections.Generic; global using System.Linq;";
        return Harness.Artifacts(Harness.Compile(implicitUsings, source))["estate/main.tf.json"];
    });

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
