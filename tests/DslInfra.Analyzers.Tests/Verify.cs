using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Testing;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Testing;

namespace DslInfra.Analyzers.Tests;

/// <summary>Analyzer and code-fix tests against real reference assemblies: .NET 10, the DSL, AWSSDK.EC2, SSH.NET, KubernetesClient, Azure.ResourceManager.Compute.</summary>
internal static class Verify<TAnalyzer>
    where TAnalyzer : DiagnosticAnalyzer, new()
{
    public const string Usings = """
        using System;
        using System.Collections.Generic;
        using System.Collections.Immutable;
        using DslInfra;
        using DslInfra.Aws;

        """;

    internal static readonly MetadataReference[] Sdks =
    [
        Reference(typeof(DslInfra.StackAttribute)),
        Reference(typeof(DslInfra.Aws.AwsVpc)),
        Reference(typeof(Amazon.EC2.IAmazonEC2)),
        Reference(typeof(Amazon.Runtime.AmazonServiceException)),
        Reference(typeof(Renci.SshNet.SshClient)),
        Reference(typeof(k8s.Kubernetes)),
        Reference(typeof(k8s.Models.V1Deployment)),
        Reference(typeof(Azure.ResourceManager.Compute.VirtualMachineResource)),
        Reference(typeof(Azure.ResourceManager.ArmResource)),
        Reference(typeof(Azure.Response)),
    ];

    private static MetadataReference Reference(Type type) => MetadataReference.CreateFromFile(type.Assembly.Location);

    public static Task Diagnostics(string source, params (string Name, string Text)[] additionalFiles)
    {
        var test = new CSharpAnalyzerTest<TAnalyzer, DefaultVerifier> { TestCode = Usings + source };
        Configure(test.TestState, additionalFiles);
        test.ReferenceAssemblies = new ReferenceAssemblies("net10.0-local");
        return test.RunAsync();
    }

    public static Task Fix<TFix>(string source, string fixedSource, int iterations = 1)
        where TFix : CodeFixProvider, new()
    {
        var test = new CSharpCodeFixTest<TAnalyzer, TFix, DefaultVerifier>
        {
            TestCode = Usings + source,
            FixedCode = Usings + fixedSource,
            ReferenceAssemblies = new ReferenceAssemblies("net10.0-local"),
            NumberOfFixAllIterations = iterations,
        };
        Configure(test.TestState, []);
        Configure(test.FixedState, []);
        return test.RunAsync();
    }

    private static void Configure(SolutionState state, (string Name, string Text)[] additionalFiles)
    {
        state.AdditionalReferences.AddRange(Net100.References.All);
        state.AdditionalReferences.AddRange(Sdks);
        foreach (var (name, text) in additionalFiles)
            state.AdditionalFiles.Add((name, text));
        // The SDK suppresses these version-unification warnings too.
        state.AnalyzerConfigFiles.Add(("/.globalconfig", "is_global = true\ndotnet_diagnostic.CS1701.severity = none\ndotnet_diagnostic.CS1702.severity = none\n"));
    }
}
