using System.Collections.Immutable;
using System.Reflection;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DslInfra.Analyzers.Tests;

/// <summary>
/// Every analyzer together over real code (samples/MutableLegacy, where each rule fires): each finding is reported
/// once. A build log that shows a warning twice is MSBuild repeating it in its summary, not a second diagnostic.
/// </summary>
public class OneReportPerFindingTests
{
    [Fact]
    public async Task Each_finding_is_reported_once()
    {
        var folder = Path.Combine(RepoRoot(), "samples", "MutableLegacy");
        var trees = Directory.GetFiles(folder, "*.cs").Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), path: f));
        var references = Net100.References.All.Concat(Verify<Rules.MutableRecordAnalyzer>.Sdks);
        var compilation = CSharpCompilation.Create("MutableLegacy", trees, references, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var analyzers = typeof(Rules.MutableRecordAnalyzer).Assembly.GetTypes()
            .Where(t => t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!).ToImmutableArray();
        var diagnostics = await compilation.WithAnalyzers(analyzers).GetAnalyzerDiagnosticsAsync();

        Assert.Contains(diagnostics, d => d.Id == "DI3002");
        var repeated = diagnostics.GroupBy(d => (d.Id, d.Location.GetLineSpan().Span.Start)).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.Empty(repeated);
    }

    private static string RepoRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "DslInfra.sln")))
                return directory.FullName;
        throw new InvalidOperationException("DslInfra.sln not found");
    }
}
