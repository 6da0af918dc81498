using System.Diagnostics;
using System.Text.Json;
using Microsoft.CodeAnalysis.CSharp;

namespace DslInfra.Generators.Tests;

/// <summary>
/// Generated Dockerfiles read back with a real Dockerfile parser (dockerfile-ast, installed by tests/tools/install.sh; no Docker engine
/// runs here): hostile environment values, commands and paths stay one value each, on their own instruction, exactly.
/// </summary>
public class DockerfileRoundTripTests
{
    private static readonly string[] Values =
    [
        "plain", "say \"hi\"", "back\\slash", "trailing\\", "$HOME and ${PATH}", "$(reboot) `id`", "tab\there", "a b  c", "'single'", "🚀 ünï 日本",
        "\u2028line separator", "#not a comment", "\\\"mixed\\\\", "&& rm -rf /", "", "=", "${X:-default}",
    ];

    [Fact]
    public void Every_value_comes_back_exactly_and_no_value_adds_an_instruction()
    {
        var environment = string.Concat(Values.Select((v, i) => $"[\"V{i}\"] = {SymbolDisplay.FormatLiteral(v, quote: true)}, "));
        var command = string.Join(", ", Values.Select(v => SymbolDisplay.FormatLiteral(v, quote: true)));
        var stack = $$"""
            [Stack("s")]
            public static class S
            {
                public static readonly ContainerImage Api = new("api")
                {
                    BaseImage = "nginx@sha256:4c0fdaa8b6341bfdeca5f18f7837462c80cff90527ee35ef185571e1c327beac",
                    Repository = "registry.example.com/api",
                    Environment = new() { {{environment}} },
                    Command = [{{command}}],
                    Entrypoint = ["/bin/sh", "-c"],
                };
                public static readonly Output Image = new("image") { Value = Api.Uri };
            }
            """;
        var dockerfile = Harness.Artifacts(Harness.Compile(Harness.Usings + stack))["s/images/api/Dockerfile"];
        var parsed = Decode(dockerfile);

        Assert.Equal(["FROM", .. Enumerable.Repeat("ENV", Values.Length), "ENTRYPOINT", "CMD"], parsed.Instructions);
        var env = parsed.Env.ToDictionary(e => e.Name, e => e.Value);
        Assert.Equal(Values.Length, env.Count);
        for (var i = 0; i < Values.Length; i++)
        {
            // dockerfile-ast leaves "\$" as written (it does no variable expansion); Docker reads it as a literal "$".
            Assert.Equal(Values[i], env[$"V{i}"].Replace("\\$", "$"));
        }
        Assert.Equal(Values, parsed.Exec.Single(e => e.Keyword == "CMD").Arguments);
    }

    private sealed record Parsed(List<string> Instructions, List<(string Name, string Value)> Env, List<(string Keyword, string[] Arguments)> Exec);

    private static Parsed Decode(string dockerfile)
    {
        var tool = Path.Combine(RepoPaths.Root, ".tools", "dockerfile-ast");
        Assert.True(Directory.Exists(Path.Combine(tool, "node_modules", "dockerfile-ast")),
            $"dockerfile-ast not found under {tool}: bash tests/tools/install.sh installs it (npm install dockerfile-ast@0.7.1)");
        var file = Path.Combine(Path.GetTempPath(), $"dslinfra-{Guid.NewGuid():N}.Dockerfile");
        File.WriteAllText(file, dockerfile);
        try
        {
            var start = new ProcessStartInfo("node") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = tool };
            start.ArgumentList.Add(Path.Combine(RepoPaths.Root, "tests", "dockerfile-decode", "decode.js"));
            start.ArgumentList.Add(file);
            start.Environment["NODE_PATH"] = Path.Combine(tool, "node_modules");
            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEnd();
            var error = process.StandardError.ReadToEnd();
            process.WaitForExit();
            Assert.True(process.ExitCode == 0, error);
            var root = JsonDocument.Parse(output).RootElement;
            return new Parsed(
                root.GetProperty("instructions").EnumerateArray().Select(i => i.GetString()!).ToList(),
                root.GetProperty("env").EnumerateArray().Select(e => (e[0].GetString()!, e[1].GetString() ?? "")).ToList(),
                root.GetProperty("exec").EnumerateArray().Select(e => (e[0].GetString()!, e[1].EnumerateArray().Select(a => a.GetString()!).ToArray())).ToList());
        }
        finally
        {
            File.Delete(file);
        }
    }
}
