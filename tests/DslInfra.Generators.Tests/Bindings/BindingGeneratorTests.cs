using System.Text.Json;
using DslInfra.Bindings.Emit;
using DslInfra.Bindings.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DslInfra.Generators.Tests.Bindings;

/// <summary>
/// Typed records generated from a provider schema: on a hand-made schema with every nesting mode, every attribute
/// type and every naming collision, the C# compiles cleanly and a stack written with it synthesizes the schema's exact
/// names; on the four real providers, every Terraform name round-trips.
/// </summary>
public class BindingGeneratorTests
{
    private static ProviderSchema Example() =>
        ProviderSchemaFile.Read(Path.Combine(AppContext.BaseDirectory, "Bindings", "example.schema.json")).Providers.Single();

    private static string Source(ProviderSchema provider, IReadOnlyCollection<string>? types = null) => string.Concat(Files(provider, types));

    /// <summary>The generated files, each its own syntax tree when compiled (each has its own usings and namespace).</summary>
    internal static string[] Files(ProviderSchema provider, IReadOnlyCollection<string>? types = null) =>
        BindingGenerator.Generate(provider, new BindingOptions("Acme.Example", types)).Select(f => f.Content).ToArray();

    [Fact]
    public void The_generated_records_compile_without_a_warning()
    {
        var compilation = Harness.Compile(Files(Example()));
        var problems = compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Collisions_get_distinct_names_and_keep_their_terraform_names()
    {
        var source = Source(Example());
        Assert.Contains("[TerraformName(\"name\"), Required] public Expr<string>? NameArgument { get; init; }", source); // Name is the label
        Assert.Contains("public Expr<string>? EqualsArgument", source);
        Assert.Contains("public Expr<bool>? CloneArgument", source);
        Assert.Contains("public Expr<string>? ProviderArgument", source);
        Assert.Contains("[TerraformName(\"address_line1\")] public Expr<string>? AddressLine1 {", source);
        Assert.Contains("[TerraformName(\"address_line_1\")] public Expr<string>? AddressLine1Argument {", source);
        Assert.Contains("public sealed partial record ExampleBucketVersioning(string Name) : Resource(Name)", source);
        Assert.Contains("public VersioningBlock? Versioning { get; init; }", source); // the block, nested: no clash with the resource
        Assert.Contains("public sealed partial record DataExampleBucket(string Name) : DataSource(Name)", source);
        Assert.Contains("public sealed partial record SpecBlock2", source); // a block "spec" inside a block "spec"
        Assert.Contains("public sealed partial record EphemeralExampleSecret(string Name) : EphemeralResource(Name)", source);
        Assert.DoesNotContain("OutputsOnly", source); // a block with nothing to set
        Assert.Contains("A bucket &lt;with&gt; &amp; markup", source);
    }

    [Fact]
    public void Types_follow_the_schema()
    {
        var source = Source(Example());
        Assert.Contains("[TerraformName(\"id\")] public Reference<string> Id => Attr<string>(\"id\");", source); // id: always a reference
        Assert.Contains("[TerraformName(\"endpoints\")] public Reference<ImmutableArray<string>> Endpoints", source);
        Assert.Contains("[TerraformName(\"labels_out\")] public Reference<Map<double>> LabelsOut", source);
        Assert.Contains("[TerraformName(\"private_ip\"), Computed] public Expr<string>? PrivateIp", source);
        Assert.Contains("[TerraformName(\"size\")] public Expr<double>? Size", source);
        Assert.Contains("[TerraformName(\"matrix\")] public ImmutableArray<ImmutableArray<Expr<string>>> Matrix", source);
        Assert.Contains("[TerraformName(\"zones\")] public ExprList<string>? Zones", source);
        Assert.Contains("[TerraformName(\"anything\")] public Expr? Anything", source);
        Assert.Contains("[TerraformName(\"pair\")] public ImmutableArray<Expr> Pair", source);
        Assert.Contains("[TerraformName(\"settings\")] public SettingsValue? Settings", source);
        Assert.Contains("[TerraformName(\"nested\")] public ImmutableArray<NestedValue> Nested", source);
        Assert.Contains("[TerraformName(\"password\"), Sensitive] public Expr<string>? Password", source);
        Assert.Contains("[TerraformName(\"token\"), WriteOnly] public Expr<string>? Token", source);
        Assert.Contains("[TerraformName(\"rule\"), Required, NestedBlock] public ImmutableArray<RuleBlock> Rule", source);
        Assert.Contains("[TerraformName(\"filter\"), NestedBlock(Nesting = \"list\")] public FilterBlock? Filter", source); // list of at most one: read through filter[0]
        Assert.Contains("[TerraformName(\"transition\"), NestedBlock] public ImmutableArray<TransitionBlock> Transition", source);
        Assert.Contains("[TerraformName(\"labels\"), NestedBlock] public Map<LabelsBlock>? Labels", source);
        Assert.DoesNotContain("Status", source); // computed-only inside a block: nothing to set, nothing to address
    }

    [Fact]
    public void A_stack_of_generated_records_synthesizes_the_schemas_exact_names()
    {
        var stack = """
            using Acme.Example;

            [Stack("s")]
            public static class S
            {
                public static readonly ExampleBucket B = new("b")
                {
                    NameArgument = "logs", Tags = new() { ["team"] = "web" }, Size = 3, ProviderArgument = "p",
                    Settings = new() { Mode = "fast", Retries = 2 }, Matrix = [["a", "b"]], AddressLine1 = "one", AddressLine1Argument = "uno",
                    Versioning = new() { Enabled = true },
                    Rule = [new() { Id = "r", Filter = new() { Prefix = "p/" }, Transition = [new() { Days = 30 }] }],
                    Labels = new() { ["x"] = new() { Value = "v" } },
                };
                public static readonly ExampleBucketVersioning V = new("v") { Bucket = B.Id, Ip = B.PrivateIp };
                public static readonly DataExampleBucket D = new("d") { NameArgument = "logs" };
                public static readonly Output Arn = new("arn") { Value = D.Arn };
            }
            """;
        var artifacts = Harness.Artifacts(Harness.Compile([.. Files(Example()), Harness.Usings + stack]));
        using var json = JsonDocument.Parse(artifacts["s/main.tf.json"]);
        var bucket = json.RootElement.GetProperty("resource").GetProperty("example_bucket").GetProperty("b");
        Assert.Equal("logs", bucket.GetProperty("name").GetString());
        Assert.Equal("p", bucket.GetProperty("provider").GetString());
        Assert.Equal("one", bucket.GetProperty("address_line1").GetString());
        Assert.Equal("uno", bucket.GetProperty("address_line_1").GetString());
        Assert.Equal(3, bucket.GetProperty("size").GetInt32());
        Assert.Equal("""{"mode":"fast","nested":null,"retries":2}""", Compact(bucket.GetProperty("settings")));
        Assert.Equal("""[["a","b"]]""", Compact(bucket.GetProperty("matrix")));
        Assert.Equal("""{"enabled":true}""", Compact(bucket.GetProperty("versioning")));
        Assert.Equal("""[{"filter":{"prefix":"p/"},"id":"r","transition":[{"days":30}]}]""", Compact(bucket.GetProperty("rule")));
        Assert.Equal("""{"x":{"value":"v"}}""", Compact(bucket.GetProperty("labels")));
        var versioning = json.RootElement.GetProperty("resource").GetProperty("example_bucket_versioning").GetProperty("v");
        Assert.Equal("${example_bucket.b.id}", versioning.GetProperty("bucket").GetString());
        Assert.Equal("${example_bucket.b.private_ip}", versioning.GetProperty("ip").GetString()); // [Computed], unset: a reference
        Assert.Equal("logs", json.RootElement.GetProperty("data").GetProperty("example_bucket").GetProperty("d").GetProperty("name").GetString());
        Assert.Equal("${data.example_bucket.d.arn}", json.RootElement.GetProperty("output").GetProperty("arn").GetProperty("value").GetString());
    }

    private static string Compact(JsonElement element) => JsonSerializer.Serialize(element);

    [Fact]
    public void Generation_is_deterministic_and_an_unknown_type_is_named()
    {
        Assert.Equal(Source(Example()), Source(Example()));
        var error = Assert.Throws<SchemaException>(() => Source(Example(), ["example_bucket", "example_nope", "data.example_bucket"]));
        Assert.Contains("example_nope", error.Message);
        Assert.Contains("DataExampleBucket", Source(Example(), ["data.example_bucket"]));
        Assert.DoesNotContain("record ExampleBucket(", Source(Example(), ["data.example_bucket"]));
    }
}

/// <summary>Ephemeral resources (Terraform 1.10+): written to the "ephemeral" block, their values only into write-only arguments.</summary>
public class EphemeralResourceTests
{
    private static string[] Records() => BindingGeneratorTests.Files(
        ProviderSchemaFile.Read(Path.Combine(AppContext.BaseDirectory, "Bindings", "example.schema.json")).Providers.Single());

    private const string Stack = """
        using Acme.Example;

        [Stack("s")]
        public static class S
        {
            public static readonly EphemeralExampleSecret Secret = new("token");
            public static readonly ExampleBucket B = new("b") { NameArgument = "logs", Rule = [new() { Id = "r" }], Token = Secret.Value, PASSWORD };
            OUTPUT
        }
        """;

    [Fact]
    public void An_ephemeral_value_into_a_write_only_argument_is_written_as_a_reference()
    {
        var json = Harness.Artifacts(Harness.Compile([.. Records(), Harness.Usings + Stack.Replace(", PASSWORD", "").Replace("OUTPUT", "")]))["s/main.tf.json"];
        using var document = JsonDocument.Parse(json);
        Assert.True(document.RootElement.GetProperty("ephemeral").GetProperty("example_secret").TryGetProperty("token", out _));
        Assert.Equal("${ephemeral.example_secret.token.value}",
            document.RootElement.GetProperty("resource").GetProperty("example_bucket").GetProperty("b").GetProperty("token").GetString());
        Assert.False(document.RootElement.GetProperty("resource").TryGetProperty("example_secret", out _));
    }

    [Theory]
    [InlineData(", Password = $\"x-{Secret.Value}\"", "", "B.Password")]
    [InlineData("", "public static readonly Output O = new(\"o\") { Value = Secret.Value };", "O")]
    public void An_ephemeral_value_anywhere_else_is_DI1007(string password, string output, string where)
    {
        var (artifacts, diagnostics) = Harness.Failing(Harness.Compile([.. Records(), Harness.Usings + Stack.Replace(", PASSWORD", password).Replace("OUTPUT", output)]));
        Assert.Empty(artifacts);
        var failure = Assert.Single(diagnostics, d => d.Id == "DI1012");
        Assert.Contains("DI1007", failure.GetMessage());
        Assert.Contains(where, failure.GetMessage());
        Assert.Contains("ephemeral.example_secret.token.value", failure.GetMessage());
    }
}
