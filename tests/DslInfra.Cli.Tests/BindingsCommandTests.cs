namespace DslInfra.Cli.Tests;

/// <summary>`dslinfra bindings`: typed records for the types a project names, from a shipped schema or the user's own.</summary>
public sealed class BindingsCommandTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("dslinfra-bindings-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private string Output => Path.Combine(directory, "Generated");

    [Fact]
    public void A_shipped_provider_by_name_writes_one_file_per_service_and_rewrites_nothing_unchanged()
    {
        var first = Cli.Run("bindings", "--provider", "aws", "--types", "aws_vpc", "aws_subnet,data.aws_ami", "--namespace", "Acme.Aws", "--output", Output);
        Assert.True(first.Exit == 0, first.Error);
        Assert.Contains("6.47.0", first.Output);
        // Aws.g.cs: the provider release the records are for, [assembly: ProviderSchema("aws", "hashicorp/aws", "6.47.0")].
        Assert.Equal(["Aws.Ami.g.cs", "Aws.Subnet.g.cs", "Aws.Vpc.g.cs", "Aws.g.cs"], Directory.GetFiles(Output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Contains("[assembly: global::DslInfra.Schema.ProviderSchema(\"aws\", \"hashicorp/aws\", \"6.47.0\")]", File.ReadAllText(Path.Combine(Output, "Aws.g.cs")));
        var vpc = File.ReadAllText(Path.Combine(Output, "Aws.Vpc.g.cs"));
        Assert.Contains("namespace Acme.Aws;", vpc);
        Assert.Contains("[TerraformType(\"aws_vpc\")]", vpc);
        Assert.Contains("public sealed partial record DataAwsAmi(string Name) : DataSource(Name)", File.ReadAllText(Path.Combine(Output, "Aws.Ami.g.cs")));

        var again = Cli.Run("bindings", "--provider", "aws", "--types", "aws_vpc", "--namespace", "Acme.Aws", "--output", Output);
        Assert.Contains("(0 written, 2 removed)", again.Output); // the types no longer asked for are gone
        Assert.Equal(["Aws.Vpc.g.cs", "Aws.g.cs"], Directory.GetFiles(Output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Excluded_types_are_left_out_and_an_unknown_exclusion_is_named()
    {
        var run = Cli.Run("bindings", "--provider", "aws", "--types", "aws_vpc", "aws_subnet", "--exclude", "aws_vpc", "--namespace", "N", "--output", Output);
        Assert.True(run.Exit == 0, run.Error);
        Assert.Equal(["Aws.Subnet.g.cs", "Aws.g.cs"], Directory.GetFiles(Output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var bad = Cli.Run("bindings", "--provider", "aws", "--all", "--exclude", "aws_nope", "--namespace", "N", "--output", Output);
        Assert.Equal(2, bad.Exit);
        Assert.Contains("aws_nope", bad.Error);
    }

    [Fact]
    public void A_users_own_schema_file_works_the_same_way()
    {
        var schema = Path.Combine(directory, "schema.json");
        File.WriteAllText(schema, """{"format_version":"1.0","provider_schemas":{"registry.terraform.io/acme/thing":{"resource_schemas":{"thing_widget":{"version":0,"block":{"attributes":{"size":{"type":"number","required":true},"id":{"type":"string","computed":true}}}}}}}}""");
        var run = Cli.Run("bindings", schema, "--types", "thing_widget", "--namespace", "Acme.Things", "--output", Output);
        Assert.True(run.Exit == 0, run.Error);
        Assert.Contains("[TerraformName(\"size\"), Required] public Expr<double>? Size { get; init; }", File.ReadAllText(Path.Combine(Output, "Thing.Widget.g.cs")));
    }

    [Fact]
    public void A_users_schema_carries_the_release_it_says_it_came_from()
    {
        var schema = Path.Combine(directory, "schema.json");
        File.WriteAllText(schema, """{"format_version":"1.0","provider_schemas":{"registry.terraform.io/acme/thing":{"resource_schemas":{"thing_widget":{"version":0,"block":{"attributes":{"size":{"type":"number","optional":true}}}}}}}}""");
        var run = Cli.Run("bindings", schema, "--types", "thing_widget", "--provider-version", "1.2.3", "--namespace", "Acme.Things", "--output", Output);
        Assert.True(run.Exit == 0, run.Error);
        Assert.Contains("[assembly: global::DslInfra.Schema.ProviderSchema(\"thing\", \"acme/thing\", \"1.2.3\")]", File.ReadAllText(Path.Combine(Output, "Thing.g.cs")));

        var bad = Cli.Run("bindings", schema, "--types", "thing_widget", "--provider-version", "latest", "--namespace", "Acme.Things", "--output", Output);
        Assert.Equal(2, bad.Exit);
        Assert.Contains("not a provider version", bad.Error);
        var wrong = Cli.Run("bindings", "--provider", "aws", "--types", "aws_vpc", "--provider-version", "5.0.0", "--namespace", "N", "--output", Output);
        Assert.Equal(2, wrong.Exit);
        Assert.Contains("is 6.47.0, not 5.0.0", wrong.Error);
    }

    [Fact]
    public void A_file_the_command_did_not_write_is_never_overwritten()
    {
        Directory.CreateDirectory(Output);
        File.WriteAllText(Path.Combine(Output, "Aws.Vpc.g.cs"), "// mine\n");
        var run = Cli.Run("bindings", "--provider", "aws", "--types", "aws_vpc", "--namespace", "N", "--output", Output);
        Assert.Equal(2, run.Exit);
        Assert.Equal("// mine\n", File.ReadAllText(Path.Combine(Output, "Aws.Vpc.g.cs")));
    }

    [Theory]
    [InlineData("unknown type", "has no aws_nope", "--provider", "aws", "--types", "aws_nope")]
    [InlineData("no types", "--types", "--provider", "aws")]
    [InlineData("no schema", "give a schema file", "--types", "aws_vpc")]
    [InlineData("not shipped", "no schema ships for 'acme'", "--provider", "acme", "--types", "x")]
    public void Bad_input_is_exit_2_on_one_line(string why, string mentions, params string[] args)
    {
        var run = Cli.Run(["bindings", .. args, "--namespace", "N", "--output", Output]);
        Assert.True(run.Exit == 2, why);
        Assert.Contains(mentions, run.Error);
        Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void A_schema_that_is_not_one_is_exit_2()
    {
        var schema = Path.Combine(directory, "state.json");
        File.WriteAllText(schema, """{"format_version":"1.0","values":{}}""");
        var run = Cli.Run("bindings", schema, "--types", "x", "--namespace", "N", "--output", Output);
        Assert.Equal(2, run.Exit);
        Assert.Contains("provider_schemas", run.Error);
    }
}

/// <summary>Hostile or odd schemas: a clear error or compilable C#, never a crash.</summary>
public sealed class BindingsHostileSchemaTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("dslinfra-bindings-hostile-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private (int Exit, string Output, string Error) Run(string schema, params string[] extra)
    {
        var path = Path.Combine(directory, "schema.json");
        File.WriteAllText(path, schema);
        return Cli.Run(["bindings", path, "--namespace", "N", "--output", Path.Combine(directory, "out"), .. extra]);
    }

    [Theory]
    [InlineData("""{"provider_schemas":{"p/x":{"resource_schemas":{"x_a":{"block":{"attributes":[]}}}}}}""")]
    [InlineData("""{"provider_schemas":{"p/x":{"resource_schemas":{"x_a":{"block":{"attributes":{"n":{"type":["list"]}}}}}}}}""")]
    [InlineData("""{"provider_schemas":{"p/x":{"resource_schemas":{"x_a":{"block":{"attributes":{"n":{"type":"strange"}}}}}}}}""")]
    [InlineData("""{"provider_schemas":{"p/x":{"resource_schemas":{"x_a":{"block":{"block_types":{"b":{"nesting_mode":"tree","block":{}}}}}}}}}""")]
    [InlineData("""{"provider_schemas":{"p/x":{"resource_schemas":{"x_a":{}}}}}""")]
    [InlineData("""{"provider_schemas":[]}""")]
    [InlineData("""not json""")]
    public void A_schema_of_the_wrong_shape_is_exit_2_on_one_line(string schema)
    {
        var run = Run(schema, "--all");
        Assert.True(run.Exit == 2, run.Error);
        Assert.Single(run.Error.TrimEnd('\n').Split('\n'));
        Assert.DoesNotContain("internal error", run.Error);
    }

    [Fact]
    public void Type_names_that_pascal_case_alike_get_distinct_records()
    {
        var run = Run("""{"provider_schemas":{"p/x":{"resource_schemas":{"x_s3_bucket":{"block":{}},"x_s3__bucket":{"block":{}}}}}}""", "--all");
        Assert.True(run.Exit == 0, run.Error);
        var source = string.Concat(Directory.GetFiles(Path.Combine(directory, "out")).Select(File.ReadAllText));
        Assert.Contains("record XS3Bucket(string Name)", source);
        Assert.Contains("record XS3Bucket_2(string Name)", source);
    }

    [Fact]
    public void A_namespace_that_is_not_one_is_refused()
    {
        var path = Path.Combine(directory, "schema.json");
        File.WriteAllText(path, """{"provider_schemas":{"p/x":{"resource_schemas":{"x_a":{"block":{}}}}}}""");
        var run = Cli.Run("bindings", path, "--all", "--namespace", "Acme;class X{}", "--output", Path.Combine(directory, "out"));
        Assert.Equal(2, run.Exit);
        Assert.Contains("not a C# namespace", run.Error);
    }
}
