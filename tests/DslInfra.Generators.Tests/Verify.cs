using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace DslInfra.Generators.Tests;

/// <summary>Analyzer tests with markup: <c>{|DI1001:DateTime.Now|}</c> marks the exact span a diagnostic must cover.</summary>
internal static class Verify
{
    public static Task Diagnostics(string source, params DiagnosticResult[] expected) => Diagnostics(source, [], expected);

    public static Task Diagnostics(string source, (string Path, string Text)[] additionalFiles, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<StackAnalyzer, DefaultVerifier>
        {
            TestCode = Harness.Usings + source,
            // No download at test time: the reference set comes from Basic.Reference.Assemblies.
            ReferenceAssemblies = new ReferenceAssemblies("net8.0-local"),
        };
        Configure(test.TestState, additionalFiles);
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }

    /// <summary>The stack analyzer's diagnostic fixed by <typeparamref name="TFix"/>, with the same AdditionalFiles before and after.</summary>
    public static Task Fix<TFix>(string source, string fixedSource, params (string Path, string Text)[] additionalFiles)
        where TFix : Microsoft.CodeAnalysis.CodeFixes.CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<StackAnalyzer, TFix, DefaultVerifier>
        {
            TestCode = Harness.Usings + source,
            FixedCode = Harness.Usings + fixedSource,
            ReferenceAssemblies = new ReferenceAssemblies("net8.0-local"),
        };
        Configure(test.TestState, additionalFiles);
        Configure(test.FixedState, additionalFiles);
        return test.RunAsync();
    }

    private static void Configure(SolutionState state, (string Path, string Text)[] additionalFiles)
    {
        state.AdditionalReferences.AddRange(Net80.References.All);
        state.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(DslInfra.StackAttribute).Assembly.Location));
        state.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(DslInfra.Aws.AwsVpc).Assembly.Location));
        foreach (var file in additionalFiles)
            state.AdditionalFiles.Add(file);
    }
}
