using System.Text.Json;
using DslInfra.Bindings.Emit;
using Microsoft.CodeAnalysis;

namespace DslInfra.Generators.Tests.Bindings;

/// <summary>Fn: Terraform's built-in functions, typed, written as ${name(…)} with their literal arguments quoted and escaped.</summary>
public class FunctionsTests
{
    [Fact]
    public void Fn_is_what_the_generator_makes_of_functions_json()
    {
        // To regenerate after changing functions.json or FunctionsGenerator: DSLINFRA_REGENERATE=1 writes this text over src/DslInfra/Terraform/Fn.g.cs.
        using var signatures = File.OpenRead(Path.Combine(RepoPaths.Root, "src", "DslInfra.Providers", "schemas", "functions.json"));
        var expected = FunctionsGenerator.Generate(signatures);
        if (Environment.GetEnvironmentVariable("DSLINFRA_REGENERATE") == "1") // DSLINFRA_REGENERATE=1 dotnet test --filter Fn_is_what
            File.WriteAllText(Path.Combine(RepoPaths.Root, "src", "DslInfra", "Terraform", "Fn.g.cs"), expected);
        Assert.True(expected == File.ReadAllText(Path.Combine(RepoPaths.Root, "src", "DslInfra", "Terraform", "Fn.g.cs")),
            "src/DslInfra/Terraform/Fn.g.cs is not what FunctionsGenerator makes of functions.json: regenerate it");
        Assert.DoesNotContain("Timestamp(", expected); // changes on every plan: left out
    }

    private const string Stack = """
        [Stack("s")]
        public static class S
        {
            public static readonly Variable<string> Env = new("env");
            public static readonly Variable<string> Network = new("network") { Default = "10.0.0.0/16" };
            public static readonly AwsVpc Vpc = new("main") { CidrBlock = Network, Tags = new() { ["n"] = Fn.Upper(Fn.Trimspace(" web ")), ["j"] = Fn.Join(",", ["a", "b"], ["c"]) } };
            public static readonly ImmutableArray<AwsSubnet> Subnets = Repeat.For(2, i => new AwsSubnet($"s{i}") { VpcId = Vpc.Id, CidrBlock = Fn.Cidrsubnet(Network, 4, i) });
            public static readonly AwsLaunchTemplate Lt = new("web") { ImageId = "ami-1", UserData = Fn.Base64encode($"#!/bin/sh\necho \"${{HOME}} %{{x}}\" {Env}\n") };
            public static readonly Output Region = new("region") { Value = Fn.Lookup<string>(new Map<string> { ["eu"] = "eu-west-1" }, "eu") };
        }
        """;

    [Fact]
    public void Calls_are_written_for_terraform_to_evaluate_with_their_literals_escaped()
    {
        var json = Harness.TerraformOf(Stack);
        using var document = JsonDocument.Parse(json);
        var resources = document.RootElement.GetProperty("resource");
        var tags = resources.GetProperty("aws_vpc").GetProperty("main").GetProperty("tags");
        Assert.Equal("${upper(trimspace(\" web \"))}", tags.GetProperty("n").GetString());
        Assert.Equal("${join(\",\", [\"a\", \"b\"], [\"c\"])}", tags.GetProperty("j").GetString());
        Assert.Equal("${cidrsubnet(var.network, 4, 1)}", resources.GetProperty("aws_subnet").GetProperty("s1").GetProperty("cidr_block").GetString());
        Assert.Equal("${base64encode(\"#!/bin/sh\\necho \\\"$${HOME} %%{x}\\\" ${var.env}\\n\")}",
            resources.GetProperty("aws_launch_template").GetProperty("web").GetProperty("user_data").GetString());
        Assert.Equal("${lookup({\"eu\" = \"eu-west-1\"}, \"eu\")}", document.RootElement.GetProperty("output").GetProperty("region").GetProperty("value").GetString());

        // HashiCorp's parser reads each as one interpolation of one function call.
        var decoded = HclDecoder.Decode(json, ".tf.json");
        var userData = decoded.Single(d => d.Path == "/resource/aws_launch_template/web/user_data");
        Assert.Null(userData.TemplateError);
        Assert.StartsWith("base64encode(", Assert.Single(userData.Parts).Expr);
    }

    [Fact]
    public void A_wrong_argument_type_is_a_csharp_type_error()
    {
        var compilation = Harness.Compile(Harness.Usings + """
            [Stack("s")] public static class S { public static readonly AwsVpc Vpc = new("main") { CidrBlock = Fn.Cidrsubnet("10.0.0.0/16", "four", 1) }; }
            """);
        Assert.Contains(compilation.GetDiagnostics(), d => d.Id == "CS1503" && d.Severity == DiagnosticSeverity.Error);
    }
}

/// <summary>CustomResource, the escape hatch, takes any value: lists, maps, nested objects, references, functions.</summary>
public class CustomResourceValueTests
{
    [Fact]
    public void Arguments_take_lists_maps_objects_and_references()
    {
        var json = Harness.TerraformOf("""
            [Stack("s")]
            public static class S
            {
                public static readonly AwsVpc Vpc = new("main") { CidrBlock = "10.0.0.0/16" };
                public static readonly CustomResource Endpoint = new("aws_vpc_endpoint", "s3")
                {
                    Arguments = new()
                    {
                        ["vpc_id"] = Vpc.Id,
                        ["service_name"] = "com.amazonaws.eu-west-1.s3",
                        ["route_table_ids"] = new[] { "rtb-1", "rtb-2" },
                        ["tags"] = new Map<object> { ["team"] = "web", ["cost"] = 3 },
                        ["dns_options"] = new Map<object> { ["dns_record_ip_type"] = "ipv4", ["private_only"] = false },
                        ["policy"] = Fn.Jsonencode(new Map<string> { ["Version"] = "2012-10-17" }),
                    },
                };
            }
            """);
        using var document = JsonDocument.Parse(json);
        var endpoint = document.RootElement.GetProperty("resource").GetProperty("aws_vpc_endpoint").GetProperty("s3");
        Assert.Equal("${aws_vpc.main.id}", endpoint.GetProperty("vpc_id").GetString());
        Assert.Equal("""["rtb-1","rtb-2"]""", JsonSerializer.Serialize(endpoint.GetProperty("route_table_ids")));
        Assert.Equal("""{"cost":3,"team":"web"}""", JsonSerializer.Serialize(endpoint.GetProperty("tags")));
        Assert.Equal("""{"dns_record_ip_type":"ipv4","private_only":false}""", JsonSerializer.Serialize(endpoint.GetProperty("dns_options")));
        Assert.Equal("${jsonencode({\"Version\" = \"2012-10-17\"})}", endpoint.GetProperty("policy").GetString());
    }
}
