using System.Text.Json;

namespace DslInfra.Generators.Tests.Bindings;

/// <summary>
/// samples/MultiCloud: four providers' generated records (aws, azurerm, google, kubernetes) and Fn calls synthesize to
/// Terraform that HashiCorp's parser reads without an error, with references where Terraform computes values.
/// </summary>
public class MultiCloudSampleTests
{
    private static readonly Lazy<Dictionary<string, string>> Artifacts = new(() =>
    {
        var folder = Path.Combine(RepoPaths.Root, "samples", "MultiCloud");
        var sources = Directory.GetFiles(folder, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}"))
            .Order(StringComparer.Ordinal).Select(File.ReadAllText);
        // The sample's ImplicitUsings, as the SDK would add them.
        const string implicitUsings = "global using System; global using System.Collections.Generic; global using System.Linq;";
        return Harness.Artifacts(Harness.Compile([implicitUsings, .. sources]));
    });

    public static TheoryData<string> Stacks() => ["api", "scaleset", "templates", "apps"];

    [Theory]
    [MemberData(nameof(Stacks))]
    public void Every_string_of_every_stack_parses_with_hcl(string stack)
    {
        var decoded = HclDecoder.Decode(Artifacts.Value[stack + "/main.tf.json"], ".tf.json");
        Assert.NotEmpty(decoded);
        Assert.All(decoded, d => Assert.True(d.TemplateError is null, $"{d.Path}: {d.TemplateError}"));
        TerraformReferences.AssertAllDeclared(Artifacts.Value[stack + "/main.tf.json"]);
    }

    [Fact]
    public void Typed_records_of_four_providers_give_their_exact_terraform()
    {
        using var api = JsonDocument.Parse(Artifacts.Value["api/main.tf.json"]);
        var lambda = api.RootElement.GetProperty("resource").GetProperty("aws_lambda_function").GetProperty("api");
        Assert.Equal("${aws_rds_cluster.db.endpoint}", lambda.GetProperty("environment").GetProperty("variables").GetProperty("DB_HOST").GetString());
        Assert.Equal("${filebase64sha256(var.package)}", lambda.GetProperty("source_code_hash").GetString());
        Assert.Equal("${data.aws_iam_policy_document.assume_by_lambda.json}",
            api.RootElement.GetProperty("resource").GetProperty("aws_iam_role").GetProperty("api").GetProperty("assume_role_policy").GetString());

        using var scaleSet = JsonDocument.Parse(Artifacts.Value["scaleset/main.tf.json"]);
        Assert.Equal("${data.azurerm_subnet.web.id}", scaleSet.RootElement.GetProperty("resource").GetProperty("azurerm_linux_virtual_machine_scale_set")
            .GetProperty("web").GetProperty("network_interface")[0].GetProperty("ip_configuration")[0].GetProperty("subnet_id").GetString());
        Assert.True(scaleSet.RootElement.GetProperty("provider").GetProperty("azurerm").TryGetProperty("features", out _));

        using var templates = JsonDocument.Parse(Artifacts.Value["templates/main.tf.json"]);
        Assert.Equal("${data.google_compute_image.debian.self_link}", templates.RootElement.GetProperty("resource")
            .GetProperty("google_compute_instance_template").GetProperty("web").GetProperty("disk")[0].GetProperty("source_image").GetString());

        using var apps = JsonDocument.Parse(Artifacts.Value["apps/main.tf.json"]);
        var container = apps.RootElement.GetProperty("resource").GetProperty("kubernetes_deployment_v1").GetProperty("nginx")
            .GetProperty("spec").GetProperty("template").GetProperty("spec").GetProperty("container")[0];
        Assert.Equal(80, container.GetProperty("port")[0].GetProperty("container_port").GetInt32());
    }
}

/// <summary>The one catalog of what types mean for immutability, as the generator and the bindings read it.</summary>
public class CatalogTests
{
    [Fact]
    public void A_server_type_is_replace_only_however_it_is_written()
    {
        var manifest = Harness.Artifacts(Harness.Compile(Harness.Usings + """
            [Stack("s")]
            public static class S
            {
                public static readonly CustomResource Vm = new("google_compute_instance", "vm") { Arguments = new() { ["machine_type"] = "e2-small" } };
                public static readonly CustomResource Bucket = new("google_storage_bucket", "b") { Arguments = new() { ["name"] = "b" } };
            }
            """))["s/manifest.json"];
        using var document = JsonDocument.Parse(manifest);
        var updates = document.RootElement.GetProperty("resources").EnumerateArray().ToDictionary(r => r.GetProperty("address").GetString()!, r => r.GetProperty("update").GetString());
        Assert.Equal("replace-only", updates["google_compute_instance.vm"]);
        Assert.Equal("in-place", updates["google_storage_bucket.b"]);
    }

    [Fact]
    public void Generated_records_of_server_types_carry_ReplaceOnly()
    {
        var provider = DslInfra.Bindings.Schema.ProviderSchemaFile.Read(Path.Combine(RepoPaths.Root, "src", "DslInfra.Providers", "schemas", "aws.schema.json.gz")).Providers.Single();
        var source = DslInfra.Bindings.Emit.BindingGenerator.Generate(provider, new DslInfra.Bindings.Emit.BindingOptions("N", ["aws_instance", "aws_vpc"])).Select(f => f.Content).ToList();
        Assert.Contains("[ReplaceOnly]\npublic sealed partial record AwsInstance(", string.Concat(source).Replace("[TerraformType(\"aws_instance\")]\n", ""));
        Assert.DoesNotContain("[ReplaceOnly]\npublic sealed partial record AwsVpc(", string.Concat(source).Replace("[TerraformType(\"aws_vpc\")]\n", ""));
    }

    [Fact]
    public void The_samples_generated_records_are_what_dslinfra_bindings_writes_today()
    {
        // Regenerate with the commands in samples/MultiCloud/README.md after changing the bindings or the catalog.
        var folder = Path.Combine(RepoPaths.Root, "samples", "MultiCloud", "Generated");
        foreach (var file in Directory.GetFiles(folder, "*.g.cs"))
        {
            var text = File.ReadAllText(file);
            var provider = Path.GetFileName(file).Split('.')[0].ToLowerInvariant();
            var schema = DslInfra.Bindings.VendoredSchemas.Load(provider)!;
            var version = DslInfra.Bindings.VendoredSchemas.Versions[provider];
            // Aws.g.cs: the provider release the records are for, the same whatever the types and namespace.
            var versionFile = Path.GetFileName(file).Split('.').Length == 3;
            var ns = versionFile ? "Any" : System.Text.RegularExpressions.Regex.Match(text, @"namespace (\S+);").Groups[1].Value;
            var types = versionFile ? [DslInfra.Bindings.Emit.BindingGenerator.Key(schema.Types[0])]
                : System.Text.RegularExpressions.Regex.Matches(text, @"\[TerraformType\(""([^""]+)""\)\]\s*(?:\[ReplaceOnly\]\s*)?public sealed partial record (Data)?")
                    .Select(m => (m.Groups[2].Success ? "data." : "") + m.Groups[1].Value).ToList();
            var expected = DslInfra.Bindings.Emit.BindingGenerator.Generate(schema, new DslInfra.Bindings.Emit.BindingOptions(ns, types,
                $"{provider} {version}, vendored", ProviderVersion: version)).Single(f => f.Name == Path.GetFileName(file));
            Assert.True(expected.Content == text, $"{Path.GetFileName(file)} is stale: regenerate it");
        }
    }
}

/// <summary>A prebuilt provider package (DslInfra.Providers.Kubernetes): records from metadata synthesize like records from source.</summary>
public class ProviderPackageTests
{
    [Fact]
    public void A_stack_on_the_kubernetes_package_synthesizes()
    {
        var package = Microsoft.CodeAnalysis.MetadataReference.CreateFromFile(typeof(DslInfra.Kubernetes.KubernetesDeploymentV1).Assembly.Location);
        var compilation = Harness.Compile(Harness.Usings + """
            using DslInfra.Kubernetes;

            [Stack("k")]
            public static class K
            {
                public static readonly KubernetesProvider Cluster = new() { ConfigPath = "~/.kube/config" };
                public static readonly KubernetesNamespaceV1 Web = new("web") { Metadata = new() { Name = "web" } };
                public static readonly DataKubernetesNamespaceV1 Existing = new("kube_system") { Metadata = new() { Name = "kube-system" } };
                public static readonly KubernetesConfigMapV1 Settings = new("settings")
                {
                    Metadata = new() { Name = "settings", Namespace = Web.Id },
                    Data = new() { ["mode"] = "blue" },
                };
            }
            """).AddReferences(package);
        using var document = JsonDocument.Parse(Harness.Artifacts(compilation)["k/main.tf.json"]);
        var settings = document.RootElement.GetProperty("resource").GetProperty("kubernetes_config_map_v1").GetProperty("settings");
        Assert.Equal("${kubernetes_namespace_v1.web.id}", settings.GetProperty("metadata").GetProperty("namespace").GetString());
        Assert.Equal("blue", settings.GetProperty("data").GetProperty("mode").GetString());
        Assert.True(document.RootElement.GetProperty("data").GetProperty("kubernetes_namespace_v1").TryGetProperty("kube_system", out _));
    }

    [Fact]
    public void The_aws_package_types_every_aws_resource_and_data_source_the_samples_use()
    {
        // Harness references DslInfra.Providers.Aws as a user's project does: no record of aws lives in DslInfra.dll.
        Assert.Null(typeof(DslInfra.StackAttribute).Assembly.GetType("DslInfra.Aws.AwsVpc"));
        Assert.True(typeof(DslInfra.Resource).IsAssignableFrom(typeof(DslInfra.Aws.AwsAmi)));
        Assert.True(typeof(DslInfra.DataSource).IsAssignableFrom(typeof(DslInfra.Aws.DataAwsAmi)));
        var compilation = Harness.Compile(Harness.Usings + """
            [Stack("a")]
            public static class A
            {
                public static readonly AwsVpc Vpc = new("main") { CidrBlock = "10.0.0.0/16" };
                public static readonly DataAwsAmi Image = new("web") { Owners = ["self"], Filter = [new() { Name = "name", Values = ["web-1"] }] };
                public static readonly AwsDbSubnetGroup Subnets = new("db") { SubnetIds = ["subnet-1", "subnet-2"] };
                public static readonly AwsRdsCluster Db = new("db") { Engine = "aurora-postgresql", DbSubnetGroupName = Subnets.Id, StorageEncrypted = true };
            }
            """);
        Assert.Empty(compilation.GetDiagnostics().Where(d => d.Severity == Microsoft.CodeAnalysis.DiagnosticSeverity.Error));
        using var document = JsonDocument.Parse(Harness.Artifacts(compilation)["a/main.tf.json"]);
        var resources = document.RootElement.GetProperty("resource");
        Assert.Equal("${aws_db_subnet_group.db.id}", resources.GetProperty("aws_rds_cluster").GetProperty("db").GetProperty("db_subnet_group_name").GetString());
        Assert.Equal("10.0.0.0/16", resources.GetProperty("aws_vpc").GetProperty("main").GetProperty("cidr_block").GetString());
        Assert.Equal("web-1", document.RootElement.GetProperty("data").GetProperty("aws_ami").GetProperty("web").GetProperty("filter")[0].GetProperty("values")[0].GetString());
    }
}
