using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DslInfra.Analyzers.Tests;

/// <summary>Every rule an analyzer reports is documented, release-tracked and in the README's table.</summary>
public class RuleCatalogTests
{
    private static readonly string Root = FindRoot();

    public static TheoryData<string> RuleIds() => new(typeof(Rules.MutableRecordAnalyzer).Assembly.GetTypes()
        .Where(t => t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
        .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics)
        .Select(d => d.Id).Distinct().Order());

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_has_a_page_a_release_entry_and_a_readme_row(string id)
    {
        var page = Path.Combine(Root, "docs", "rules", id + ".md");
        Assert.True(File.Exists(page), $"docs/rules/{id}.md is missing");
        var text = File.ReadAllText(page);
        Assert.StartsWith($"# {id}: ", text);
        Assert.Contains("## Bad", text);
        Assert.Contains("## Good", text);
        Assert.Contains($"{id} |", File.ReadAllText(Path.Combine(Root, "analyzers", "DslInfra.Analyzers", "AnalyzerReleases.Unshipped.md")));
        Assert.Contains($"[{id}](docs/rules/{id}.md)", File.ReadAllText(Path.Combine(Root, "README.md")));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_is_a_warning_settable_in_editorconfig(string id)
    {
        var descriptor = typeof(Rules.MutableRecordAnalyzer).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .SelectMany(t => ((DiagnosticAnalyzer)Activator.CreateInstance(t)!).SupportedDiagnostics)
            .First(d => d.Id == id);
        Assert.Equal(DiagnosticSeverity.Warning, descriptor.DefaultSeverity);
        Assert.True(descriptor.IsEnabledByDefault);
        Assert.DoesNotContain(WellKnownDiagnosticTags.NotConfigurable, descriptor.CustomTags);
        Assert.EndsWith($"docs/rules/{id}.md", descriptor.HelpLinkUri);
    }

    private static string FindRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (!File.Exists(Path.Combine(directory!.FullName, "DslInfra.sln")))
            directory = directory.Parent;
        return directory.FullName;
    }
}
