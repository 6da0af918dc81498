using DslInfra.Generators.Diagnostics;

namespace DslInfra.Generators.Tests;

/// <summary>Every rule the analyzer can report is documented and tracked.</summary>
public class RuleCatalogTests
{
    public static TheoryData<string> RuleIds() => new(DiagnosticDescriptors.All.Select(d => d.Id));

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_has_a_docs_page_with_examples(string id)
    {
        var page = Path.Combine(RepoPaths.Root, "docs", "rules", id + ".md");
        Assert.True(File.Exists(page), $"docs/rules/{id}.md is missing");
        Assert.StartsWith($"# {id}: ", File.ReadAllText(page));
    }

    [Theory]
    [MemberData(nameof(RuleIds))]
    public void Rule_is_release_tracked_and_links_its_page(string id)
    {
        var releases = File.ReadAllText(Path.Combine(RepoPaths.Root, "generators", "DslInfra.Generators", "AnalyzerReleases.Unshipped.md"));
        Assert.Contains($"{id} |", releases);
        var descriptor = DiagnosticDescriptors.ById(id);
        Assert.EndsWith($"docs/rules/{id}.md", descriptor.HelpLinkUri);
        Assert.False(string.IsNullOrWhiteSpace(descriptor.MessageFormat.ToString()));
    }
}
