using DslInfra.Cli.Diff;

namespace DslInfra.Cli.Tests.Blast;

/// <summary>References read from Terraform JSON strings as Terraform reads them.</summary>
public sealed class ReferencesTests
{
    private static List<string> In(string template) =>
        References.InTemplate(template).Select(r => r.Attribute is null ? r.To : $"{r.To} .{r.Attribute}").ToList();

    [Theory]
    [InlineData("${aws_vpc.main.id}", "aws_vpc.main .id")]
    [InlineData("web-${var.env}", "var.env")]
    [InlineData("${data.aws_ami.web_image.id}", "data.aws_ami.web_image .id")]
    [InlineData("${module.net.vpc_id}", "module.net .vpc_id")]
    [InlineData("${module.net[\"eu\"].vpc_id}", "module.net .vpc_id")]
    [InlineData("${aws_subnet.app[\"a\"].id}", "aws_subnet.app .id")]
    [InlineData("${aws_subnet.app[*].id}", "aws_subnet.app .id")]
    [InlineData("${aws_subnet.app.*.id}", "aws_subnet.app .id")]
    [InlineData("${local.prefix}-x", "local.prefix")]
    [InlineData("%{ if var.on }${aws_lb.web.dns_name}%{ endif }", "var.on|aws_lb.web .dns_name")]
    [InlineData("${lookup(var.m, \"}\", aws_vpc.main.id)}", "var.m|aws_vpc.main .id")]
    [InlineData("${format(\"%s-${aws_vpc.main.arn}\", var.x)}", "aws_vpc.main .arn|var.x")]
    [InlineData("${aws_vpc.main}", "aws_vpc.main")]
    [InlineData("${aws_subnet.app[local.key].id}", "local.key|aws_subnet.app .id")]
    public void Expressions_inside_templates_are_read(string template, string expected) =>
        Assert.Equal(expected.Split('|').Order(StringComparer.Ordinal), In(template).Order(StringComparer.Ordinal));

    [Theory]
    [InlineData("aws_vpc.main.id")]                       // literal text that looks like an address
    [InlineData("$${aws_vpc.main.id}")]                   // an escaped template sequence is text
    [InlineData("%%{ if aws_vpc.main.id }")]
    [InlineData("${each.key} ${count.index} ${self.id} ${path.module} ${terraform.workspace}")]
    [InlineData("${upper(\"aws_vpc.main.id\")}")]        // a string inside an expression, no template in it
    [InlineData("${provider::aws::arn_parse(var.arn).region}")]
    [InlineData("${[for s in var.list : s.id]}")]
    public void Text_that_only_looks_like_a_reference_is_not_one(string template) =>
        Assert.DoesNotContain(In(template), r => r.StartsWith("aws_vpc", StringComparison.Ordinal) || r.StartsWith("s.", StringComparison.Ordinal) || r.StartsWith("provider", StringComparison.Ordinal) || r.StartsWith("each", StringComparison.Ordinal));

    [Fact]
    public void Depends_on_and_replace_triggered_by_are_bare_expressions_and_other_lifecycle_settings_are_not_read()
    {
        using var body = System.Text.Json.JsonDocument.Parse("""
            { "depends_on": ["aws_iam_role.web"], "ami": "${data.aws_ami.x.id}", "provider": "aws.west",
              "lifecycle": { "replace_triggered_by": ["aws_launch_template.web.latest_version"], "ignore_changes": ["aws_vpc.x"] } }
            """);
        var found = References.In("aws_instance.box", body.RootElement)
            .Select(r => $"{r.Kind} {r.Argument} {r.To} {r.Attribute}").ToList();
        Assert.Equal(
            ["DependsOn depends_on aws_iam_role.web ", "Value ami data.aws_ami.x id", "ReplaceTriggeredBy replace_triggered_by aws_launch_template.web latest_version"],
            found);
    }

    [Fact]
    public void A_resource_argument_named_version_is_read_but_a_module_calls_source_and_version_are_names()
    {
        using var cluster = System.Text.Json.JsonDocument.Parse("""{ "version": "${var.k8s_version}", "provider": "aws.west" }""");
        Assert.Equal(["var.k8s_version"], References.In("aws_eks_cluster.main", cluster.RootElement).Select(r => r.To));
        using var module = System.Text.Json.JsonDocument.Parse("""{ "source": "./net", "version": "${var.v}", "cidr": "${var.cidr}" }""");
        Assert.Equal(["var.cidr"], References.In("module.net", module.RootElement).Select(r => r.To));
    }

    [Fact]
    public void Strings_nested_too_deep_are_refused_not_overflowed()
    {
        var deep = string.Concat(Enumerable.Repeat("${\"", 5_000)) + string.Concat(Enumerable.Repeat("\"}", 5_000));
        var error = Assert.Throws<DslInfra.Cli.Review.InputException>(() => References.InTemplate(deep));
        Assert.Contains("nests strings more than", error.Message);
    }

    [Fact]
    public void A_long_flat_template_is_read_in_one_pass()
    {
        var wide = string.Concat(Enumerable.Range(0, 20_000).Select(i => $"${{aws_s.n{i % 7}.id}}-"));
        Assert.Equal(20_000, References.InTemplate(wide).Count);
    }
}
