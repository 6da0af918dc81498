using System.Diagnostics;
using Snapshooter;
using Snapshooter.Xunit;

namespace DslInfra.Cli.Tests;

public sealed class DiffTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("dslinfra-diff-").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private const string Before = """
        {
          "resource": {
            "aws_subnet": { "a": { "cidr_block": "10.0.0.0/20", "vpc_id": "${aws_vpc.main.id}" } },
            "aws_instance": { "box": { "ami": "ami-1", "instance_type": "t3.micro" } },
            "aws_autoscaling_group": { "web": { "max_size": 3, "min_size": 1 } },
            "aws_s3_bucket": { "old": { "bucket": "old" } },
            "aws_vpc": { "main": { "cidr_block": "10.0.0.0/16", "tags": { "a": "1", "b": "2" } } }
          }
        }
        """;

    private const string After = """
        {
          "resource": {
            "aws_vpc": { "main": { "tags": { "b": "2", "a": "1" }, "cidr_block": "10.0.0.0/16" } },
            "aws_subnet": { "a": { "cidr_block": "10.0.16.0/20", "vpc_id": "${aws_vpc.main.id}" } },
            "aws_instance": { "box": { "ami": "ami-1", "instance_type": "t3.small" } },
            "aws_autoscaling_group": { "web": { "max_size": 6.0, "min_size": 1 } },
            "aws_lb": { "web": { "internal": false } }
          },
          "data": { "aws_ami": { "web": { "owners": ["self"] } } }
        }
        """;

    private const string Manifest = """
        { "format_version": "1", "resources": [ { "address": "aws_instance.box", "type": "aws_instance", "update": "replace-only" } ],
          "images": [ { "name": "web", "hash": "3f9c2a1b" } ] }
        """;

    private const string OldManifest = """
        { "format_version": "1", "resources": [], "images": [ { "name": "web", "hash": "0aa11bb2" } ] }
        """;

    private string Folder(string name, params (string Stack, string Terraform, string? Manifest)[] stacks)
    {
        var folder = Path.Combine(root, name);
        foreach (var (stack, terraform, manifest) in stacks)
        {
            Directory.CreateDirectory(Path.Combine(folder, stack));
            File.WriteAllText(Path.Combine(folder, stack, "main.tf.json"), terraform);
            if (manifest is not null)
                File.WriteAllText(Path.Combine(folder, stack, "manifest.json"), manifest);
        }
        Directory.CreateDirectory(folder);
        return folder;
    }

    [Fact]
    public void Changes_are_classified_by_meaning()
    {
        var before = Folder("before", ("web", Before, OldManifest), ("gone", "{}", null));
        var after = Folder("after", ("web", After, Manifest), ("new", "{}", null));
        var (exit, output, _) = Cli.Run("diff", before, after);
        Assert.Equal(0, exit);
        Assert.Contains("-/+ web: aws_subnet.a replaced (changed: cidr_block; cidr_block changed, which forces replacement)", output);
        Assert.Contains("-/+ web: aws_instance.box replaced (changed: instance_type; it is replace-only: any change replaces it)", output);
        Assert.Contains("+   web: aws_lb.web added", output);
        Assert.Contains("+   web: data.aws_ami.web added", output);
        Assert.Contains("-   web: aws_s3_bucket.old removed", output);
        Assert.Contains("image web/web rebuilt: 0aa11bb2 -> 3f9c2a1b", output);
        Assert.Contains("+ stack new", output);
        Assert.Contains("- stack gone", output);
        Assert.DoesNotContain("aws_vpc.main", output);              // reordered keys only
        Assert.Contains("~   web: aws_autoscaling_group.web changed in place (changed: max_size)", output);
    }

    [Fact]
    public void Modules_locals_checks_and_state_blocks_are_in_the_diff_too()
    {
        const string was = """
            { "locals": { "prefix": "acme-${var.env}" },
              "module": { "edge": { "source": "terraform-aws-modules/vpc/aws", "version": "~> 5.8" } },
              "moved": [ { "from": "aws_subnet.app_0", "to": "aws_subnet.app[\"a\"]" } ],
              "check": { "up": { "assert": [ { "condition": "${true}", "error_message": "x" } ] } } }
            """;
        const string now = """
            { "locals": { "prefix": "acme2-${var.env}" },
              "module": { "edge": { "source": "terraform-aws-modules/vpc/aws", "version": "~> 5.9" } },
              "moved": [ { "from": "aws_subnet.app_0", "to": "aws_subnet.app[\"b\"]" } ],
              "import": [ { "to": "aws_vpc.main", "id": "vpc-1" } ],
              "removed": [ { "from": "aws_db_instance.old", "lifecycle": { "destroy": false } } ] }
            """;
        var (exit, output, _) = Cli.Run("diff", Folder("before", ("s", was, null)), Folder("after", ("s", now, null)));
        Assert.Equal(0, exit);
        Assert.Contains("~   s: local.prefix changed in place", output);
        Assert.Contains("~   s: module.edge changed in place (changed: version)", output);
        Assert.Contains("~   s: moved aws_subnet.app_0 changed in place (changed: to)", output);
        Assert.Contains("+   s: import aws_vpc.main added", output);
        Assert.Contains("+   s: removed aws_db_instance.old added", output);
        Assert.Contains("-   s: check.up removed", output);

        const string lookupBefore = """{ "data": { "aws_ami": { "web": { "owners": ["self"], "filter": [ { "name": "name", "values": ["web-1"] } ] } } } }""";
        const string lookupAfter = """{ "data": { "aws_ami": { "web": { "owners": ["self"], "filter": [ { "name": "name", "values": ["web-2"] } ] } } } }""";
        var reread = Cli.Run("diff", Folder("lookup-before", ("s", lookupBefore, null)), Folder("lookup-after", ("s", lookupAfter, null))).Output;
        Assert.Contains("<=  s: data.aws_ami.web re-read (changed: filter)", reread);   // a data source is read again, never changed
        Assert.Contains("0 changed in place, 0 removed, 1 re-read", reread);

        var broken = Folder("broken", ("s", """{ "moved": { "from": "a.b" } }""", null));
        var (code, _, error) = Cli.Run("diff", broken, broken);
        Assert.Equal(2, code);
        Assert.Contains("\"moved\" is an object, not an array of blocks", error);
    }

    [Fact]
    public void Identical_meaning_is_no_change()
    {
        var before = Folder("a", ("web", Before, null));
        var after = Folder("b", ("web", Before.Replace("\n", "").Replace("  ", "").Replace("\"max_size\": 3", "\"max_size\": 3.0"), null));
        Assert.Contains("No changes.", Cli.Run("diff", before, after).Output);
    }

    [Fact]
    public void Markdown_and_json_reports()
    {
        var before = Folder("before", ("web", Before, OldManifest));
        var after = Folder("after", ("web", After, Manifest));
        Snapshot.Match(Cli.Run("diff", before, after, "--format", "markdown").Output.Replace(root, "<root>"), SnapshotNameExtension.Create("markdown"));
        Snapshot.Match(Cli.Run("diff", before, after, "--format", "json").Output.Replace(root, "<root>"), SnapshotNameExtension.Create("json"));
    }

    [Fact]
    public void A_folder_that_does_not_exist_exits_2() =>
        Assert.Equal(2, Cli.Run("diff", Path.Combine(root, "nope"), root).Exit);

    [Fact]
    public void Invalid_terraform_json_exits_2()
    {
        var bad = Folder("bad", ("web", "{ not json", null));
        var (exit, _, error) = Cli.Run("diff", bad, bad);
        Assert.Equal(2, exit);
        Assert.Contains("main.tf.json", error);
    }

    [Fact]
    public void Two_git_revisions_are_compared()
    {
        var repo = Path.Combine(root, "repo");
        Directory.CreateDirectory(Path.Combine(repo, "infra", "web"));
        Git(repo, "init", "-q");
        File.WriteAllText(Path.Combine(repo, "infra", "web", "main.tf.json"), Before);
        Git(repo, "add", ".");
        Git(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qm", "before");
        File.WriteAllText(Path.Combine(repo, "infra", "web", "main.tf.json"), After);
        Git(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-qam", "after");

        var previous = Directory.GetCurrentDirectory();
        Directory.SetCurrentDirectory(repo);
        try
        {
            var (exit, output, error) = Cli.Run("diff", "HEAD~1", "HEAD", "--path", "infra");
            Assert.True(exit == 0, error);
            Assert.Contains("aws_subnet.a replaced", output);
            Assert.Equal(2, Cli.Run("diff", "no-such-rev", "HEAD", "--path", "infra").Exit);
        }
        finally
        {
            Directory.SetCurrentDirectory(previous);
        }
    }

    private static void Git(string directory, params string[] arguments)
    {
        var start = new ProcessStartInfo("git") { WorkingDirectory = directory, RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start)!;
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, process.StandardError.ReadToEnd());
    }
}
