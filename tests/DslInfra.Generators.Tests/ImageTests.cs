using System.Globalization;
using System.Text.Json;
using Microsoft.CodeAnalysis;

namespace DslInfra.Generators.Tests;

/// <summary>Baked images: content-addressed names, Packer templates, quoting of values in bake commands, and their diagnostics.</summary>
public class ImageTests
{
    private static string Stack(string inline = "\"sudo apt-get install -y nginx\"", string extra = "") => $$"""
        [Stack("s")]
        public static class S
        {
            private const string Greeting = "hello";
            public static readonly AmazonEbsImage Web = new("web")
            {
                SourceAmi = "ami-0123456789abcdef0",
                InstanceType = "t3.small",
                SshUsername = "ubuntu",
                Provisioners =
                [
                    new Shell { Inline = [{{inline}}] },
                    new FileUpload { Source = "files/app.conf", Destination = "/tmp/app.conf" },
                ],
            };
            public static readonly AwsLaunchTemplate Lt = new("web") { ImageId = Web.AmiId };
            {{extra}}
        }
        """;

    private static readonly (string, string)[] Files = [("files/app.conf", "port=8080\n")];

    private static Dictionary<string, string> Generate(string source, params (string, string)[] files) =>
        Harness.Artifacts(Harness.Compile(Harness.Usings + source), files.Length == 0 ? Files : files);

    private static string PublishedName(Dictionary<string, string> artifacts) =>
        JsonDocument.Parse(artifacts["s/images/web.pkr.json"]).RootElement.GetProperty("source").GetProperty("amazon-ebs").GetProperty("web").GetProperty("ami_name").GetString()!;

    [Fact]
    public void A_regeneration_epoch_renames_every_image_so_a_scheduled_build_bakes_it_again()
    {
        var plain = PublishedName(Generate(Stack()));
        string WithEpoch(string epoch) => PublishedName(Harness.ArtifactsOf(Harness.Driver(false, epoch, Files).RunGenerators(Harness.Compile(Harness.Usings + Stack())).GetRunResult()));
        // No epoch (an empty property, as a normal build has) keeps the name; each epoch gives a name of its own.
        Assert.Equal(plain, WithEpoch(""));
        Assert.NotEqual(plain, WithEpoch("2026-W50"));
        Assert.NotEqual(WithEpoch("2026-W50"), WithEpoch("2026-W51"));
        Assert.Equal(WithEpoch("2026-W50"), WithEpoch("2026-W50"));
    }

    [Fact]
    public void The_name_is_stable_across_runs_and_cultures()
    {
        var first = PublishedName(Generate(Stack()));
        var previous = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = new CultureInfo("tr-TR");
        try
        {
            Assert.Equal(first, PublishedName(Generate(Stack())));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
        Assert.Matches("^web-[0-9a-f]{12}$", first);
    }

    [Fact]
    public void A_changed_provisioner_is_a_new_image_and_the_launch_template_follows()
    {
        var before = Generate(Stack());
        var after = Generate(Stack("\"sudo apt-get install -y nginx=1.24.0-2\""));
        Assert.NotEqual(PublishedName(before), PublishedName(after));
        Assert.Contains(PublishedName(after), after["s/main.tf.json"]);
        Assert.DoesNotContain(PublishedName(before), after["s/main.tf.json"]);
        Assert.Contains("\"image_id\": \"${data.aws_ami.web_image.id}\"", after["s/main.tf.json"]);
    }

    [Fact]
    public void A_changed_source_ami_is_a_new_image() =>
        Assert.NotEqual(PublishedName(Generate(Stack())), PublishedName(Generate(Stack().Replace("ami-0123456789abcdef0", "ami-0fedcba9876543210"))));

    [Fact]
    public void A_changed_uploaded_file_is_a_new_image_but_line_endings_are_not()
    {
        var original = PublishedName(Generate(Stack(), ("files/app.conf", "port=8080\n")));
        Assert.NotEqual(original, PublishedName(Generate(Stack(), ("files/app.conf", "port=9090\n"))));
        Assert.Equal(original, PublishedName(Generate(Stack(), ("files/app.conf", "port=8080\r\n"))));
    }

    [Fact]
    public void The_uploaded_file_travels_beside_the_template()
    {
        var artifacts = Generate(Stack());
        Assert.Equal("port=8080\n", artifacts["s/images/files/app.conf"]);
        Assert.Contains("\"source\": \"${path.root}/files/app.conf\"", artifacts["s/images/web.pkr.json"]);
    }

    [Fact]
    public void The_manifest_records_image_hash_and_dependents()
    {
        var artifacts = Generate(Stack());
        var image = JsonDocument.Parse(artifacts["s/manifest.json"]).RootElement.GetProperty("images")[0];
        Assert.Equal(PublishedName(artifacts), image.GetProperty("published_name").GetString());
        Assert.Equal(PublishedName(artifacts)[4..], image.GetProperty("hash").GetString());
        Assert.Equal("aws_launch_template.web", image.GetProperty("dependents")[0].GetString());
        var template = JsonDocument.Parse(artifacts["s/manifest.json"]).RootElement.GetProperty("resources").EnumerateArray()
            .Single(r => r.GetProperty("address").GetString() == "aws_launch_template.web");
        Assert.Equal("web", template.GetProperty("images")[0].GetString());
    }

    [Theory]
    [InlineData("it's", "'it'\\''s'")]
    [InlineData("$(reboot)", "'$(reboot)'")]
    [InlineData("`id`", "'`id`'")]
    [InlineData("a && rm -rf /", "'a && rm -rf /'")]
    [InlineData("two\nlines", "'two\nlines'")]
    [InlineData("plain-value_1.2", "plain-value_1.2")]
    [InlineData("", "''")]
    public void A_stack_value_in_a_bake_command_stays_one_argument(string value, string quoted)
    {
        var literal = SymbolDisplay(value);
        var artifacts = Generate(Stack("$\"echo {Value} > /etc/motd\"", $"private const string Value = {literal};"));
        var command = JsonDocument.Parse(artifacts["s/images/web.pkr.json"]).RootElement.GetProperty("build")[0]
            .GetProperty("provisioner")[0].GetProperty("shell").GetProperty("inline")[0].GetString();
        Assert.Equal($"echo {quoted} > /etc/motd", command);
    }

    [Fact]
    public void The_literal_text_of_a_command_is_the_authors_and_is_not_quoted() =>
        Assert.Contains("\"sudo apt-get install -y nginx\"", Generate(Stack())["s/images/web.pkr.json"]);

    [Fact]
    public void DI1010_an_uploaded_file_that_is_not_an_additional_file()
    {
        var diagnostics = Harness.Diagnostics([Stack()], []);
        var missing = Assert.Single(diagnostics, d => d.Id == "DI1010");
        Assert.Contains("files/app.conf", missing.GetMessage(CultureInfo.InvariantCulture));
        var line = missing.Location.SourceTree!.GetText().Lines[missing.Location.GetLineSpan().StartLinePosition.Line].ToString();
        Assert.Contains("AmazonEbsImage Web", line); // on the image's member
        var (artifacts, generator) = Harness.Failing(Harness.Compile(Harness.Usings + Stack()), ("other.txt", "x"));
        Assert.Empty(artifacts);
        Assert.Contains(generator, d => d.Id == "DI1012" && d.GetMessage(CultureInfo.InvariantCulture).Contains("files/app.conf"));
    }

    [Fact]
    public void DI3003_an_image_nothing_uses()
    {
        var unused = Stack().Replace("ImageId = Web.AmiId", "ImageId = \"ami-0123\"");
        var diagnostic = Assert.Single(Harness.Diagnostics([unused], Files), d => d.Id == "DI3003");
        Assert.Equal(DiagnosticSeverity.Warning, diagnostic.Severity);
        Assert.DoesNotContain(Harness.Diagnostics([Stack()], Files), d => d.Id is "DI3003" or "DI1010");
    }

    private static string SymbolDisplay(string value) => Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(value, quote: true);
}
