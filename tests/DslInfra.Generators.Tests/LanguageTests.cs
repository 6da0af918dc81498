using System.Text.Json;
using Snapshooter.Xunit;

namespace DslInfra.Generators.Tests;

/// <summary>Terraform's language beyond resources: locals, conditions and checks, moved/import/removed blocks.</summary>
public class LanguageTests
{
    private const string Estate = """
        [Stack("s")]
        public static class S
        {
            public static readonly Variable<string> Env = new("env") { Default = "prod" };

            // Written once in `locals`, referenced as local.name everywhere it is used.
            public static readonly Local<string> Prefix = new("prefix") { Value = $"acme-{Env}" };
            public static readonly Local<Map<string>> CommonTags = new("common_tags") { Value = new Map<string> { ["env"] = "prod", ["team"] = "platform" } };

            public static readonly AwsVpc Vpc = new("main")
            {
                CidrBlock = "10.0.0.0/16",
                Tags = new() { ["Name"] = $"{Prefix}-vpc" },
                Lifecycle = new()
                {
                    Preconditions = [new(Env != "", "Choose an environment.")],
                    Postconditions = [new(Condition.Self<bool>("enable_dns_support"), "DNS must stay on: the ${service} needs it.")],
                },
            };

            public static readonly AwsSubnet Subnet = new("app") { VpcId = Vpc.Id, CidrBlock = "10.0.1.0/24", Tags = new() { ["Name"] = $"{Prefix}-app" } };

            // Adopting the existing VPC, and the subnet that was called "a" before.
            public static readonly Import AdoptVpc = new() { To = Vpc, Id = "vpc-0a1b2c3d" };
            public static readonly Moved RenamedSubnet = new() { From = "aws_subnet.a", To = Subnet };
            public static readonly Removed OldBucket = new() { From = "aws_s3_bucket.legacy", Destroy = false };

            public static readonly Check Reachable = new("vpc_has_id") { Assertions = [new(Vpc.Id != "", "The VPC has no id.")] };

            public static readonly Output SubnetId = new("subnet_id")
            {
                Value = Subnet.Id,
                Preconditions = [new(Fn.Startswith(Subnet.Id, "subnet-"), "Not a subnet id.")],
            };
        }
        """;

    [Fact]
    public void Locals_conditions_checks_and_state_blocks() => Snapshot.Match(Harness.TerraformOf(Estate));

    [Fact]
    public void Every_new_block_is_read_by_HashiCorps_parser_as_written()
    {
        var json = Harness.TerraformOf(Estate);
        var strings = HclDecoder.Decode(json, ".tf.json");
        string Template(string path) => string.Concat(strings.Single(e => !e.IsKey && e.Path == path).Parts.Select(p => p.Lit ?? "${" + p.Expr + "}"));
        Assert.Equal("acme-${var.env}", Template("/locals/prefix"));
        Assert.Equal("${local.prefix}-vpc", Template("/resource/aws_vpc/main/tags/Name"));
        // The message's "${service}" is text, not an interpolation Terraform would try to evaluate.
        Assert.Equal("DNS must stay on: the ${service} needs it.", strings.Single(e => !e.IsKey && e.Path == "/resource/aws_vpc/main/lifecycle/postcondition/0/error_message").TemplateText());
        Assert.Equal("${self.enable_dns_support}", Template("/resource/aws_vpc/main/lifecycle/postcondition/0/condition"));

        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        Assert.Equal("aws_subnet.a", root.GetProperty("moved")[0].GetProperty("from").GetString());
        Assert.Equal("aws_subnet.app", root.GetProperty("moved")[0].GetProperty("to").GetString());
        Assert.Equal("aws_vpc.main", root.GetProperty("import")[0].GetProperty("to").GetString());
        Assert.False(root.GetProperty("removed")[0].GetProperty("lifecycle").GetProperty("destroy").GetBoolean());
        Assert.Equal("${aws_vpc.main.id != \"\"}", root.GetProperty("check").GetProperty("vpc_has_id").GetProperty("assert")[0].GetProperty("condition").GetString());
        Assert.Equal("${startswith(aws_subnet.app.id, \"subnet-\")}", root.GetProperty("output").GetProperty("subnet_id").GetProperty("precondition")[0].GetProperty("condition").GetString());
    }

    [Fact]
    public void A_resource_depends_on_what_its_locals_reference()
    {
        var manifest = Harness.Artifacts(Harness.Compile(Harness.Usings + """
            [Stack("s")]
            public static class S
            {
                public static readonly AwsVpc Vpc = new("main") { CidrBlock = "10.0.0.0/16" };
                public static readonly Local<string> VpcId = new("vpc_id") { Value = Vpc.Id };
                public static readonly AwsSubnet Subnet = new("app") { VpcId = VpcId, CidrBlock = "10.0.1.0/24" };
            }
            """))["s/manifest.json"];
        using var document = JsonDocument.Parse(manifest);
        var subnet = document.RootElement.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("address").GetString() == "aws_subnet.app");
        Assert.Equal(["aws_vpc.main"], subnet.GetProperty("depends_on").EnumerateArray().Select(d => d.GetString()));
    }

    private const string Modules = """
        [Stack("m")]
        public static class M
        {
            public static readonly AwsProvider West = new() { Region = "eu-west-1", Alias = "west" };
            public static readonly Variable<string> Env = new("env") { Default = "prod" };

            // A registry module, untyped: inputs by name, outputs by name.
            public static readonly Module Network = new("network")
            {
                Source = "terraform-aws-modules/vpc/aws",
                Version = "~> 5.8",
                Inputs = new()
                {
                    ["name"] = $"net-{Env}",
                    ["cidr"] = "10.0.0.0/16",
                    ["azs"] = new[] { "eu-west-1a", "eu-west-1b" },
                    ["enable_nat_gateway"] = false,
                    ["tags"] = new Map<string> { ["team"] = "platform" },
                },
                Providers = new() { ["aws"] = West },
            };

            // A local module with typed inputs and outputs.
            public static readonly Service Api = new("api") { Source = "./modules/service", VpcId = Network.Output<string>("vpc_id"), Replicas = 3 };

            public static readonly AwsSecurityGroup Sg = new("api") { VpcId = Network.Output<string>("vpc_id"), DependsOn = [Logs] };
            public static readonly AwsS3Bucket Logs = new("logs") { BucketPrefix = "logs-" };
            public static readonly Output Endpoint = new("endpoint") { Value = Api.Endpoint };
        }

        public sealed record Service(string Name) : Module(Name)
        {
            public Expr<string>? VpcId { get; init; }
            public Expr<double>? Replicas { get; init; }
            public Reference<string> Endpoint => Output<string>("endpoint");
        }
        """;

    [Fact]
    public void Modules_registry_and_local_untyped_and_typed() => Snapshot.Match(Harness.TerraformOf(Modules, "m"));

    [Fact]
    public void A_module_call_is_read_by_HashiCorps_parser_and_its_outputs_are_references()
    {
        var json = Harness.TerraformOf(Modules, "m");
        var strings = HclDecoder.Decode(json, ".tf.json");
        Assert.Contains(strings, e => e.Path == "/module/network/name" && e.Parts.Any(p => p.Expr == "var.env"));
        Assert.Contains(strings, e => e.Path == "/resource/aws_security_group/api/vpc_id" && e.Parts.Single().Expr == "module.network.vpc_id");
        Assert.Contains(strings, e => e.Path == "/output/endpoint/value" && e.Parts.Single().Expr == "module.api.endpoint");
        using var document = JsonDocument.Parse(json);
        var network = document.RootElement.GetProperty("module").GetProperty("network");
        Assert.Equal("aws.west", network.GetProperty("providers").GetProperty("aws").GetString());
        Assert.Equal(JsonValueKind.Array, network.GetProperty("azs").ValueKind);
        Assert.Equal(3, document.RootElement.GetProperty("module").GetProperty("api").GetProperty("replicas").GetInt32());
    }

    private const string Iteration = """
        [Stack("i")]
        public static class I
        {
            public static readonly Variable<Map<string>> Subnets = new("subnets") { Default = new Map<string> { ["a"] = "10.0.1.0/24", ["b"] = "10.0.2.0/24" } };
            public static readonly Variable<ImmutableArray<string>> Buckets = new("buckets") { Default = ["logs", "assets"] };
            public static readonly Variable<double> Workers = new("workers") { Default = 2 };

            public static readonly AwsVpc Vpc = new("main") { CidrBlock = "10.0.0.0/16" };

            // One subnet per entry of a map known at deploy time; each keeps its address when others come and go.
            public static readonly AwsSubnet App = new("app")
            {
                ForEach = Subnets,
                VpcId = Vpc.Id,
                CidrBlock = Each.Value<string>(),
                Tags = new() { ["Name"] = $"app-{Each.Key}" },
            };

            // A list variable: for_each takes a set.
            public static readonly AwsS3Bucket Bucket = new("bucket") { ForEach = Buckets, BucketPrefix = $"{Each.Key}-" };

            public static readonly AwsInstance Worker = new("worker")
            {
                Count = Workers,
                Ami = "ami-0123456789abcdef0",
                InstanceType = "t3.micro",
                SubnetId = App.At("a").Id,
                Tags = new() { ["Name"] = $"worker-{Count.Index}" },
            };

            public static readonly Output FirstWorker = new("first_worker") { Value = Worker.At(0).Id };
            public static readonly Output SubnetB = new("subnet_b") { Value = App.At("b").Id };
            public static readonly Moved FromOldName = new() { From = "aws_subnet.app_a", To = App.At("a") };
        }
        """;

    [Fact]
    public void Count_and_for_each_with_each_count_and_instance_references() => Snapshot.Match(Harness.TerraformOf(Iteration, "i"));

    [Fact]
    public void Instance_references_are_read_by_HashiCorps_parser()
    {
        var json = Harness.TerraformOf(Iteration, "i");
        var strings = HclDecoder.Decode(json, ".tf.json");
        Assert.Equal("aws_subnet.app[\"a\"].id", strings.Single(e => !e.IsKey && e.Path == "/resource/aws_instance/worker/subnet_id").Parts.Single().Expr);
        Assert.Equal("aws_instance.worker[0].id", strings.Single(e => !e.IsKey && e.Path == "/output/first_worker/value").Parts.Single().Expr);
        Assert.Equal("toset(var.buckets)", strings.Single(e => !e.IsKey && e.Path == "/resource/aws_s3_bucket/bucket/for_each").Parts.Single().Expr);
        Assert.Equal("each.value", strings.Single(e => !e.IsKey && e.Path == "/resource/aws_subnet/app/cidr_block").Parts.Single().Expr);
        using var document = JsonDocument.Parse(json);
        Assert.Equal("aws_subnet.app[\"a\"]", document.RootElement.GetProperty("moved")[0].GetProperty("to").GetString());
        var manifest = Harness.Artifacts(Harness.Compile(Harness.Usings + Iteration))["i/manifest.json"];
        Assert.Contains("\"aws_subnet.app\"", manifest);
        Assert.DoesNotContain("app[", manifest);
        // The model's edge from the worker to one instance of the subnets: the block, with the key in the attribute.
        using var edges = JsonDocument.Parse(manifest);
        var worker = edges.RootElement.GetProperty("resources").EnumerateArray().Single(r => r.GetProperty("address").GetString() == "aws_instance.worker");
        Assert.Contains(worker.GetProperty("references").EnumerateArray(), e => e.GetProperty("argument").GetString() == "subnet_id"
            && e.GetProperty("to").GetString() == "aws_subnet.app" && e.GetProperty("attribute").GetString() == "[\"a\"].id" && e.GetProperty("kind").GetString() == "value");
    }

    [Theory]
    [InlineData("new GcsBackend { Bucket = \"acme-tf\", Prefix = \"web\" }", "backend", "gcs")]
    [InlineData("new AzurermBackend { StorageAccountName = \"acmetf\", ContainerName = \"tfstate\", Key = \"web.tfstate\", UseAzureadAuth = true }", "backend", "azurerm")]
    [InlineData("new HttpBackend { Address = \"https://gitlab.example.com/api/v4/projects/1/terraform/state/web\", LockMethod = \"POST\", RetryMax = 3 }", "backend", "http")]
    [InlineData("new ConsulBackend { Path = \"tf/web\", Address = \"consul:8500\" }", "backend", "consul")]
    [InlineData("new PgBackend { SchemaName = \"web\" }", "backend", "pg")]
    [InlineData("new KubernetesBackend { SecretSuffix = \"web\", Namespace = \"infra\" }", "backend", "kubernetes")]
    [InlineData("new CosBackend { Bucket = \"tf-1250000000\", Region = \"ap-guangzhou\" }", "backend", "cos")]
    [InlineData("new OssBackend { Bucket = \"acme-tf\", Key = \"web.tfstate\" }", "backend", "oss")]
    [InlineData("new RemoteBackend { Organization = \"acme\", Workspaces = new() { Name = \"web\" } }", "backend", "remote")]
    [InlineData("new HcpTerraform { Organization = \"acme\", Workspaces = new() { Tags = [\"web\", \"prod\"], Project = \"platform\" } }", "cloud", null)]
    public void Every_backend_Terraform_ships_is_written_where_Terraform_reads_it(string backend, string block, string? type)
    {
        var json = Harness.TerraformOf($$"""
            [Stack("b")]
            public static class B
            {
                public static readonly Backend State = {{backend}};
            }
            """, "b");
        HclDecoder.Decode(json, ".tf.json");
        using var document = JsonDocument.Parse(json);
        var settings = document.RootElement.GetProperty("terraform").GetProperty(block);
        if (type is not null)
            settings = settings.GetProperty(type);
        Assert.Equal(JsonValueKind.Object, settings.ValueKind);
        Assert.NotEmpty(settings.EnumerateObject());
    }

    [Fact]
    public void The_cloud_block_takes_the_backends_place() => Snapshot.Match(Harness.TerraformOf("""
        [Stack("b")]
        public static class B
        {
            public static readonly HcpTerraform State = new() { Organization = "acme", Workspaces = new() { Tags = ["web", "prod"], Project = "platform" } };
        }
        """, "b"));

    [Fact]
    public void A_secret_read_from_an_ephemeral_resource_reaches_only_a_write_only_argument()
    {
        // docs/rules/DI3001.md's example, as written there.
        var json = Harness.TerraformOf("""
            [Stack("s")]
            public static class S
            {
                public static readonly EphemeralAwsSecretsmanagerSecretVersion DbSecret = new("db") { SecretId = "prod/db/password" };
                public static readonly AwsDbInstance Db = new("main")
                {
                    Engine = "postgres", InstanceClass = "db.t4g.micro",
                    PasswordWo = DbSecret.SecretString,
                    PasswordWoVersion = 1,
                };
            }
            """);
        using var document = JsonDocument.Parse(json);
        Assert.Equal("${ephemeral.aws_secretsmanager_secret_version.db.secret_string}",
            document.RootElement.GetProperty("resource").GetProperty("aws_db_instance").GetProperty("main").GetProperty("password_wo").GetString());
        Assert.True(document.RootElement.GetProperty("ephemeral").TryGetProperty("aws_secretsmanager_secret_version", out _));
        TerraformReferences.AssertAllDeclared(json);
    }

    private const string TwoStacks = """
        [Stack("network")]
        public static class NetworkStack
        {
            public static readonly S3Backend State = new() { Bucket = "acme-tf", Key = "network.tfstate", Region = "eu-west-1" };
            public static readonly AwsVpc Vpc = new("main") { CidrBlock = "10.0.0.0/16" };
            public static readonly Output<string> VpcId = new("vpc_id") { Value = Vpc.Id };
        }

        [Stack("app")]
        public static class AppStack
        {
            public static readonly AwsSubnet Subnet = new("app") { VpcId = NetworkStack.VpcId, CidrBlock = "10.0.1.0/24" };
            public static readonly Output<string> SubnetId = new("subnet_id") { Value = Subnet.Id };
        }

        [Stack("edge")]
        public static class EdgeStack
        {
            public static readonly AwsSecurityGroup Sg = new("edge") { VpcId = NetworkStack.VpcId, Description = $"in front of {AppStack.SubnetId}" };
        }
        """;

    [Fact]
    public void A_stack_reads_another_stacks_output_from_its_state()
    {
        var artifacts = Harness.Artifacts(Harness.Compile(Harness.Usings + TwoStacks));
        Snapshot.Match(artifacts["edge/main.tf.json"]);
        using var app = JsonDocument.Parse(artifacts["app/main.tf.json"]);
        var remote = app.RootElement.GetProperty("data").GetProperty("terraform_remote_state").GetProperty("network");
        Assert.Equal("s3", remote.GetProperty("backend").GetString());
        Assert.Equal("network.tfstate", remote.GetProperty("config").GetProperty("key").GetString());
        Assert.Equal("${data.terraform_remote_state.network.outputs.vpc_id}",
            app.RootElement.GetProperty("resource").GetProperty("aws_subnet").GetProperty("app").GetProperty("vpc_id").GetString());
        // The app stack keeps no backend: the edge stack reads its state where Terraform's local default puts it.
        using var edge = JsonDocument.Parse(artifacts["edge/main.tf.json"]);
        Assert.Equal("../app/terraform.tfstate", edge.RootElement.GetProperty("data").GetProperty("terraform_remote_state").GetProperty("app").GetProperty("config").GetProperty("path").GetString());
        using var manifest = JsonDocument.Parse(artifacts["edge/manifest.json"]);
        Assert.Equal(["app", "network"], manifest.RootElement.GetProperty("reads_stacks").EnumerateArray().Select(s => s.GetString()));
        foreach (var stack in new[] { "network", "app", "edge" })
            TerraformReferences.AssertAllDeclared(artifacts[stack + "/main.tf.json"]);
    }

    private const string StacksInACycle = """
        [Stack("a")]
        public static class A
        {
            public static readonly AwsVpc Vpc = new("main") { CidrBlock = "10.0.0.0/16", Tags = new() { ["peer"] = B.VpcId } };
            public static readonly Output<string> VpcId = new("vpc_id") { Value = Vpc.Id };
        }

        [Stack("b")]
        public static class B
        {
            public static readonly AwsVpc Vpc = new("main") { CidrBlock = "10.1.0.0/16", Tags = new() { ["peer"] = A.VpcId } };
            public static readonly Output<string> VpcId = new("vpc_id") { Value = Vpc.Id };
        }
        """;

    [Fact]
    public void Stacks_that_read_each_other_in_a_cycle_are_DI1005_and_write_nothing()
    {
        var (artifacts, diagnostics) = Harness.Failing(Harness.Compile(Harness.Usings + StacksInACycle));
        Assert.Empty(artifacts);
        Assert.Contains(diagnostics, d => d.Id == "DI1012" && d.GetMessage().Contains("DI1005") && d.GetMessage().Contains("a → b → a"));
        var analyzer = Harness.Diagnostics(StacksInACycle);
        Assert.Equal(2, analyzer.Count(d => d.Id == "DI1005"));
    }

    private const string DynamicBlocks = """
        [Stack("d")]
        public static class D
        {
            public static readonly Variable<Map<string>> ExtraTags = new("extra_tags") { Default = new Map<string> { ["team"] = "platform" } };
            public static readonly Variable<ImmutableArray<Map<string>>> Rules = new("rules");

            public static readonly AwsAutoscalingGroup Asg = new("web")
            {
                MinSize = 1,
                MaxSize = 3,
                LaunchTemplate = new() { Id = "lt-1" },
                // One written tag, and one more per entry of a map known at deploy time.
                Tag = [new() { Key = "Name", Value = "web", PropagateAtLaunch = true },
                       .. Dynamic.For(ExtraTags, tag => new AwsAutoscalingGroup.TagBlock { Key = tag.Key, Value = tag.Value<string>(), PropagateAtLaunch = true })],
            };

            public static readonly AwsLbListener Http = new("http")
            {
                LoadBalancerArn = "arn:aws:elasticloadbalancing:eu-west-1:123456789012:loadbalancer/app/web/1",
                DefaultAction = Dynamic.For(Rules, rule => new AwsLbListener.DefaultActionBlock { Type = rule.Value<string>("type"), TargetGroupArn = rule.Value<string>("target") }),
            };
        }
        """;

    [Fact]
    public void Dynamic_blocks_beside_written_ones() => Snapshot.Match(Harness.TerraformOf(DynamicBlocks, "d"));

    [Fact]
    public void Dynamic_blocks_are_read_by_HashiCorps_parser_with_their_iterators()
    {
        var json = Harness.TerraformOf(DynamicBlocks, "d");
        TerraformReferences.AssertAllDeclared(json);
        using var document = JsonDocument.Parse(json);
        var asg = document.RootElement.GetProperty("resource").GetProperty("aws_autoscaling_group").GetProperty("web");
        Assert.Equal("Name", asg.GetProperty("tag")[0].GetProperty("key").GetString());
        var tag = asg.GetProperty("dynamic").GetProperty("tag")[0];
        Assert.Equal("${var.extra_tags}", tag.GetProperty("for_each").GetString());
        Assert.Equal("tag", tag.GetProperty("iterator").GetString());
        Assert.Equal("${tag.value}", tag.GetProperty("content").GetProperty("value").GetString());
        var action = document.RootElement.GetProperty("resource").GetProperty("aws_lb_listener").GetProperty("http").GetProperty("dynamic").GetProperty("default_action")[0];
        Assert.Equal("${rule.value.type}", action.GetProperty("content").GetProperty("type").GetString());
        Assert.False(document.RootElement.GetProperty("resource").GetProperty("aws_lb_listener").GetProperty("http").TryGetProperty("default_action", out _));
    }

    [Fact]
    public void One_instance_of_a_module_called_with_for_each()
    {
        var json = Harness.TerraformOf("""
            [Stack("s")]
            public static class S
            {
                public static readonly Variable<Map<string>> Regions = new("regions") { Default = new Map<string> { ["eu"] = "10.0.0.0/16" } };
                public static readonly Module Net = new("net") { Source = "./modules/net", ForEach = Regions, Inputs = new() { ["cidr"] = Each.Value<string>(), ["name"] = Each.Key } };
                public static readonly AwsSecurityGroup Sg = new("eu") { VpcId = Net.At("eu").Output<string>("vpc_id") };
            }
            """);
        TerraformReferences.AssertAllDeclared(json);
        using var document = JsonDocument.Parse(json);
        Assert.Equal("${module.net[\"eu\"].vpc_id}", document.RootElement.GetProperty("resource").GetProperty("aws_security_group").GetProperty("eu").GetProperty("vpc_id").GetString());
        Assert.Equal("${var.regions}", document.RootElement.GetProperty("module").GetProperty("net").GetProperty("for_each").GetString());
        Assert.Equal("${each.value}", document.RootElement.GetProperty("module").GetProperty("net").GetProperty("cidr").GetString());
    }
}
