using DslInfra.Benchmarks;
using DslInfra.Cli.Plans;

namespace DslInfra.Cli.Tests;

public class PlanReaderTests
{
    [Theory]
    [InlineData("format-0.1.json", "0.1", "ReplaceDeleteBeforeCreate")]
    [InlineData("format-0.2.json", "0.2", "ReplaceCreateBeforeDestroy")]
    [InlineData("format-1.0.json", "1.0", "Update")]
    [InlineData("format-1.1.json", "1.1", "NoOp")]
    public void Every_format_version_terraform_wrote_is_read(string file, string version, string kind)
    {
        var plan = PlanReader.Read(Cli.Plan(file));
        Assert.Equal(version, plan.FormatVersion);
        Assert.Equal(Enum.Parse<ChangeKind>(kind), Assert.Single(plan.ResourceChanges).Kind);
    }

    [Fact]
    public void Every_action_and_field_is_read()
    {
        var plan = PlanReader.Read(Cli.Plan("every-action.json"));
        Assert.Equal("1.9.5", plan.TerraformVersion);
        var kinds = plan.ResourceChanges.ToDictionary(c => c.Address + c.Deposed, c => c.Kind);
        Assert.Equal(ChangeKind.NoOp, kinds["aws_vpc.main"]);
        Assert.Equal(ChangeKind.Create, kinds["aws_subnet.public_0"]);
        Assert.Equal(ChangeKind.Read, kinds["data.aws_ami.web"]);
        Assert.Equal(ChangeKind.Update, kinds["aws_autoscaling_group.web"]);
        Assert.Equal(ChangeKind.ReplaceCreateBeforeDestroy, kinds["aws_launch_template.web"]);
        Assert.Equal(ChangeKind.ReplaceDeleteBeforeCreate, kinds["aws_lb.web"]);
        Assert.Equal(ChangeKind.Delete, kinds["aws_iam_role.old"]);
        Assert.Equal(ChangeKind.Forget, kinds["aws_s3_bucket.kept"]);
        Assert.Equal(ChangeKind.Delete, kinds["aws_instance.old_box6c1a2b3d"]);

        var moved = plan.ResourceChanges.Single(c => c.Address == "aws_s3_bucket.logs");
        Assert.Equal("aws_s3_bucket.log", moved.PreviousAddress);
        Assert.True(moved.Importing);
        var listener = plan.ResourceChanges.Single(c => c.Type == "aws_lb_listener");
        Assert.Equal("module.edge.aws_lb_listener.https[\"main\"]", listener.Address);
        Assert.Equal("module.edge", listener.ModuleAddress);
        Assert.Equal("replace_because_tainted", plan.ResourceChanges.Single(c => c.Name == "tainted").ActionReason);
        Assert.Equal("aws_security_group.app", Assert.Single(plan.ResourceDrift).Address);
    }

    [Theory]
    [InlineData(new[] { "create", "forget" }, "CreateThenForget")]
    [InlineData(new[] { "teleport" }, "Unknown")]
    [InlineData(new string[0], "Unknown")]
    public void Action_lists_map_to_kinds(string[] actions, string kind) => Assert.Equal(Enum.Parse<ChangeKind>(kind), ChangeKinds.Of(actions));

    [Fact]
    public void Escaped_strings_are_unescaped()
    {
        var change = Assert.Single(PlanReader.Read(Cli.Plan("escaped-strings.json")).ResourceChanges);
        Assert.Equal("aws_s3_bucket.b[\"kéy|\\\"x\"]", change.Address);
    }

    [Theory]
    [InlineData("every-action.json")]
    [InlineData("escaped-strings.json")]
    [InlineData("format-1.0.json")]
    public void Reading_one_byte_at_a_time_gives_the_same_plan(string file)
    {
        var whole = PlanReader.Read(Cli.Plan(file));
        using var trickle = new TrickleStream(File.ReadAllBytes(Cli.Plan(file)));
        var trickled = PlanReader.Read(trickle, file);
        Assert.Equal(whole.ResourceChanges.Select(c => (c.Address, c.Kind, c.ActionReason, c.Deposed)), trickled.ResourceChanges.Select(c => (c.Address, c.Kind, c.ActionReason, c.Deposed)));
        Assert.Equal(whole.ResourceDrift.Count, trickled.ResourceDrift.Count);
    }

    [Theory]
    [InlineData("missing.json", "no such file")]
    [InlineData("empty.json", "not valid JSON")]
    [InlineData("not-json.json", "not valid JSON")]
    [InlineData("truncated.json", "not valid JSON")]
    [InlineData("state.json", "this is not a plan")]
    [InlineData("format-2.0.json", "major version")]
    [InlineData("no-actions.json", "has no change.actions")]
    public void Bad_input_is_a_clear_error_naming_the_file(string file, string message)
    {
        var error = Assert.Throws<PlanException>(() => PlanReader.Read(Cli.Plan(file)));
        Assert.Contains(file, error.Message);
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Content_after_the_plan_is_an_error()
    {
        using var stream = new MemoryStream("{\"format_version\":\"1.2\",\"planned_values\":{}} {}"u8.ToArray());
        Assert.Throws<PlanException>(() => PlanReader.Read(stream, "two.json"));
    }

    [Fact]
    public void A_large_plan_streams_through()
    {
        var path = Path.Combine(Path.GetTempPath(), $"dslinfra-large-{Guid.NewGuid():N}.json");
        try
        {
            var changes = LargePlan.Write(path, targetBytes: 40L * 1024 * 1024);
            var plan = PlanReader.Read(path);
            Assert.Equal(changes, plan.ResourceChanges.Count);
            Assert.Equal((changes + 9) / 10, plan.ResourceChanges.Count(c => c.Kind == ChangeKind.Update));
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>A stream that hands out one byte per read: every token crosses a buffer boundary.</summary>
    private sealed class TrickleStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override int Read(byte[] buffer, int offset, int count) => base.Read(buffer, offset, Math.Min(1, count));
    }
}
