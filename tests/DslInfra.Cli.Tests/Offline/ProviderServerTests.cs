using DslInfra.Offline.Schemas;
using DslInfra.Offline.Server;
using DslInfra.Offline.Values;

namespace DslInfra.Cli.Tests.Offline;

/// <summary>The offline provider server's parts: Terraform's value encoding, the schemas, and planning as a provider would.</summary>
public sealed class ProviderServerTests
{
    private static readonly CtyType Vpc = CtyType.Parse(System.Text.Json.Nodes.JsonNode.Parse(
        """["object",{"id":"string","cidr_block":"string","tags":["map","string"],"ports":["list","number"],"extra":"dynamic"}]"""));

    [Fact]
    public void Values_round_trip_through_msgpack_as_cty_encodes_them()
    {
        var value = new Dictionary<string, object?>
        {
            ["id"] = CtyValue.Unknown.Instance,
            ["cidr_block"] = "10.0.0.0/16",
            ["tags"] = new Dictionary<string, object?> { ["Name"] = "main", ["Empty"] = "" },
            ["ports"] = new List<object?> { new CtyNumber("443"), new CtyNumber("0.5"), new CtyNumber("123456789012345678901234567890") },
            ["extra"] = new TypedValue(new CtyType.Collection("list", CtyType.String), new List<object?> { "a", null }),
        };
        var bytes = MsgPackValues.Write(value, Vpc);
        var back = (Dictionary<string, object?>)MsgPackValues.Read(bytes, Vpc)!;
        Assert.IsType<CtyValue.Unknown>(back["id"]);
        Assert.Equal("10.0.0.0/16", back["cidr_block"]);
        Assert.Equal("main", ((Dictionary<string, object?>)back["tags"]!)["Name"]);
        Assert.Equal(["443", "0.5", "123456789012345678901234567890"], ((List<object?>)back["ports"]!).Select(n => ((CtyNumber)n!).Text));
        var extra = (TypedValue)back["extra"]!;
        Assert.Equal(["a", null], (List<object?>)extra.Value!);
        Assert.Equal(bytes, MsgPackValues.Write(back, Vpc)); // canonical: the same value, the same bytes
    }

    [Fact]
    public void Garbage_on_the_wire_is_a_format_error_not_a_crash()
    {
        Assert.Throws<FormatException>(() => MsgPackValues.Read([0xc1], Vpc));            // a byte msgpack never uses
        Assert.Throws<FormatException>(() => MsgPackValues.Read([0x81, 0xa1, 0x7a, 0x01], Vpc)); // attribute 'z' is not in the type
        Assert.Throws<FormatException>(() => CtyType.Parse(System.Text.Json.Nodes.JsonNode.Parse("""["list"]""")));
    }

    [Fact]
    public void The_bundled_aws_schema_loads_with_every_resource_and_its_value_type()
    {
        var aws = ProviderSchema.LoadBundled("aws");
        Assert.True(aws.Resources.Count > 1600, aws.Resources.Count.ToString());
        var (_, vpc) = aws.Resources["aws_vpc"];
        Assert.True(vpc.Attributes["id"].Computed);
        Assert.Equal(CtyType.String, vpc.Type.Attributes["cidr_block"]);
        // The provider block comes from the configuration schema: assume_role is a block there.
        Assert.Contains("assume_role", aws.Provider.Blocks.Keys);
        var protocol = aws.ToProtocol();
        Assert.Equal(aws.Resources.Count, protocol.ResourceSchemas.Count);
        Assert.Throws<ArgumentException>(() => ProviderSchema.LoadBundled("nosuch"));
    }

    [Fact]
    public void Creating_leaves_what_the_provider_computes_unknown_and_keeps_what_was_set()
    {
        var (_, vpc) = ProviderSchema.LoadBundled("aws").Resources["aws_vpc"];
        var proposed = vpc.Type.Attributes.ToDictionary(a => a.Key, a => (object?)null);
        proposed["cidr_block"] = "10.0.0.0/16";
        var (planned, replace) = ResourcePlanner.Plan("aws_vpc", vpc, null, proposed);
        var values = (Dictionary<string, object?>)planned!;
        Assert.Equal("10.0.0.0/16", values["cidr_block"]);
        Assert.IsType<CtyValue.Unknown>(values["id"]);
        Assert.IsType<CtyValue.Unknown>(values["arn"]);
        Assert.Empty(replace);
    }

    [Fact]
    public void A_change_to_an_argument_that_forces_replacement_is_planned_as_a_replacement()
    {
        var (_, vpc) = ProviderSchema.LoadBundled("aws").Resources["aws_vpc"];
        var prior = vpc.Type.Attributes.ToDictionary(a => a.Key, a => (object?)null);
        prior["id"] = "vpc-1";
        prior["cidr_block"] = "10.0.0.0/16";
        // As an apply left it: with the defaults the provider set.
        prior["instance_tenancy"] = "default";
        prior["enable_dns_support"] = true;
        prior["assign_generated_ipv6_cidr_block"] = false;
        var proposed = new Dictionary<string, object?>(prior) { ["cidr_block"] = "10.1.0.0/16" };
        var (_, replace) = ResourcePlanner.Plan("aws_vpc", vpc, prior, proposed);
        Assert.Equal("cidr_block", Assert.Single(replace).Steps[0].AttributeName);

        var tagged = new Dictionary<string, object?>(prior) { ["tags"] = new Dictionary<string, object?> { ["Name"] = "x" } };
        Assert.Empty(ResourcePlanner.Plan("aws_vpc", vpc, prior, tagged).RequiresReplace); // tags update in place
    }

    [Fact]
    public void An_unset_argument_gets_the_default_the_provider_plans_so_conditions_can_read_it()
    {
        var (_, vpc) = ProviderSchema.LoadBundled("aws").Resources["aws_vpc"];
        var proposed = vpc.Type.Attributes.ToDictionary(a => a.Key, a => (object?)null);
        proposed["cidr_block"] = "10.0.0.0/16";
        var (planned, _, filled) = ResourcePlanner.PlanWithDefaults("aws_vpc", vpc, null, proposed);
        Assert.True(filled);
        Assert.Equal(true, ((Dictionary<string, object?>)planned!)["enable_dns_support"]);
        proposed["enable_dns_support"] = false; // what the configuration sets wins
        Assert.Equal(false, ((Dictionary<string, object?>)ResourcePlanner.Plan("aws_vpc", vpc, null, proposed).Planned!)["enable_dns_support"]);
    }

    [Fact]
    public void Applied_placeholders_are_deterministic_and_shaped_by_their_names()
    {
        var type = (CtyType.Object)CtyType.Parse(System.Text.Json.Nodes.JsonNode.Parse("""["object",{"id":"string","arn":"string","cidr_block":"string","count":"number"}]"""));
        var planned = type.Attributes.ToDictionary(a => a.Key, a => (object?)CtyValue.Unknown.Instance);
        var seed = Placeholders.Seed("aws_vpc", [1, 2, 3]);
        var first = (Dictionary<string, object?>)Placeholders.Fill(planned, type, seed, "")!;
        var second = (Dictionary<string, object?>)Placeholders.Fill(planned, type, seed, "")!;
        Assert.Equal(first["id"], second["id"]);
        Assert.StartsWith("arn:aws:", (string)first["arn"]!);
        Assert.Equal("10.0.0.0/16", first["cidr_block"]);
        var other = (Dictionary<string, object?>)Placeholders.Fill(planned, type, Placeholders.Seed("aws_vpc", [9]), "")!;
        Assert.NotEqual(first["id"], other["id"]); // another configuration, another object
    }

    [Theory]
    [InlineData("string", "\"placeholder\"")]
    [InlineData("list(string)", "[]")]
    [InlineData("map(object({ a = string }))", "{}")]
    [InlineData("object({ name = string, size = number, tier = optional(string, \"x)\"), on = bool })", "{\"name\":\"placeholder\",\"size\":1,\"on\":false}")]
    [InlineData("object({ broken", "\"placeholder\"")]
    public void Variables_without_a_default_get_a_value_of_their_type(string type, string expected)
    {
        Assert.Equal(expected, DslInfra.Offline.Planning.VariablePlaceholders.ForType(type)!.ToJsonString());
    }
}
