using System.Text;

namespace DslInfra.Cli.Tests;

/// <summary>
/// `dslinfra review` is a security gate: whatever the plan or manifest holds, its verdict is right or it exits 2 with
/// one line naming the file, never a stack trace and never a pass it should not give.
/// </summary>
public sealed class HostileInputTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("dslinfra-hostile-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private const string Update = """{"address":"aws_vpc.main","mode":"managed","type":"aws_vpc","name":"main","change":{"actions":["update"],"before":{},"after":{}}}""";

    private static string Plan(string changes) => "{\"format_version\":\"1.2\",\"planned_values\":{},\"resource_changes\":[" + changes + "]}";

    private string Write(string name, string text) => Write(name, Encoding.UTF8.GetBytes(text));

    private string Write(string name, byte[] bytes)
    {
        var path = Path.Combine(directory, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    private static void AssertBadInput((int Exit, string Output, string Error) run, string mentions)
    {
        Assert.True(run.Exit == 2, $"exit {run.Exit}: {run.Error}{run.Output}");
        Assert.Contains(mentions, run.Error);
        Assert.Single(run.Error.TrimEnd('\n').Split('\n')); // one line
        Assert.DoesNotContain("   at ", run.Error);
    }

    public static TheoryData<string, string> BrokenPlans() => new()
    {
        // Escaped lone surrogates where the gate reads strings.
        { Plan(Update.Replace("aws_vpc.main", "aws_vpc.\\ud800")), "lone surrogate" },
        { Plan(Update.Replace("\"update\"", "\"\\udc00\"")), "lone surrogate" },
        { Plan(Update).Replace("\"1.2\"", "\"\\ud800\""), "lone surrogate" },
        { Plan(Update).Replace("\"planned_values\"", "\"\\ud800x\""), "lone surrogate" },
        // Duplicate keys: one reader would see "update", another "no-op".
        { Plan(Update.Replace("\"actions\":[\"update\"]", "\"actions\":[\"update\"],\"actions\":[\"no-op\"]")), "appears twice" },
        { Plan(Update).Replace("\"planned_values\":{}", "\"planned_values\":{\"a\":1,\"a\":2}"), "appears twice" },
        { Plan(Update).Replace("{\"format_version\":\"1.2\",", "{\"format_version\":\"1.2\",\"format_version\":\"1.2\","), "appears twice" },
        // A bad literal: the message quotes a short excerpt at most.
        { Plan(Update) + new string('x', 5000), "not valid JSON" },
        { "{\"format_version\":\"1.2\",\"resource_changes\":[" + Update + ",nul" + new string('\n', 1000) + "]}", "not valid JSON" },
    };

    [Theory]
    [MemberData(nameof(BrokenPlans))]
    public void A_hostile_plan_is_exit_2_on_one_line(string plan, string mentions)
    {
        var path = Write("plan.json", plan);
        var run = Cli.Run("review", path);
        AssertBadInput(run, mentions);
        Assert.Contains(path, run.Error);
        Assert.True(run.Error.Length < 600, run.Error);
    }

    [Fact]
    public void Invalid_utf8_is_refused_not_turned_into_replacement_characters()
    {
        var bytes = Encoding.UTF8.GetBytes(Plan(Update.Replace("aws_vpc.main", "aws_vpc.mainXX")));
        var at = Encoding.UTF8.GetString(bytes).IndexOf("XX", StringComparison.Ordinal);
        bytes[at] = 0xC3; // a lead byte with no continuation
        bytes[at + 1] = (byte)'"' == bytes[at + 1] ? bytes[at + 1] : (byte)'z';
        AssertBadInput(Cli.Run("review", Write("plan.json", bytes)), "UTF-8");
    }

    [Fact]
    public void A_utf8_bom_is_accepted_and_utf16_is_named()
    {
        var bom = Write("bom.json", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Plan(Update))]);
        Assert.Equal(1, Cli.Run("review", bom).Exit); // read, and the update fails the gate
        var utf16 = Write("utf16.json", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(Plan(Update))]);
        AssertBadInput(Cli.Run("review", utf16), "UTF-16");
        var utf16NoBom = Write("utf16b.json", Encoding.Unicode.GetBytes(Plan(Update)));
        AssertBadInput(Cli.Run("review", utf16NoBom), "UTF-16");
    }

    [Fact]
    public void A_directory_is_named_as_one() =>
        AssertBadInput(Cli.Run("review", directory), "is a directory");

    [Fact]
    public void One_value_past_the_limit_is_refused_naming_the_limit()
    {
        var huge = Plan(Update).Replace("\"before\":{}", "\"before\":{\"user_data\":\"" + new string('a', 17 << 20) + "\"}");
        AssertBadInput(Cli.Run("review", Write("huge.json", huge)), "16 MiB");
    }

    [Fact]
    public void Whitespace_of_any_length_between_tokens_is_fine()
    {
        var blank = new string(' ', 20 << 20);
        var spaced = Plan(Update).Replace(",\"resource_changes\":", blank + "," + blank + "\"resource_changes\"" + blank + ":" + blank);
        Assert.Equal(1, Cli.Run("review", Write("spaced.json", spaced)).Exit);
    }

    [Fact]
    public void Terraform_1_0_0_drift_entries_without_an_address_are_read()
    {
        // Terraform 1.0.0 wrote resource_drift entries without "address".
        var plan = "{\"format_version\":\"0.2\",\"terraform_version\":\"1.0.0\",\"planned_values\":{},\"resource_changes\":[],\"resource_drift\":["
            + "{\"module_address\":\"module.net\",\"mode\":\"managed\",\"type\":\"aws_subnet\",\"name\":\"a\",\"index\":\"x\\\"y\",\"change\":{\"actions\":[\"update\"],\"before\":{},\"after\":{}}},"
            + "{\"mode\":\"data\",\"type\":\"aws_ami\",\"name\":\"web\",\"index\":0,\"change\":{\"actions\":[\"update\"],\"before\":{},\"after\":{}}}]}";
        var read = Plans.PlanReader.Read(Write("tf100.json", plan));
        Assert.Equal(["module.net.aws_subnet.a[\"x\\\"y\"]", "data.aws_ami.web[0]"], read.ResourceDrift.Select(d => d.Address));
        Assert.Equal(0, Cli.Run("review", Write("tf100b.json", plan)).Exit); // drift is reported, never fails the gate
    }

    [Fact]
    public void A_resource_change_without_an_address_is_still_refused()
    {
        var plan = Plan(Update.Replace("\"address\":\"aws_vpc.main\",", ""));
        AssertBadInput(Cli.Run("review", Write("noaddress.json", plan)), "no address");
    }

    private const string GoodManifest = """{"format_version":"1","stack":"web","resources":[{"address":"aws_vpc.main","mode":"managed","type":"aws_vpc","name":"main","member":"Vpc","source":{"file":"Web.cs","line":7},"update":"replace-only","images":[]}],"images":[]}""";

    public static TheoryData<string, string> BrokenManifests() => new()
    {
        { GoodManifest.Replace("\"address\":\"aws_vpc.main\"", "\"address\":null"), "address is null" },
        { GoodManifest.Replace("\"images\":[]}]", "\"images\":[{\"name\":null}]}]"), "name is null" },
        { GoodManifest.Replace("\"line\":7", "\"line\":1e400"), "line" },
        { GoodManifest.Replace("\"line\":7", "\"line\":3000000000"), "line" },
        { GoodManifest.Replace("\"line\":7", "\"line\":1.5"), "line" },
        { GoodManifest.Replace("\"format_version\":\"1\"", "\"format_version\":\"7\""), "format_version 7" },
        { GoodManifest.Replace("\"type\":\"aws_vpc\"", "\"type\":\"aws_vpc\",\"update\":\"in-place\""), "appears twice" },
        { GoodManifest.Replace("\"address\":\"aws_vpc.main\"", "\"address\":\"\\udc00\""), "lone surrogate" },
    };

    [Theory]
    [MemberData(nameof(BrokenManifests))]
    public void A_broken_manifest_is_exit_2_on_one_line(string manifest, string mentions)
    {
        var plan = Write("plan.json", Plan(Update));
        var path = Write("manifest.json", manifest);
        var run = Cli.Run("review", plan, "--manifest", path);
        AssertBadInput(run, mentions);
        Assert.Contains(path, run.Error);
    }

    public static TheoryData<string, string> BrokenTerraform() => new()
    {
        { "[]", "the root is an array" },
        { "\"x\"", "the root is a string" },
        { "{\"resource\":[]}", "\"resource\" is an array" },
        { "{\"resource\":{\"aws_vpc\":\"main\"}}", "resource.aws_vpc is a string" },
        { "{\"resource\":{\"aws_vpc\":{\"main\":[]}}}", "resource.aws_vpc.main is an array" },
        { "{\"resource\":{\"aws_vpc\":{\"main\":{\"cidr_block\":\"a\",\"cidr_block\":\"b\"}}}}", "appears twice" },
    };

    [Theory]
    [MemberData(nameof(BrokenTerraform))]
    public void Diff_of_a_broken_main_tf_json_is_exit_2_on_one_line(string terraform, string mentions)
    {
        var before = Path.Combine(directory, "before", "web");
        var after = Path.Combine(directory, "after", "web");
        Directory.CreateDirectory(before);
        Directory.CreateDirectory(after);
        File.WriteAllText(Path.Combine(before, "main.tf.json"), "{\"resource\":{\"aws_vpc\":{\"main\":{\"cidr_block\":\"a\"}}}}");
        File.WriteAllText(Path.Combine(after, "main.tf.json"), terraform);
        AssertBadInput(Cli.Run("diff", Path.Combine(directory, "before"), Path.Combine(directory, "after")), mentions);
    }
}

/// <summary>What the gate prints is what a reviewer can trust: control characters and bidi overrides from a plan are shown, not obeyed.</summary>
public sealed class PrintableOutputTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("dslinfra-printable-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    [Theory]
    [InlineData("text")]
    [InlineData("markdown")]
    public void An_address_cannot_rewrite_the_log(string format)
    {
        // \r would return to the line start and print a fake verdict over the real one; \u202e reverses what follows.
        var plan = "{\"format_version\":\"1.2\",\"planned_values\":{},\"resource_changes\":[{\"address\":\"aws_vpc.a\\r\\u001b[2KPASSED\\u202e\",\"change\":{\"actions\":[\"update\"]}}]}";
        var path = Path.Combine(directory, "plan.json");
        File.WriteAllText(path, plan);
        var run = Cli.Run("review", path, "--format", format);
        Assert.Equal(1, run.Exit);
        Assert.DoesNotContain('\r', run.Output);
        Assert.DoesNotContain('\u001b', run.Output);
        Assert.DoesNotContain('\u202e', run.Output);
        Assert.Contains("u000d", run.Output); // shown as an escape (Markdown doubles the backslash so it renders)
        Assert.Contains("u202e", run.Output);
    }
}
