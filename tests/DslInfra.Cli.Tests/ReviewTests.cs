using Snapshooter.Xunit;

namespace DslInfra.Cli.Tests;

public class ReviewTests
{
    private static readonly string EveryAction = Cli.Plan("every-action.json");
    private static readonly string Manifest = Cli.Plan("manifest.json");

    [Fact]
    public void Without_a_manifest_every_in_place_update_fails()
    {
        var (exit, output, _) = Cli.Run("review", EveryAction);
        Assert.Equal(1, exit);
        Assert.Contains("FAIL    aws_autoscaling_group.web: update in place", output);
        Assert.Contains("FAIL    aws_instance.bastion: update in place", output);
        Assert.Contains("FAIL    aws_lb.web: replace (destroy before create)", output);
    }

    [Fact]
    public void With_a_manifest_only_replace_only_and_undeclared_updates_fail()
    {
        var (exit, output, _) = Cli.Run("review", EveryAction, "--manifest", Manifest);
        Assert.Equal(1, exit);
        Assert.Contains("ok      aws_autoscaling_group.web: update in place", output);
        Assert.Contains("FAIL    aws_instance.bastion: update in place", output);
        Assert.Contains("declared at Stacks/Web Stack.cs:40 (Bastion)", output);
        Assert.Contains("FAIL    module.edge.aws_lb_listener.https[\"main\"]: update in place", output);
    }

    [Fact]
    public void Allow_records_a_deliberate_exception_and_the_gate_passes()
    {
        var (exit, output, _) = Cli.Run("review", EveryAction, "--manifest", Manifest,
            "--allow", "aws_instance.bastion", "--allow", "aws_lb.web", "--allow", "module.edge.aws_lb_listener.https[\"main\"]", "--allow", "aws_instance.triggered");
        Assert.Equal(0, exit);
        Assert.Contains("PASS: 0 violation(s), 4 allowed", output);
        Assert.Contains("ALLOWED aws_instance.bastion", output);
    }

    [Fact]
    public void Destroying_or_replacing_state_fails_the_gate_unless_allowed()
    {
        var plan = Cli.Plan("stateful.json");
        var (exit, output, _) = Cli.Run("review", plan, "--manifest", Manifest);
        Assert.Equal(1, exit);
        Assert.Contains("FAIL    aws_db_instance.main: replace (create before destroy)", output);
        Assert.Contains("replaced because engine_version changed, and it holds state: its data goes with it", output);
        Assert.Contains("FAIL    aws_s3_bucket.logs: destroy", output);
        Assert.Contains("destroyed, and it holds state", output);
        Assert.DoesNotContain("FAIL    aws_dynamodb_table.sessions", output);   // created: nothing is lost
        Assert.DoesNotContain("FAIL    aws_instance.web", output);              // compute is replaced, that is the point
        var sarif = Cli.Run("review", plan, "--manifest", Manifest, "--format", "sarif").Output;
        Assert.Contains("\"ruleId\": \"DI4005\"", sarif);
        Assert.Equal(0, Cli.Run("review", plan, "--manifest", Manifest, "--allow", "aws_db_instance.main", "--allow", "aws_s3_bucket.logs").Exit);
    }

    [Fact]
    public void Fail_on_drift_fails_on_managed_drift_lists_the_paths_and_prints_the_replacement()
    {
        var plan = Cli.Plan("refresh-only.json");
        Assert.Equal(0, Cli.Run("review", plan).Exit);                         // reported, but not asked to fail
        var (exit, output, _) = Cli.Run("review", plan, "--fail-on-drift");
        Assert.Equal(1, exit);
        Assert.Contains("DRIFT (fails the gate): aws_s3_bucket.files[\"it's $(rm -rf /)\"] changed outside Terraform: update in place (tags.a, versioning[0].enabled)", output);
        Assert.Contains("DRIFT (fails the gate): aws_instance.gone changed outside Terraform: destroy", output);
        Assert.Contains("Drift (reported, never fails): data.aws_ami.web", output);   // a data source is re-read, not drifted
        Assert.DoesNotContain("touched", output.Split('\n').Single(l => l.StartsWith("DRIFT", StringComparison.Ordinal) && l.Contains("aws_s3_bucket.files")));
        // The remediation replaces what drifted (the deleted one is recreated by any apply), each address one shell word.
        var remediation = output.Split('\n').Single(l => l.StartsWith("Replace what drifted", StringComparison.Ordinal));
        var command = remediation.Substring(remediation.IndexOf("terraform apply", StringComparison.Ordinal));
        Assert.Equal("terraform apply -replace='aws_s3_bucket.files[\"it'\\''s $(rm -rf /)\"]'", command);
        Assert.Equal("-replace=aws_s3_bucket.files[\"it's $(rm -rf /)\"]\n", ShellWords(command["terraform apply ".Length..]));
        Assert.Equal(0, Cli.Run("review", plan, "--fail-on-drift", "--allow", "aws_s3_bucket.files[\"it's $(rm -rf /)\"]", "--allow", "aws_instance.gone").Exit);

        var json = Cli.Run("review", plan, "--fail-on-drift", "--format", "json").Output;
        Assert.Contains("\"paths\": [", json);
        Assert.Contains("\"remediation\": ", json);
        Assert.Contains("\"ruleId\": \"DI4006\"", Cli.Run("review", plan, "--fail-on-drift", "--format", "sarif").Output);
        Assert.Contains("❌ Drift", Cli.Run("review", plan, "--fail-on-drift", "--format", "markdown").Output);
    }

    /// <summary>
    /// The state and drift gates across the plan formats Terraform has written: 0.1 (0.12–0.14: no drift, no
    /// replace_paths), 0.2 (0.15: replace_paths, drift), 1.0 (1.0.0: drift entries without "address"), 1.1 and 1.2.
    /// </summary>
    [Theory]
    [InlineData("0.1", false, false, false)]
    [InlineData("0.2", true, true, true)]
    [InlineData("1.0", true, false, true)]
    [InlineData("1.1", true, true, true)]
    [InlineData("1.2", true, true, true)]
    public void State_and_drift_gates_read_every_plan_format(string format, bool hasDrift, bool driftHasAddress, bool hasReplacePaths)
    {
        var replacePaths = hasReplacePaths ? ",\"replace_paths\":[[\"engine_version\"]]" : "";
        var driftAddress = driftHasAddress ? "\"address\":\"aws_security_group.app\"," : "";
        var drift = hasDrift
            ? $",\"resource_drift\":[{{{driftAddress}\"mode\":\"managed\",\"type\":\"aws_security_group\",\"name\":\"app\",\"change\":{{\"actions\":[\"update\"],\"before\":{{\"tags\":{{}}}},\"after\":{{\"tags\":{{\"by\":\"hand\"}}}}}}}}]"
            : "";
        var plan = $"{{\"format_version\":\"{format}\",\"terraform_version\":\"1.0.0\",\"planned_values\":{{}},\"resource_changes\":[" +
            $"{{\"address\":\"aws_db_instance.main\",\"mode\":\"managed\",\"type\":\"aws_db_instance\",\"name\":\"main\",\"change\":{{\"actions\":[\"delete\",\"create\"],\"before\":{{}},\"after\":{{}}{replacePaths}}}}}]{drift}}}";
        var file = Path.Combine(Path.GetTempPath(), $"dslinfra-format-{format}-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, plan);
        try
        {
            var (exit, output, _) = Cli.Run("review", file, "--allow", "aws_security_group.app");
            Assert.Equal(1, exit);
            Assert.Contains(hasReplacePaths ? "replaced because engine_version changed, and it holds state" : "replaced, and it holds state", output);
            var drifted = Cli.Run("review", file, "--fail-on-drift", "--allow", "aws_db_instance.main");
            Assert.Equal(hasDrift ? 1 : 0, drifted.Exit);
            if (hasDrift)
                Assert.Contains("DRIFT (fails the gate): aws_security_group.app changed outside Terraform: update in place (tags.by)", drifted.Output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Paths_from_a_plan_cannot_rewrite_the_log()
    {
        var file = Path.Combine(Path.GetTempPath(), $"dslinfra-hostile-paths-{Guid.NewGuid():N}.json");
        File.WriteAllText(file, """
            {"format_version":"1.2","planned_values":{},
             "resource_changes":[{"address":"aws_db_instance.a","mode":"managed","type":"aws_db_instance","name":"a","change":{"actions":["delete","create"],"replace_paths":[["tags","\u001b[2J\u202e"]]}}],
             "resource_drift":[{"address":"aws_vpc.a","mode":"managed","type":"aws_vpc","name":"a","change":{"actions":["update"],"before":{"tags":{"\r\u001b[31m":"1"}},"after":{"tags":{}}}}]}
            """);
        try
        {
            foreach (var format in new[] { "text", "markdown" })
            {
                var (exit, output, _) = Cli.Run("review", file, "--fail-on-drift", "--format", format);
                Assert.Equal(1, exit);
                Assert.DoesNotContain('\u001b', output);
                Assert.DoesNotContain('\u202e', output);
                Assert.DoesNotContain('\r', output);
                if (format == "text")
                    Assert.Contains("tags.\\u001b[2J\\u202e", output);
            }
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_drifted_resource_too_large_to_compare_still_fails_without_paths()
    {
        var file = Path.Combine(Path.GetTempPath(), $"dslinfra-big-drift-{Guid.NewGuid():N}.json");
        var numbers = string.Join(",", Enumerable.Range(0, 250_000));
        File.WriteAllText(file, "{\"format_version\":\"1.2\",\"resource_changes\":[],\"planned_values\":{},\"resource_drift\":[{\"address\":\"aws_instance.big\",\"mode\":\"managed\",\"type\":\"aws_instance\",\"name\":\"big\",\"change\":{\"actions\":[\"update\"],\"before\":{\"list\":[" + numbers + "]},\"after\":{\"list\":[" + numbers + ",1]}}}]}");
        try
        {
            var (exit, output, _) = Cli.Run("review", file, "--fail-on-drift");
            Assert.Equal(1, exit);
            Assert.Contains("DRIFT (fails the gate): aws_instance.big changed outside Terraform: update in place\n", output);
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>The words a POSIX shell makes of <paramref name="arguments"/>, one per line: proof that the quoting holds.</summary>
    private static string ShellWords(string arguments)
    {
        var start = new System.Diagnostics.ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("printf '%s\\n' " + arguments);
        using var process = System.Diagnostics.Process.Start(start)!;
        var words = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return words;
    }

    [Fact]
    public void Drift_is_reported_and_never_fails()
    {
        var (exit, output, _) = Cli.Run("review", Cli.Plan("format-1.0.json"), "--allow", "aws_vpc.main");
        Assert.Equal(0, exit);
        Assert.Contains("Drift (reported, never fails): aws_vpc.main", output);
    }

    [Fact]
    public void A_plan_without_changes_passes() => Assert.Equal(0, Cli.Run("review", Cli.Plan("no-changes.json")).Exit);

    [Fact]
    public void Create_before_destroy_replacement_passes() => Assert.Equal(0, Cli.Run("review", Cli.Plan("format-0.2.json")).Exit);

    [Theory]
    [InlineData("errored.json", "Terraform reported an error")]
    [InlineData("deferred.json", "not complete")]
    [InlineData("unknown-action.json", "unknown action [teleport]")]
    public void Incomplete_or_unknown_plans_never_pass(string file, string message)
    {
        var (exit, output, _) = Cli.Run("review", Cli.Plan(file));
        Assert.Equal(1, exit);
        Assert.Contains(message, output);
    }

    [Theory]
    [InlineData("missing.json")]
    [InlineData("empty.json")]
    [InlineData("not-json.json")]
    [InlineData("truncated.json")]
    [InlineData("state.json")]
    [InlineData("format-2.0.json")]
    public void Bad_plan_files_exit_2_naming_the_file(string file)
    {
        var (exit, output, error) = Cli.Run("review", Cli.Plan(file));
        Assert.Equal(2, exit);
        Assert.Equal("", output);
        Assert.Contains(file, error);
    }

    [Fact]
    public void A_bad_manifest_exits_2() => Assert.Equal(2, Cli.Run("review", EveryAction, "--manifest", Cli.Plan("not-json.json")).Exit);

    [Theory]
    [InlineData("review")]
    [InlineData("review", "a.json", "--format", "yaml")]
    [InlineData("frobnicate")]
    [InlineData("diff", "onlyone")]
    public void Usage_errors_exit_2(params string[] args) => Assert.Equal(2, Cli.Run(args).Exit);

    [Fact]
    public void Text_report() => Snapshot.Match(Normalize(Cli.Run("review", EveryAction, "--manifest", Manifest, "--allow", "aws_lb.web").Output));

    [Fact]
    public void Markdown_report() => Snapshot.Match(Normalize(Cli.Run("review", EveryAction, "--manifest", Manifest, "--allow", "aws_lb.web", "--format", "markdown").Output));

    [Fact]
    public void Json_report() => Snapshot.Match(Normalize(Cli.Run("review", EveryAction, "--manifest", Manifest, "--allow", "aws_lb.web", "--format", "json").Output));

    [Fact]
    public void Sarif_report() => Snapshot.Match(Normalize(Cli.Run("review", EveryAction, "--manifest", Manifest, "--allow", "aws_lb.web", "--format", "sarif", "--source-root", "samples/WebService").Output));

    [Fact]
    public void Report_goes_to_a_file_with_output()
    {
        var file = Path.Combine(Path.GetTempPath(), $"dslinfra-{Guid.NewGuid():N}.sarif");
        try
        {
            var (exit, output, error) = Cli.Run("review", EveryAction, "--format", "sarif", "--output", file);
            Assert.Equal(1, exit);
            Assert.Equal("", output);
            Assert.Contains("FAILED", error);
            Assert.Contains("\"version\": \"2.1.0\"", File.ReadAllText(file));
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string Normalize(string report) => report.Replace(AppContext.BaseDirectory, "<tests>/");
}
