using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using DslInfra.Generators.Diagnostics;
using DslInfra.Generators.Evaluation;
using DslInfra.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DslInfra.Generators;

/// <summary>
/// Reports DI1xxx live in the IDE: IDEs run generators only on build or save, analyzers as the author types.
/// It runs the same evaluator as <see cref="StackGenerator"/>, so the two never disagree.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class StackAnalyzer : DiagnosticAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => DiagnosticDescriptors.All;

    /// <inheritdoc/>
    public override void Initialize(AnalysisContext context)
    {
        context.ConfigureGeneratedCodeAnalysis(GeneratedCodeAnalysisFlags.None);
        context.EnableConcurrentExecution();
        context.RegisterCompilationStartAction(start =>
        {
            var dsl = DslSymbols.From(start.Compilation);
            if (dsl.Stack is null)
                return;
            var trees = new Dictionary<string, SyntaxTree>();
            foreach (var tree in start.Compilation.SyntaxTrees)
                if (!trees.ContainsKey(tree.FilePath))
                    trees[tree.FilePath] = tree;
            var names = new ConcurrentBag<(string Name, INamedTypeSymbol Type, Location Location)>();
            var reads = new ConcurrentBag<(string Name, EquatableArray<string> Reads, Location Location)>();
            start.RegisterSymbolAction(symbolContext => AnalyzeStack(symbolContext, dsl, trees, names, reads), SymbolKind.NamedType);
            start.RegisterCompilationEndAction(end =>
            {
                ReportDuplicateStacks(end, names);
                ReportStackCycles(end, reads);
            });
        });
    }

    private static void AnalyzeStack(
        SymbolAnalysisContext context,
        DslSymbols dsl,
        IReadOnlyDictionary<string, SyntaxTree> trees,
        ConcurrentBag<(string Name, INamedTypeSymbol Type, Location Location)> names,
        ConcurrentBag<(string Name, EquatableArray<string> Reads, Location Location)> reads)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        var attribute = dsl.FindStackAttribute(type);
        if (attribute is null || type.DeclaringSyntaxReferences.IsEmpty)
            return;
        if (attribute.ConstructorArguments.FirstOrDefault().Value is string name)
            names.Add((name, type, attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation() ?? type.Locations[0]));
        // A stack spans its partial declarations and the [InfraFunction]s it calls, so it needs models of other trees.
#pragma warning disable RS1030
        var compilation = context.Compilation;
        var cache = new Dictionary<SyntaxTree, SemanticModel>();
        SemanticModel Model(SyntaxTree tree)
        {
            if (!cache.TryGetValue(tree, out var model))
                cache[tree] = model = compilation.GetSemanticModel(tree);
            return model;
        }
#pragma warning restore RS1030
        // A stack of several environments is checked in each: a value missing for one of them is reported there.
        var environments = StackReader.EnvironmentsOf(type);
        Model.StackResult? result = null;
        var reported = new HashSet<Model.DiagnosticInfo>();
        foreach (var environment in environments.Count == 0 ? new string?[] { null } : environments.Select(e => (string?)e))
        {
            var each = StackReader.ReadCached(type, attribute, compilation, Model, context.CancellationToken, keepMembers: true, environment: environment);
            result ??= each;
            foreach (var diagnostic in each.Diagnostics)
                if (reported.Add(diagnostic))
                    context.ReportDiagnostic(diagnostic.ToDiagnostic(trees));
        }
        if (result is null)
            return;
        if (result.Model.ReadsStacks.Count > 0)
            reads.Add((result.Model.Name, result.Model.ReadsStacks, attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken).GetLocation() ?? type.Locations[0]));
        CheckImages(context, result.Model, trees);
        CheckTemplates(context, result.Model);
        RenameCheck.Report(context, result.Model, trees);
        VersionCheck.Report(context, result.Model, attribute, trees);
        DefaultReadCheck.Report(context, type, dsl, Model);
    }

    /// <summary>DI1010 and DI3003: an image's uploaded files must be AdditionalFiles, and something must use the image.</summary>
    private static void CheckImages(SymbolAnalysisContext context, Model.StackModel stack, IReadOnlyDictionary<string, SyntaxTree> trees)
    {
        if (stack.Images.Count == 0)
            return;
        context.Options.AnalyzerConfigOptionsProvider.GlobalOptions.TryGetValue("build_property.projectdir", out var projectDirectory);
        var files = context.Options.AdditionalFiles
            .Select(f => new Emit.FileDigest(f.Path, "", "")).ToEquatableArray();
        var used = new HashSet<string>(stack.Resources.SelectMany(r => r.Dependencies));
        foreach (var output in stack.Outputs)
            if (output.Value is Model.ReferenceValue reference)
                used.Add(reference.Target);
            else if (output.Value is Model.ImageNameValue image)
                used.Add("image." + image.Image);
        foreach (var (image, file) in Emit.ImageHashes.MissingUploads(stack, files, projectDirectory ?? ""))
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UploadedFileMissing, image.Span?.Locate(trees) ?? Location.None, image.Name, file));
        foreach (var image in stack.Images.Where(i => !used.Contains(i.Dependency)))
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UnusedImage, image.Span?.Locate(trees) ?? Location.None, image.Name, stack.Name));
    }

    /// <summary>DI1011: the user's templates must parse and render for this stack, with the template's file and line when not.</summary>
    private static void CheckTemplates(SymbolAnalysisContext context, Model.StackModel stack)
    {
        if (stack.HasErrors)
            return;
        var templates = context.Options.AdditionalFiles.Where(f => Emit.UserTemplates.IsTemplate(f.Path))
            .Select(f => new Emit.FileDigest(f.Path, "", f.GetText(context.CancellationToken)?.ToString() ?? ""));
        var names = stack.Images.ToDictionary(i => i.IsContainer ? i.Name + ".uri" : i.Name, i => i.Name);
        foreach (var (template, _, problem) in Emit.UserTemplates.Plan(templates))
        {
            var problems = problem is null ? Emit.UserTemplates.Render(template, stack, names, context.CancellationToken).Problems : new[] { problem };
            foreach (var found in problems)
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.TemplateError, Emit.UserTemplates.Locate(found),
                    System.IO.Path.GetFileName(found.Path), stack.Name, found.Message));
        }
    }

    /// <summary>DI1005 for stacks that read each other's outputs in a cycle: only at the end is every stack known.</summary>
    private static void ReportStackCycles(CompilationAnalysisContext context, ConcurrentBag<(string Name, EquatableArray<string> Reads, Location Location)> reads)
    {
        var cycles = StackOrder.Cycles(reads.Select(r => (r.Name, (IEnumerable<string>)r.Reads)));
        foreach (var stack in reads.Where(r => cycles.ContainsKey(r.Name)).OrderBy(r => r.Name, System.StringComparer.Ordinal))
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ReferenceCycle, stack.Location, "stacks read each other's outputs: " + cycles[stack.Name]));
    }

    // Stacks are analyzed one at a time; only at the end is every name known.
    private static void ReportDuplicateStacks(
        CompilationAnalysisContext context,
        ConcurrentBag<(string Name, INamedTypeSymbol Type, Location Location)> names)
    {
        foreach (var group in names.GroupBy(n => n.Name).Where(g => g.Count() > 1))
        {
            var ordered = group.OrderBy(n => n.Type.ToDisplayString(), System.StringComparer.Ordinal).ToList();
            foreach (var duplicate in ordered.Skip(1))
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.DuplicateStack, duplicate.Location, group.Key, ordered[0].Type.ToDisplayString()));
        }
    }
}
