using System.Collections.Immutable;
using BenchmarkDotNet.Attributes;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Completion;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Host.Mef;
using Microsoft.CodeAnalysis.Text;

namespace DslInfra.Benchmarks;

/// <summary>
/// What the aws package costs while typing, measured with Roslyn's own editor services (the ones Visual Studio and the
/// C# language servers host): completion of a type name (every record of DslInfra.Aws is a candidate), completion of an
/// initializer's members, and the diagnostics of the edited file with DslInfra's analyzers — each after a keystroke, so
/// the document is new and the package's metadata is what the IDE keeps loaded. Against an assembly of only the
/// records the stack uses, the least a per-service split of the package could give.
/// </summary>
[MemoryDiagnoser]
public class IdeBenchmarks
{
    private const string TypeCaret = "public static readonly Aws";
    private const string MemberCaret = "new AwsLaunchTemplate(\"lt\") { ";
    private Document document = null!;
    private int edit;

    [Params("UsedRecords", "AwsPackage")]
    public string Records { get; set; } = "";

    [GlobalSetup]
    public void Setup()
    {
        var records = Records == "AwsPackage" ? DslReferences.AwsPackage : UsedRecordAssembly();
        var workspace = new AdhocWorkspace(MefHostServices.Create(MefHostServices.DefaultAssemblies));
        var project = workspace.AddProject(ProjectInfo.Create(ProjectId.CreateNewId(), VersionStamp.Create(), "User", "User", LanguageNames.CSharp,
            compilationOptions: new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable),
            parseOptions: new CSharpParseOptions(LanguageVersion.CSharp12),
            metadataReferences: [.. Basic.Reference.Assemblies.Net80.References.All, DslReferences.Dsl, records]));
        document = workspace.AddDocument(project.Id, "Stack.cs", SourceText.From(Source(0)));
        // Warm the caches an IDE would have warmed before the user types (metadata, the completion providers).
        _ = TypeNameCompletion();
        _ = MemberCompletion();
    }

    /// <summary>The edited file: a 100-resource stack, a member being declared and an initializer being filled in.</summary>
    private static string Source(int keystroke) =>
        SyntheticStacks.Stack(0, 100).ToString().TrimEnd().TrimEnd('}')
        + $"    private const int Edit = {keystroke};\n"
        + "    public static readonly AwsLaunchTemplate Lt = " + MemberCaret + "};\n"
        + "    " + TypeCaret + "\n}\n";

    private Document Typed() => document.WithText(SourceText.From(Source(++edit)));

    /// <summary>Completion after <c>public static readonly Aws</c>: every type in scope.</summary>
    [Benchmark]
    public int TypeNameCompletion() => Complete(Typed(), TypeCaret);

    /// <summary>Completion inside <c>new AwsLaunchTemplate("lt") { … }</c>: the record's arguments.</summary>
    [Benchmark]
    public int MemberCompletion() => Complete(Typed(), MemberCaret);

    /// <summary>The edited file's compiler and DslInfra analyzer diagnostics, as the IDE computes them after a keystroke.</summary>
    [Benchmark]
    public int DocumentDiagnostics()
    {
        var typed = Typed();
        var model = typed.GetSemanticModelAsync().GetAwaiter().GetResult()!;
        var analyzers = model.Compilation.WithAnalyzers(AnalyzerBenchmarks.Analyzers, new CompilationWithAnalyzersOptions(
            new AnalyzerOptions([]), onAnalyzerException: null, concurrentAnalysis: false, logAnalyzerExecutionTime: false));
        var found = analyzers.GetAnalyzerSemanticDiagnosticsAsync(model, filterSpan: null, CancellationToken.None).GetAwaiter().GetResult();
        return model.GetDiagnostics().Length + found.Length;
    }

    private static int Complete(Document typed, string caret)
    {
        var text = typed.GetTextAsync().GetAwaiter().GetResult().ToString();
        var position = text.LastIndexOf(caret, StringComparison.Ordinal) + caret.Length;
        var completions = CompletionService.GetService(typed)!.GetCompletionsAsync(typed, position).GetAwaiter().GetResult();
        if (completions.ItemsList.Count == 0)
            throw new InvalidOperationException("no completion at the caret: the benchmark would measure nothing");
        return completions.ItemsList.Count;
    }

    private static MetadataReference UsedRecordAssembly()
    {
        var aws = DslInfra.Bindings.Schema.ProviderSchemaFile.Read(Path.Combine(BindingBenchmarksRoot.Find(), "src", "DslInfra.Providers", "schemas", "aws.schema.json.gz")).Providers.Single();
        var types = new[] { "aws_vpc", "aws_subnet", "aws_security_group", "aws_launch_template" }.ToImmutableArray();
        var trees = DslInfra.Bindings.Emit.BindingGenerator.Generate(aws, new DslInfra.Bindings.Emit.BindingOptions("DslInfra.Aws", [.. types])).Select(f => CSharpSyntaxTree.ParseText(f.Content));
        using var image = new MemoryStream();
        var emitted = CSharpCompilation.Create("UsedRecords", trees, [.. Basic.Reference.Assemblies.Net80.References.All, DslReferences.Dsl],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable)).Emit(image);
        if (!emitted.Success)
            throw new InvalidOperationException(string.Join("\n", emitted.Diagnostics));
        return MetadataReference.CreateFromImage(image.ToArray());
    }
}
