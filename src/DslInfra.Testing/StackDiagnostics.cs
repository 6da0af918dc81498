using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Reflection;
using DslInfra.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DslInfra.Testing;

/// <summary>A diagnostic of DslInfra's generator or analyzers (or the compiler's error) on a stack's source, with its place.</summary>
/// <param name="Id">DI1007, DI2003, CS0029…</param>
/// <param name="Severity">error, warning or info.</param>
/// <param name="Message">The message as the build would print it.</param>
/// <param name="Line">1-based line in the source.</param>
/// <param name="Column">1-based column.</param>
public sealed record StackDiagnostic(string Id, string Severity, string Message, int Line, int Column)
{
    /// <inheritdoc/>
    public override string ToString() => $"({Line},{Column}): {Severity} {Id}: {Message}";
}

/// <summary>
/// What a build says about a stack's source, without building a project: the source compiled in-process against
/// DslInfra and the given provider records, through the very generator and analyzers the DslInfra package ships.
/// For a test that a mistake is caught (a stack that must fail cannot be a member of the test's own project).
/// </summary>
/// <example><code>
/// var found = StackDiagnostics.Of(source, typeof(DslInfra.Aws.AwsVpc));
/// Assert.Contains(found, d => d.Id == "DI1001" &amp;&amp; d.Line == 9);
/// </code></example>
public static class StackDiagnostics
{
    /// <summary>
    /// The DI diagnostics (any severity) and compiler errors of <paramref name="source"/>, a C# file declaring stacks;
    /// <paramref name="records"/> are types of the provider packages it uses (their assemblies are referenced).
    /// </summary>
    public static IReadOnlyList<StackDiagnostic> Of(string source, params Type[] records)
    {
        var tree = CSharpSyntaxTree.ParseText(source, new CSharpParseOptions(LanguageVersion.Latest), path: "Stack.cs");
        var compilation = CSharpCompilation.Create("StackUnderTest", [tree], References(records),
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        GeneratorDriver driver = CSharpGeneratorDriver.Create(new StackGenerator());
        driver.RunGeneratorsAndUpdateCompilation(compilation, out var generated, out var generatorDiagnostics);
        var analyzers = typeof(StackGenerator).Assembly.GetTypes()
            .Where(t => !t.IsAbstract && typeof(DiagnosticAnalyzer).IsAssignableFrom(t) && t.GetCustomAttribute<DiagnosticAnalyzerAttribute>() is not null)
            .Select(t => (DiagnosticAnalyzer)Activator.CreateInstance(t)!)
            .ToImmutableArray();
        var analyzed = generated.WithAnalyzers(analyzers).GetAllDiagnosticsAsync().GetAwaiter().GetResult();
        return generatorDiagnostics.Concat(analyzed)
            .Where(d => d.Id.StartsWith("DI", StringComparison.Ordinal) || d.Severity == DiagnosticSeverity.Error)
            .Where(d => d.Location == Location.None || d.Location.SourceTree == tree)
            .Select(d =>
            {
                var position = d.Location.GetLineSpan().StartLinePosition;
                return new StackDiagnostic(d.Id, d.Severity.ToString().ToLowerInvariant(), d.GetMessage(System.Globalization.CultureInfo.InvariantCulture),
                    position.Line + 1, position.Character + 1);
            })
            .Distinct()
            .OrderBy(d => d.Line).ThenBy(d => d.Column).ThenBy(d => d.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The framework this process runs on, DslInfra, and the assemblies of the given records.</summary>
    private static IEnumerable<MetadataReference> References(IEnumerable<Type> records)
    {
        var paths = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? "").Split(Path.PathSeparator))
            if (path.Length > 0 && IsFramework(path))
                paths.Add(path);
        foreach (var assembly in records.Select(r => r.Assembly).Append(typeof(StackAttribute).Assembly))
            if (assembly.Location.Length > 0)
                paths.Add(assembly.Location);
        return paths.Select(p => MetadataReference.CreateFromFile(p));
    }

    /// <summary>The shared framework's own assemblies (not the test's dependencies, which the stack does not see).</summary>
    private static bool IsFramework(string path) =>
        path.Replace('\\', '/').Contains("/shared/Microsoft.NETCore.App/", StringComparison.Ordinal);
}
