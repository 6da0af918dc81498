using System.Text.Json;
using Snapshooter;
using Snapshooter.Xunit;

namespace DslInfra.Cli.Tests.Blast;

/// <summary>`dslinfra diff` follows each change through the generated Terraform's references.</summary>
public sealed class BlastRadiusTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("dslinfra-blast-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    /// <summary>The immutable web tier of samples/WebService, cut to what the blast radius reads.</summary>
    private static string WebTier(string imageName = "web-676048ab062d", string templateType = "t3.small", string groupVersion = "latest_version",
        bool instanceRefresh = true, string sgDescription = "app") => $$"""
        {
          "data": { "aws_ami": { "web_image": { "filter": [ { "name": "name", "values": [ "{{imageName}}" ] } ], "owners": [ "self" ] } } },
          "resource": {
            "aws_security_group": { "app": { "description": "{{sgDescription}}", "vpc_id": "${aws_vpc.main.id}" } },
            "aws_vpc": { "main": { "cidr_block": "10.0.0.0/16" } },
            "aws_launch_template": { "web": {
              "image_id": "${data.aws_ami.web_image.id}", "instance_type": "{{templateType}}",
              "vpc_security_group_ids": [ "${aws_security_group.app.id}" ] } },
            "aws_autoscaling_group": { "web": {
              {{(instanceRefresh ? "\"instance_refresh\": { \"strategy\": \"Rolling\" }," : "")}}
              "launch_template": { "id": "${aws_launch_template.web.id}", "version": "${aws_launch_template.web.{{groupVersion}}}" },
              "max_size": 6, "min_size": 2 } },
            "aws_lb_target_group": { "web": { "name": "web", "vpc_id": "${aws_vpc.main.id}" } }
          }
        }
        """;

    private static string ManifestWith(string hash) =>
        $$"""{ "format_version": "1", "resources": [], "images": [ { "name": "web", "hash": "{{hash}}" } ] }""";

    private string Folder(string name, string terraform, string? manifest = null)
    {
        var folder = Path.Combine(root, name);
        Directory.CreateDirectory(Path.Combine(folder, "web"));
        File.WriteAllText(Path.Combine(folder, "web", "main.tf.json"), terraform);
        if (manifest is not null)
            File.WriteAllText(Path.Combine(folder, "web", "manifest.json"), manifest);
        return folder;
    }

    private (string Text, JsonElement Json) Diff(string before, string after, string? beforeManifest = null, string? afterManifest = null)
    {
        var (a, b) = (Folder("a" + Guid.NewGuid().ToString("N"), before, beforeManifest), Folder("b" + Guid.NewGuid().ToString("N"), after, afterManifest));
        var text = Cli.Run("diff", a, b);
        Assert.Equal(0, text.Exit);
        var json = Cli.Run("diff", a, b, "--format", "json");
        return (text.Output, JsonDocument.Parse(json.Output).RootElement.GetProperty("blast_radius").Clone());
    }

    private static List<string> Effects(JsonElement blast, string cause) =>
        blast.EnumerateArray().Single(c => c.GetProperty("cause").GetString() == cause).GetProperty("consequences").EnumerateArray()
            .Select(c => $"{c.GetProperty("address").GetString()} {c.GetProperty("effect").GetString()}").ToList();

    [Fact]
    public void A_rebuilt_image_rolls_the_group_through_the_data_source_and_a_new_launch_template_version()
    {
        var (text, blast) = Diff(WebTier(), WebTier(imageName: "web-99aa88bb77cc"), ManifestWith("676048ab062d"), ManifestWith("99aa88bb77cc"));
        Assert.Equal(["data.aws_ami.web_image re-read", "aws_launch_template.web gets-a-new-version", "aws_autoscaling_group.web rolls-its-instances"],
            Effects(blast, "image web"));
        // The re-read data source is explained by the image: it is not a cause of its own.
        Assert.Single(blast.EnumerateArray());
        Assert.Contains("      ~   aws_launch_template.web gets a new version (image_id from data.aws_ami.web_image)", text);
        Assert.Contains("~>  aws_autoscaling_group.web rolls its instances (launch_template from aws_launch_template.web; instance_refresh)", text);
    }

    [Fact]
    public void An_in_place_change_reaches_only_blocks_that_read_what_changed()
    {
        // The group reads the template's latest_version: a new version rolls it.
        var (_, byVersion) = Diff(WebTier(), WebTier(templateType: "t3.large"));
        Assert.Equal(["aws_autoscaling_group.web rolls-its-instances"], Effects(byVersion, "aws_launch_template.web"));

        // Read by .id (and a pinned version) only: a new version changes nothing the group reads.
        var (_, byId) = Diff(WebTier(groupVersion: "id"), WebTier(groupVersion: "id", templateType: "t3.large"));
        Assert.Empty(byId.EnumerateArray());
    }

    [Fact]
    public void A_group_without_an_instance_refresh_is_updated_and_its_running_instances_keep_the_old_configuration()
    {
        var (text, blast) = Diff(WebTier(instanceRefresh: false), WebTier(instanceRefresh: false, templateType: "t3.large"));
        Assert.Equal(["aws_autoscaling_group.web updated-in-place"], Effects(blast, "aws_launch_template.web"));
        Assert.Contains("no instance_refresh: running instances keep the old configuration until they are replaced", text);
    }

    [Fact]
    public void A_replacement_reaches_every_reader_and_a_forcing_argument_replaces_the_reader_in_turn()
    {
        const string before = """
            { "resource": {
                "aws_vpc": { "main": { "cidr_block": "10.0.0.0/16" } },
                "aws_subnet": { "a": { "vpc_id": "${aws_vpc.main.id}", "cidr_block": "10.0.0.0/20" } },
                "aws_instance": { "box": { "subnet_id": "${aws_subnet.a.id}", "ami": "ami-1" } },
                "aws_route53_record": { "box": { "records": [ "${aws_instance.box.private_ip}" ], "name": "box" } },
                "aws_s3_bucket": { "logs": { "bucket": "logs", "lifecycle": { "replace_triggered_by": [ "aws_instance.box" ] } } },
                "aws_iam_role": { "r": { "name": "r", "depends_on": [ "aws_instance.box" ] } }
              },
              "data": { "aws_instances": { "all": { "depends_on": [ "aws_instance.box" ] } } } }
            """;
        var (_, blast) = Diff(before, before.Replace("10.0.0.0/16", "10.1.0.0/16"));
        // depends_on carries no value: the role is not reached; the data source waits for the apply and is read again.
        Assert.Equal(
            ["aws_instance.box replaced", "aws_route53_record.box updated-in-place", "aws_s3_bucket.logs replaced", "aws_subnet.a replaced", "data.aws_instances.all re-read"],
            Effects(blast, "aws_vpc.main").Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Addresses_in_literal_text_are_not_followed()
    {
        const string before = """
            { "resource": {
                "aws_vpc": { "main": { "cidr_block": "10.0.0.0/16" } },
                "aws_ssm_parameter": { "note": { "name": "n", "value": "aws_vpc.main.id and $${aws_vpc.main.id}" } } } }
            """;
        var (_, blast) = Diff(before, before.Replace("10.0.0.0/16", "10.1.0.0/16"));
        Assert.Empty(blast.EnumerateArray());
    }

    [Fact]
    public void Locals_and_modules_pass_a_change_on()
    {
        const string before = """
            { "resource": {
                "aws_vpc": { "main": { "cidr_block": "10.0.0.0/16" } },
                "aws_ssm_parameter": { "vpc": { "name": "vpc", "value": "${local.vpc}" } } },
              "locals": { "vpc": "${aws_vpc.main.id}" },
              "module": { "app": { "source": "./app", "vpc": "${local.vpc}" } } }
            """;
        var (_, blast) = Diff(before, before.Replace("10.0.0.0/16", "10.1.0.0/16"));
        Assert.Equal(["local.vpc value-changes", "aws_ssm_parameter.vpc updated-in-place", "module.app value-changes"], Effects(blast, "aws_vpc.main"));
    }

    [Fact]
    public void Markdown_carries_a_mermaid_graph_that_mermaid_parses_and_cannot_break_the_fence()
    {
        // A stack folder and an image named to break out of a Mermaid label, an arrow, a Markdown fence and HTML.
        const string hostile = "x`\"]|-->y<b>#35;\\`";
        string Stack(string name, string terraform, string hash)
        {
            var folder = Path.Combine(root, name);
            Directory.CreateDirectory(Path.Combine(folder, hostile));
            File.WriteAllText(Path.Combine(folder, hostile, "main.tf.json"), terraform);
            File.WriteAllText(Path.Combine(folder, hostile, "manifest.json"),
                $$"""{ "format_version": "1", "resources": [], "images": [ { "name": {{JsonSerializer.Serialize(hostile)}}, "hash": "{{hash}}" } ] }""");
            return folder;
        }
        var a = Stack("ma", WebTier(), "676048ab062d");
        var b = Stack("mb", WebTier(imageName: "web-99aa88bb77cc", templateType: "t3.large"), "99aa88bb77cc");
        var markdown = Cli.Run("diff", a, b, "--format", "markdown").Output;
        Snapshot.Match(markdown.Replace(root, "<root>"));
        Assert.Equal(2, markdown.Split("```").Length - 1); // the fence opens and closes once: nothing the user wrote closes it
        var start = markdown.IndexOf("```mermaid\n", StringComparison.Ordinal) + "```mermaid\n".Length;
        var graph = markdown[start..markdown.LastIndexOf("```", StringComparison.Ordinal)];
        Assert.Contains("rolls its instances", graph);
        Diagrams.AssertMermaidParses(graph);
    }
}
