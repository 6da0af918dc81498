using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DslInfra.Generators.Emit;
using DslInfra.Generators.Evaluation;
using DslInfra.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace DslInfra.Generators;

/// <summary>
/// Turns every [Stack] class into Terraform JSON and a manifest at compile time, without running user code.
/// The diagnostics a user sees while typing come from <see cref="StackAnalyzer"/>, which shares the evaluator.
/// This pipeline reports one thing only, DI1012, for a stack it could not synthesize: what a build writes must not
/// depend on analyzers running, so a stack with errors fails the build even with RunAnalyzers=false.
/// </summary>
[Generator(LanguageNames.CSharp)]
public sealed class StackGenerator : IIncrementalGenerator
{
    /// <summary>Step names, for incrementality tests.</summary>
    public static class Steps
    {
        /// <summary>Each stack evaluated into a model.</summary>
        public const string Stacks = nameof(Stacks);

        /// <summary>The project directory, for relative source paths.</summary>
        public const string ProjectDirectory = nameof(ProjectDirectory);

        /// <summary>Digests of the project's AdditionalFiles.</summary>
        public const string Files = nameof(Files);

        /// <summary>The image regeneration epoch (the MSBuild property DslInfraImageEpoch).</summary>
        public const string ImageEpoch = nameof(ImageEpoch);

        /// <summary>Each stack's rendered files.</summary>
        public const string Artifacts = nameof(Artifacts);
    }

    /// <inheritdoc/>
    public void Initialize(IncrementalGeneratorInitializationContext context)
    {
        var models = context.SyntaxProvider
            .ForAttributeWithMetadataName(
                DslSymbols.StackAttributeName,
                static (node, _) => node is ClassDeclarationSyntax,
                static (syntax, cancellation) => Evaluate(syntax, cancellation))
            .SelectMany(static (stacks, _) => stacks)
            .WithTrackingName(Steps.Stacks);

        var projectDirectory = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) =>
                options.GlobalOptions.TryGetValue("build_property.projectdir", out var directory) ? directory : "")
            .WithTrackingName(Steps.ProjectDirectory);

        // Files a bake uploads are part of its image's hash; only their digests enter the pipeline.
        var files = context.AdditionalTextsProvider
            .Select(static (file, cancellation) =>
            {
                var text = file.GetText(cancellation)?.ToString() ?? "";
                return new FileDigest(file.Path, ImageHashes.Digest(text), text);
            })
            .Collect()
            .Select(static (all, _) => all.OrderBy(f => f.Path, System.StringComparer.Ordinal).ToEquatableArray())
            .WithTrackingName(Steps.Files);

        // Set for a scheduled rebuild (DslInfraImageEpoch=2026-W50): every image gets a new name and is baked again.
        var imageEpoch = context.AnalyzerConfigOptionsProvider
            .Select(static (options, _) =>
                options.GlobalOptions.TryGetValue("build_property.dslinfraimageepoch", out var epoch) ? epoch.Trim() : "")
            .WithTrackingName(Steps.ImageEpoch);

        var artifacts = models
            .Combine(projectDirectory.Combine(files).Combine(imageEpoch))
            .Select(static (pair, cancellation) => StackArtifacts.From(pair.Left, pair.Right.Left.Left, pair.Right.Left.Right, cancellation, pair.Right.Right))
            .WithTrackingName(Steps.Artifacts);

        // One output over all stacks: it alone can see two stacks sharing a name or a class declared twice, and it
        // stamps the marker that tells the build task the generator ran to the end.
        context.RegisterImplementationSourceOutput(artifacts.Collect(), static (output, stacks) => SynthesisOutput.Add(output, stacks));
    }

    /// <summary>A stack's evaluation: one, or one per environment it declares.</summary>
    private static EquatableArray<EvaluatedStack> Evaluate(GeneratorAttributeSyntaxContext syntax, CancellationToken cancellation)
    {
        var stack = (INamedTypeSymbol)syntax.TargetSymbol;
        var models = SemanticModels(syntax.SemanticModel);
        var environments = StackReader.EnvironmentsOf(stack);
        return (environments.Count == 0 ? new string?[] { null } : environments.Select(e => (string?)e)).Select(environment =>
        {
            var result = StackReader.ReadCached(stack, syntax.Attributes[0], syntax.SemanticModel.Compilation, models, cancellation, environment: environment);
            return new EvaluatedStack(result.Model, SynthesisFailure.FromDiagnostics(result.Diagnostics));
        }).ToEquatableArray();
    }

    /// <summary>
    /// The semantic models the evaluator binds initializers with: one per tree, without nullable analysis. The
    /// generator reads values, never nullability, and in a project with nullable enabled that analysis was about a
    /// third of its binding time (profiled on a 2,000-resource stack).
    /// </summary>
    internal static System.Func<SyntaxTree, SemanticModel> SemanticModels(SemanticModel first)
    {
        var compilation = first.Compilation;
        var cache = new Dictionary<SyntaxTree, SemanticModel>();
        return tree =>
        {
            if (!cache.TryGetValue(tree, out var model))
                cache[tree] = model = WithoutNullableAnalysis(compilation, tree);
            return model;
        };
    }

    private static bool nullableOptionMissing;

    private static SemanticModel WithoutNullableAnalysis(Compilation compilation, SyntaxTree tree)
    {
        if (!nullableOptionMissing)
        {
            try
            {
                return ModelWithoutNullableAnalysis(compilation, tree);
            }
            catch (System.MissingMethodException)
            {
                nullableOptionMissing = true; // a compiler older than Roslyn 4.11: bind as the compiler does
            }
        }
        return compilation.GetSemanticModel(tree);
    }

    // Its own method, so that a compiler without the option fails when this is compiled, inside the try above.
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static SemanticModel ModelWithoutNullableAnalysis(Compilation compilation, SyntaxTree tree)
    {
#pragma warning disable RSEXPERIMENTAL001 // experimental in Roslyn 4.11; its absence is handled above
        return compilation.GetSemanticModel(tree, SemanticModelOptions.DisableNullableAnalysis);
#pragma warning restore RSEXPERIMENTAL001
    }
}
