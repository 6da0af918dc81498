using System.Diagnostics;

namespace DslInfra.Generators.Tests;

/// <summary>
/// Generated Dockerfiles pass a real linter: dockerfilelint (npm), which parses the Dockerfile and checks it.
/// tests/tools/install.sh installs it under .tools/; this test installs it there itself when it is missing.
/// </summary>
public class DockerfileLintTests
{
    private const string Stack = """
        [Stack("s")]
        public static class S
        {
            public static readonly ContainerImage Api = new("api")
            {
                BaseImage = "nginx@sha256:4c0fdaa8b6341bfdeca5f18f7837462c80cff90527ee35ef185571e1c327beac",
                Repository = "registry.example.com/api",
                Packages = ["curl", "ca-certificates"],
                Files = [new() { Source = "app/index.html", Destination = "/usr/share/nginx/html/index.html" }],
                Environment = new() { ["GREETING"] = "hello \"world\" $HOME" },
                Ports = [80],
                WorkDir = "/srv",
                User = "nginx",
                Command = ["nginx", "-g", "daemon off;"],
            };
            public static readonly Output Image = new("image") { Value = Api.Uri };
        }
        """;

    [Fact]
    public void The_generated_dockerfile_has_no_lint_issues()
    {
        var dockerfile = Harness.Artifacts(Harness.Compile(Harness.Usings + Stack), ("app/index.html", "x"))["s/images/api/Dockerfile"];
        var (exit, output) = Lint(dockerfile);
        Assert.True(exit == 0, output);
    }

    [Fact]
    public void The_linter_catches_a_bad_dockerfile_so_the_check_means_something()
    {
        var (exit, _) = Lint("FROM nginx\nRUN apt-get install curl\n");
        Assert.NotEqual(0, exit);
    }

    private static (int ExitCode, string Output) Lint(string dockerfile)
    {
        var path = Path.Combine(Path.GetTempPath(), $"dslinfra-{Guid.NewGuid():N}.Dockerfile");
        File.WriteAllText(path, dockerfile);
        try
        {
            using var process = Process.Start(new ProcessStartInfo(Linter(), $"\"{path}\"") { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, output);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string Linter()
    {
        var tools = Path.Combine(RepoPaths.Root, ".tools", "dockerfilelint");
        var linter = Path.Combine(tools, "node_modules", ".bin", "dockerfilelint");
        if (!File.Exists(linter))
        {
            Directory.CreateDirectory(tools);
            using var install = Process.Start(new ProcessStartInfo("npm", "install --silent --no-audit --no-fund dockerfilelint@1.8.0") { WorkingDirectory = tools })!;
            install.WaitForExit(180_000);
        }
        Assert.True(File.Exists(linter), $"dockerfilelint could not be installed into {tools} (npm install dockerfilelint)");
        return linter;
    }
}
