using System.Collections.Immutable;
using Basic.Reference.Assemblies;
using DslInfra.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DslInfra.Analyzers.Tests;

/// <summary>
/// The grammar reads command lines, helpers in other files and locals' initializers: it must not throw on any code a
/// user writes, broken code included. This runs DI2003 and DI2004 over every C# file of this repository (hundreds of
/// files, many of which do not compile against these references) and fails on any analyzer exception.
/// </summary>
public sealed class NoExceptionsOnRealCodeTests
{
    [Fact]
    public async Task The_rules_run_over_this_repository_without_an_exception()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "DslInfra.sln")))
            root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("the repository root was not found");
        var files = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}bin{Path.DirectorySeparatorChar}") && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            // The generated provider records are hundreds of thousands of lines of declarations and no calls.
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}DslInfra.Providers{Path.DirectorySeparatorChar}") && new FileInfo(f).Length < 400_000)
            .ToList();
        Assert.True(files.Count > 200, $"expected the repository's sources, found {files.Count} files");
        var trees = files.Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), new CSharpParseOptions(LanguageVersion.Latest), f));
        var compilation = CSharpCompilation.Create("Everything", trees, [.. Net100.References.All, .. Verify<InPlaceUpdateAnalyzer>.Sdks],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));

        var exceptions = new List<string>();
        var options = new CompilationWithAnalyzersOptions(new AnalyzerOptions([]), (exception, analyzer, diagnostic) =>
        {
            lock (exceptions)
                exceptions.Add($"{analyzer.GetType().Name}: {exception.GetType().Name}: {exception.Message} at {diagnostic.Location}");
        }, concurrentAnalysis: true, logAnalyzerExecutionTime: false);
        var analyzers = ImmutableArray.Create<DiagnosticAnalyzer>(new InPlaceUpdateAnalyzer(), new RemoteProvisioningAnalyzer());
        var diagnostics = await compilation.WithAnalyzers(analyzers, options).GetAnalyzerDiagnosticsAsync();

        Assert.True(exceptions.Count == 0, string.Join("\n", exceptions.Take(10)));
        Assert.DoesNotContain(diagnostics, d => d.Id == "AD0001");
        // This repository starts terraform, packer, docker build and dotnet, and never changes live infrastructure:
        // outside samples/MutableLegacy (the sample written to show every rule firing) every report would be a false one.
        var reports = diagnostics.Where(d => d.Id is "DI2003" or "DI2004").ToLookup(d => d.Location.SourceTree?.FilePath.Contains("MutableLegacy") == true);
        Assert.True(!reports[false].Any(), string.Join("\n", reports[false].Take(20).Select(d => $"{d.Id} {d.Location.GetLineSpan()}: {d.GetMessage()}")));
        Assert.Equal(["DI2003", "DI2004", "DI2004", "DI2004"], reports[true].Select(d => d.Id).Order());
    }
}
