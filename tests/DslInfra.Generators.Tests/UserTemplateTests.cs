using System.Diagnostics;
using Microsoft.CodeAnalysis;

namespace DslInfra.Generators.Tests;

/// <summary>The user's own Scriban templates: rendered per stack with the documented model; errors carry the template's file and line.</summary>
public class UserTemplateTests
{
    private const string Stack = """
        [Stack("s")]
        public static class S
        {
            public static readonly AwsVpc Vpc = new("main") { CidrBlock = "10.0.0.0/16" };
            public static readonly AwsInstance Box = new("box") { Ami = "ami-1", InstanceType = "t3.micro" };
            public static readonly Variable<string> Env = new("env");
        }
        """;

    [Fact]
    public void A_template_renders_into_the_stack_folder()
    {
        const string template = """
            # {{ stack }}: {{ resources | array.size }} resources
            {{~ for r in resources ~}}
            {{ r.address }} {{ r.replace_only ? "replace-only" : "in-place" }}
            {{~ end ~}}
            variables: {{ variables | array.join ", " }}
            """;
        var artifacts = Harness.Artifacts(Harness.Compile(Harness.Usings + Stack), ("templates/inventory.txt.sbn", template));
        Assert.Equal("# s: 2 resources\naws_instance.box replace-only\naws_vpc.main in-place\nvariables: env", artifacts["s/inventory.txt"]);
    }

    [Theory]
    [InlineData("line one\n{{ for r in resources }}\n{{ r.address }}\n", 3, "for")]
    [InlineData("ok\nok\n{{ no_such_thing.name }}", 3, "no_such_thing")]
    public void A_template_error_is_reported_at_the_templates_file_and_line(string template, int line, string mentions)
    {
        var diagnostics = Harness.Diagnostics([Stack], [("templates/broken.yaml.sbn", template)]);
        var error = Assert.Single(diagnostics, d => d.Id == "DI1011");
        Assert.Equal(Harness.ProjectDirectory + "templates/broken.yaml.sbn", error.Location.GetLineSpan().Path);
        Assert.Equal(line, error.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Contains(mentions, error.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
        var (artifacts, generator) = Harness.Failing(Harness.Compile(Harness.Usings + Stack), ("templates/broken.yaml.sbn", template));
        Assert.Empty(artifacts);
        Assert.Equal(line, Assert.Single(generator, d => d.Id == "DI1012").Location.GetLineSpan().StartLinePosition.Line + 1);
    }

    [Theory]
    [InlineData("{{ while true }}x{{ end }}")]
    [InlineData("{{ func f; f; end; f }}")]
    public void A_template_that_never_ends_is_stopped_and_reported(string template)
    {
        var watch = Stopwatch.StartNew();
        var diagnostics = Harness.Diagnostics([Stack], [("templates/forever.txt.sbn", template)]);
        Assert.Contains(diagnostics, d => d.Id == "DI1011");
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(30), $"took {watch.Elapsed}");
    }

    [Theory]
    [InlineData("a\nbuilt {{ date.now }}", 2, "date.now")]
    [InlineData("{{ math.random 1 10 }}", 1, "math.random")]
    [InlineData("x\n\n{{ math.uuid }}", 3, "math.uuid")]
    [InlineData("{{ d = date\n d.now }}", 2, "now")]
    public void A_value_that_differs_per_build_is_refused_at_its_line(string template, int line, string mentions)
    {
        var error = Assert.Single(Harness.Diagnostics([Stack], [("t/x.txt.sbn", template)]), d => d.Id == "DI1011");
        Assert.Equal(line, error.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Contains(mentions, error.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("{{ (1..100000) | array.each @(do; for i in 1..100000; end; ret $0; end) | array.size }}")]
    [InlineData("{{ for i in 1..100000; for j in 1..100000; end; end }}")]
    [InlineData("{{ for i in 1..100000; x = 'aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!' | regex.match '^(a+)+$'; end }}")]
    public void Work_that_escapes_the_loop_limit_is_still_bounded(string template)
    {
        var clock = Stopwatch.StartNew();
        var diagnostics = Harness.Diagnostics([Stack], [("t/x.txt.sbn", template)]);
        Assert.Contains(diagnostics, d => d.Id == "DI1011");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(25), $"took {clock.Elapsed}");
    }

    [Fact]
    public void A_template_that_writes_a_lone_surrogate_is_refused_at_its_line()
    {
        var error = Assert.Single(Harness.Diagnostics([Stack], [("t/x.txt.sbn", "ok\nx{{ \"\\ud800\" }}y")]), d => d.Id == "DI1011");
        Assert.Equal(2, error.Location.GetLineSpan().StartLinePosition.Line + 1);
        Assert.Contains("lone surrogate", error.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("t/.sbn")]
    [InlineData("t/..sbn")]
    [InlineData("t/main.tf.json.sbn")]
    [InlineData("t/manifest.json.sbn")]
    [InlineData("t/MANIFEST.JSON.sbn")]
    public void A_template_whose_output_cannot_be_written_is_reported_at_the_template(string path)
    {
        var error = Assert.Single(Harness.Diagnostics([Stack], [(path, "x")]), d => d.Id == "DI1011");
        Assert.EndsWith(path, error.Location.GetLineSpan().Path);
        var (artifacts, generator) = Harness.Failing(Harness.Compile(Harness.Usings + Stack), (path, "x"));
        Assert.Empty(artifacts);
        Assert.Contains(generator, d => d.Id == "DI1012");
    }

    [Fact]
    public void Two_templates_writing_one_file_are_reported_not_dropped()
    {
        var error = Assert.Single(Harness.Diagnostics([Stack], [("a/app.conf.sbn", "one"), ("b/app.conf.sbn", "two")]), d => d.Id == "DI1011");
        Assert.EndsWith("b/app.conf.sbn", error.Location.GetLineSpan().Path);
        Assert.Contains("a/app.conf.sbn", error.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }
}
