using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Testing;

namespace DslInfra.Generators.Tests;

/// <summary>Analyzer tests with markup: <c>{|DI1001:DateTime.Now|}</c> marks the exact span a diagnostic must cover.</summary>
internal static class Verify
{
    public static Task Diagnostics(string source, params DiagnosticResult[] expected)
    {
        var test = new CSharpAnalyzerTest<StackAnalyzer, DefaultVerifier>
        {
            TestCode = Harness.Usings + source,
            // No download at test time: the reference set comes from Basic.Reference.Assemblies.
            ReferenceAssemblies = new ReferenceAssemblies("net8.0-local"),
        };
        test.TestState.AdditionalReferences.AddRange(Net80.References.All);
        test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(DslInfra.StackAttribute).Assembly.Location));
        test.TestState.AdditionalReferences.Add(MetadataReference.CreateFromFile(typeof(DslInfra.Aws.AwsVpc).Assembly.Location));
        test.ExpectedDiagnostics.AddRange(expected);
        return test.RunAsync();
    }
}
