namespace DslInfra.Cli.Tests.Bindings;

/// <summary>
/// `dslinfra bindings` on schemas DslInfra does not ship (a third-party provider's names and descriptions are not ours
/// to trust): it writes C# that compiles with every record on disk, or refuses with one line; nothing of the user's is
/// ever replaced. Each case is one a fuzzer found.
/// </summary>
public sealed class HostileSchemaTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("dslinfra-hostile-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string Output => Path.Combine(directory, "Generated");

    private (int Exit, string Output, string Error) Bindings(string schemaJson, string ns = "Acme.Infra", string schemaName = "schema.json")
    {
        var schema = Path.Combine(directory, schemaName);
        File.WriteAllText(schema, schemaJson);
        return Cli.Run("bindings", schema, "--all", "--namespace", ns, "--output", Output);
    }

    /// <summary>Exit 0, C# that compiles, and one record for each type of the schema.</summary>
    private void AssertCompilesWithEveryRecord((int Exit, string Output, string Error) run, params string[] types)
    {
        Assert.True(run.Exit == 0, run.Error);
        Assert.Empty(GeneratedCode.Problems(Output));
        Assert.Equal(types.Order(StringComparer.Ordinal), GeneratedCode.TerraformTypes(Output).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("line\u2028separator")]
    [InlineData("paragraph\u2029separator")]
    [InlineData("next\u0085line")]
    [InlineData("lone \ud800 surrogate, and \uffff")]
    public void A_description_stays_inside_its_doc_comment(string description) =>
        AssertCompilesWithEveryRecord(Bindings(SchemaJson.Write("registry.terraform.io/acme/x", [SchemaJson.Resource("x_thing", description: description)])), "x_thing");

    [Theory]
    [InlineData("x_a\u0085b")]
    [InlineData("x_a\u2028b")]
    [InlineData("x_a\"b\\c")]
    [InlineData("x_lone\udc00")]
    public void A_type_name_C_sharp_reads_as_a_line_end_is_an_escaped_literal(string type) =>
        AssertCompilesWithEveryRecord(Bindings(SchemaJson.Write("registry.terraform.io/acme/x", [SchemaJson.Resource(type, attribute: "a\u2028b")])), type);

    [Theory]
    [InlineData("registry.terraform.io/acme/x", "x_new\nline_thing", "schema.json")]
    [InlineData("registry.terraform.io/acme\n// x/x", "x_thing", "schema.json")]
    [InlineData("registry.terraform.io/acme/x", "x_thing", "sche\nma.json")]
    public void A_newline_in_the_service_the_address_or_the_file_name_stays_out_of_the_header(string address, string type, string file) =>
        AssertCompilesWithEveryRecord(Bindings(SchemaJson.Write(address, [SchemaJson.Resource(type)]), schemaName: file), type);

    [Fact]
    public void Types_named_like_the_DSLs_own_types_do_not_hide_them()
    {
        var run = Bindings(SchemaJson.Write("registry.terraform.io/acme/x",
        [
            SchemaJson.Resource("resource"), SchemaJson.Resource("data_source"), SchemaJson.Resource("ephemeral_resource"),
            SchemaJson.Resource("expr"), SchemaJson.Resource("reference"), SchemaJson.Resource("terraform_name_attribute"),
            new("resource_schemas", "x_dynamic", [("value", "\"dynamic\"", null)]),
        ]));
        AssertCompilesWithEveryRecord(run, "resource", "data_source", "ephemeral_resource", "expr", "reference", "terraform_name_attribute", "x_dynamic");
        var code = string.Concat(Directory.GetFiles(Output).Select(File.ReadAllText));
        Assert.DoesNotContain("record Expr(", code);
        Assert.Contains("record Expr_2(string Name) : Resource(Name)", code);
    }

    [Theory]
    [InlineData("class")]
    [InlineData("Acme.DataSource")]
    [InlineData("Acme.Expr")]
    [InlineData("Acme..Infra")]
    [InlineData("Acme.1x")]
    [InlineData("Acme.In fra")]
    [InlineData("Acme.in\nfra")]
    public void A_namespace_the_records_cannot_have_is_refused_on_one_line(string ns)
    {
        var run = Bindings(SchemaJson.Write("registry.terraform.io/acme/x", [SchemaJson.Resource("x_thing")]), ns);
        Assert.Equal(2, run.Exit);
        Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
        Assert.Contains("namespace", run.Error);
        Assert.False(Directory.Exists(Output) && Directory.EnumerateFiles(Output).Any());
    }

    [Theory]
    [InlineData("Acme.Infra")]
    [InlineData("Acme.record")]          // a contextual keyword is an identifier
    [InlineData("Ácme.Ínfra_2")]
    public void A_namespace_by_the_CSharp_grammar_is_taken(string ns) =>
        AssertCompilesWithEveryRecord(Bindings(SchemaJson.Write("registry.terraform.io/acme/x", [SchemaJson.Resource("x_thing")]), ns), "x_thing");

    [Theory]
    [InlineData("x_ab_one", "x_Ab_two")]
    [InlineData("x_vpc", "x__vpc")]
    [InlineData("x_a1", "x_a-1")]
    [InlineData("x_vpc", "x_v\ufeffpc")]
    [InlineData("x_ab", "x_AB")]
    public void Services_that_name_one_file_keep_every_record(string one, string two)
    {
        AssertCompilesWithEveryRecord(Bindings(SchemaJson.Write("registry.terraform.io/acme/x", [SchemaJson.Resource(one), SchemaJson.Resource(two)])), one, two);
        var names = Directory.GetFiles(Output).Select(Path.GetFileName).ToList();
        Assert.Equal(names.Count, names.Distinct(StringComparer.OrdinalIgnoreCase).Count()); // one file each on Windows and macOS too
    }

    [Fact]
    public void An_empty_file_of_the_users_is_never_replaced()
    {
        Directory.CreateDirectory(Output);
        File.WriteAllText(Path.Combine(Output, "X.Thing.g.cs"), "");
        var run = Bindings(SchemaJson.Write("registry.terraform.io/acme/x", [SchemaJson.Resource("x_thing")]));
        Assert.Equal(2, run.Exit);
        Assert.Equal("", File.ReadAllText(Path.Combine(Output, "X.Thing.g.cs")));
    }

    [Fact]
    public void A_file_of_the_users_under_another_case_is_never_replaced()
    {
        Directory.CreateDirectory(Output);
        File.WriteAllText(Path.Combine(Output, "X.THING.g.cs"), "// mine\n");
        var run = Bindings(SchemaJson.Write("registry.terraform.io/acme/x", [SchemaJson.Resource("x_thing")]));
        Assert.Equal(2, run.Exit);
        Assert.Equal(["X.THING.g.cs"], Directory.GetFiles(Output).Select(Path.GetFileName));
    }

    [Theory]
    [InlineData("""{"provider_schemas":{"registry.terraform.io/acme/x":{"resource_schemas":{"x_a":{"block":{}},"x_a":{"block":{}}}}}}""", "'x_a' twice")]
    [InlineData("""{"provider_schemas":{"registry.terraform.io/acme/x":{"resource_schemas":{"x_a":{"block":{"attributes":{"n":{"type":"string"},"n":{"type":"number"}}}}}}}}""", "'n' twice")]
    [InlineData("""{"provider_schemas":{"registry.terraform.io/acme/x":{},"registry.terraform.io/acme/x":{}}}""", "twice")]
    public void A_schema_that_names_something_twice_is_refused_as_a_schema_problem(string schema, string message)
    {
        var path = Path.Combine(directory, "schema.json");
        File.WriteAllText(path, schema);
        var run = Cli.Run("bindings", path, "--types", "x_a", "--namespace", "Acme", "--output", Output);
        Assert.Equal(2, run.Exit);
        Assert.Contains(message, run.Error);
        Assert.DoesNotContain("internal error", run.Error);
    }

    [Fact]
    public void A_deprecated_type_or_argument_is_obsolete_so_CSharp_warns_where_Terraform_would()
    {
        var schema = """
            {"format_version":"1.0","provider_schemas":{"registry.terraform.io/acme/x":{"resource_schemas":{
              "x_old":{"version":0,"block":{"deprecated":true,"attributes":{"size":{"type":"string","optional":true}}}},
              "x_new":{"version":0,"block":{"attributes":{"legacy":{"type":"string","optional":true,"deprecated":true},"size":{"type":"string","optional":true}}}}}}}}
            """;
        AssertCompilesWithEveryRecord(Bindings(schema), "x_old", "x_new");
        var code = string.Concat(Directory.GetFiles(Output).Select(File.ReadAllText));
        Assert.Matches(@"\[TerraformType\(""x_old""\)\]\s*\[global::System\.Obsolete\(", code);
        Assert.Matches(@"\[TerraformName\(""legacy""\), global::System\.Obsolete\(", code);
        Assert.DoesNotMatch(@"\[TerraformName\(""size""\), global::System\.Obsolete", code);
    }
}
