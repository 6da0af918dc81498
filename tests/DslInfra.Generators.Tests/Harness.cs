using System.Collections.Immutable;
using Basic.Reference.Assemblies;
using DslInfra.Generators;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DslInfra.Generators.Tests;

/// <summary>Compiles user code against the real DSL assembly and runs the generator and analyzer on it, as a build would.</summary>
internal static class Harness
{
    public const string ProjectDirectory = "/src/app/";

    // The DSL and the prebuilt aws records (DslInfra.Providers.Aws), as a user's project has them.
    public static readonly ImmutableArray<MetadataReference> References =
    [
        .. Net80.References.All,
        MetadataReference.CreateFromFile(typeof(DslInfra.StackAttribute).Assembly.Location),
        MetadataReference.CreateFromFile(typeof(DslInfra.Aws.AwsVpc).Assembly.Location),
    ];

    public static readonly CSharpParseOptions ParseOptions = new(LanguageVersion.CSharp12);

    public static CSharpCompilation Compile(params string[] sources) => CSharpCompilation.Create(
        "UserInfra",
        sources.Select((source, i) => CSharpSyntaxTree.ParseText(source, ParseOptions, path: $"{ProjectDirectory}Stack{i}.cs")),
        References,
        new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public const string Usings = """
        using System.Collections.Immutable;
        using DslInfra;
        using DslInfra.Aws;
        using DslInfra.Images;

        """;

    public static GeneratorDriver Driver(bool trackSteps = false, params (string Path, string Text)[] files) => Driver(trackSteps, null, files);

    /// <summary>A driver whose build sets DslInfraImageEpoch (a scheduled rebuild), when <paramref name="imageEpoch"/> is given.</summary>
    public static GeneratorDriver Driver(bool trackSteps, string? imageEpoch, params (string Path, string Text)[] files) => CSharpGeneratorDriver.Create(
        [new StackGenerator().AsSourceGenerator()],
        additionalTexts: files.Select(f => (AdditionalText)new ProjectFile(ProjectDirectory + f.Path, f.Text)),
        parseOptions: ParseOptions,
        optionsProvider: new ProjectOptions(ProjectDirectory, imageEpoch),
        driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    /// <summary>Runs the generator and returns every artifact by "stack/path"; <paramref name="files"/> are AdditionalFiles relative to the project.</summary>
    public static Dictionary<string, string> Artifacts(Compilation compilation, params (string Path, string Text)[] files)
    {
        var result = Driver(false, files).RunGenerators(compilation).GetRunResult();
        Assert.Empty(result.Diagnostics);
        return ArtifactsOf(result);
    }

    /// <summary>Runs the generator on a stack that should fail: its artifacts (none, if it works) and the generator's own diagnostics.</summary>
    public static (Dictionary<string, string> Artifacts, ImmutableArray<Diagnostic> Diagnostics) Failing(Compilation compilation, params (string Path, string Text)[] files)
    {
        var result = Driver(false, files).RunGenerators(compilation).GetRunResult();
        return (ArtifactsOf(result), result.Diagnostics);
    }

    public static Dictionary<string, string> ArtifactsOf(GeneratorDriverRunResult result)
    {
        var artifacts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var source in result.Results.SelectMany(r => r.GeneratedSources))
        {
            foreach (var attribute in source.SyntaxTree.GetRoot().DescendantNodes().OfType<AttributeSyntax>())
            {
                if (!attribute.Name.ToString().EndsWith("StackArtifactAttribute", StringComparison.Ordinal))
                    continue; // the generator's marker
                var args = attribute.ArgumentList!.Arguments.Select(a => ((LiteralExpressionSyntax)a.Expression).Token.ValueText).ToArray();
                artifacts[args[0] + "/" + args[1]] = args[2];
            }
        }
        return artifacts;
    }

    public static string TerraformOf(string stackSource, string stack = "s") =>
        Artifacts(Compile(Usings + stackSource))[stack + "/main.tf.json"];

    /// <summary>The analyzer's diagnostics plus the compiler's errors, so a test sees everything a build would.</summary>
    public static ImmutableArray<Diagnostic> Diagnostics(params string[] sources) => Diagnostics(sources, []);

    public static ImmutableArray<Diagnostic> Diagnostics(string[] sources, (string Path, string Text)[] files)
    {
        var compilation = Compile(sources.Select(s => Usings + s).ToArray());
        var options = new AnalyzerOptions([.. files.Select(f => (AdditionalText)new ProjectFile(ProjectDirectory + f.Path, f.Text))], new ProjectOptions(ProjectDirectory));
        var analyzed = compilation.WithAnalyzers([new StackAnalyzer()], options);
        var analyzer = analyzed.GetAnalyzerDiagnosticsAsync().GetAwaiter().GetResult();
        var errors = compilation.GetDiagnostics().Where(d => d.Severity == DiagnosticSeverity.Error);
        return [.. errors, .. analyzer];
    }

    /// <summary>An AdditionalFile held in memory.</summary>
    public sealed class ProjectFile(string path, string text) : AdditionalText
    {
        public override string Path { get; } = path;

        public override Microsoft.CodeAnalysis.Text.SourceText GetText(CancellationToken cancellationToken = default) =>
            Microsoft.CodeAnalysis.Text.SourceText.From(text);
    }

    private sealed class ProjectOptions(string projectDirectory, string? imageEpoch = null) : AnalyzerConfigOptionsProvider
    {
        public override AnalyzerConfigOptions GlobalOptions { get; } = new Options(projectDirectory, imageEpoch);

        public override AnalyzerConfigOptions GetOptions(SyntaxTree tree) => Options.Empty;

        public override AnalyzerConfigOptions GetOptions(AdditionalText textFile) => Options.Empty;

        private sealed class Options(string? projectDirectory, string? imageEpoch = null) : AnalyzerConfigOptions
        {
            public static readonly Options Empty = new(null);

            public override bool TryGetValue(string key, out string value)
            {
                if (key == "build_property.dslinfraimageepoch" && imageEpoch is not null)
                {
                    value = imageEpoch;
                    return true;
                }
                value = projectDirectory ?? "";
                return projectDirectory is not null && key == "build_property.projectdir";
            }
        }
    }
}
