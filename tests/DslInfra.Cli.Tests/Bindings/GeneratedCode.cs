using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DslInfra.Cli.Tests.Bindings;

/// <summary>What `dslinfra bindings` wrote, compiled in-process against the DSL as a user's project compiles it.</summary>
internal static class GeneratedCode
{
    private static readonly MetadataReference[] References =
        [.. Net80.References.All, MetadataReference.CreateFromFile(typeof(DslInfra.StackAttribute).Assembly.Location)];

    /// <summary>
    /// The errors (and the warnings a project with warnings as errors would fail on: a malformed doc comment, a
    /// lower-case type name) of compiling every .cs file in <paramref name="folder"/>, as the SDK would with docs on.
    /// </summary>
    public static IReadOnlyList<string> Problems(string folder)
    {
        var options = new CSharpParseOptions(LanguageVersion.CSharp12, DocumentationMode.Diagnose);
        var trees = Directory.GetFiles(folder, "*.cs").Order(StringComparer.Ordinal)
            .Select(f => CSharpSyntaxTree.ParseText(File.ReadAllText(f), options, f)).ToList();
        var compilation = CSharpCompilation.Create("Bindings", trees, References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        return compilation.GetDiagnostics()
            .Where(d => d.Severity == DiagnosticSeverity.Error || d.Id is "CS1570" or "CS1584" or "CS1587" or "CS8981")
            .Select(d => $"{Path.GetFileName(d.Location.SourceTree?.FilePath)}: {d}").ToList();
    }

    /// <summary>The Terraform type of every record written ([TerraformType("…")]), as C# reads the literal.</summary>
    public static IReadOnlyList<string> TerraformTypes(string folder)
    {
        var types = new List<string>();
        foreach (var file in Directory.GetFiles(folder, "*.cs"))
        {
            var root = CSharpSyntaxTree.ParseText(File.ReadAllText(file)).GetRoot();
            foreach (var attribute in root.DescendantNodes().OfType<Microsoft.CodeAnalysis.CSharp.Syntax.AttributeSyntax>())
                if (attribute.Name.ToString() == "TerraformType"
                    && attribute.ArgumentList?.Arguments.FirstOrDefault()?.Expression is Microsoft.CodeAnalysis.CSharp.Syntax.LiteralExpressionSyntax literal)
                    types.Add(literal.Token.ValueText);
        }
        return types;
    }
}
