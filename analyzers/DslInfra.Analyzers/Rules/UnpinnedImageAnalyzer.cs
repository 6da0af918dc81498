using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DslInfra.Analyzers.Rules;

/// <summary>DI3002: an AMI lookup that takes the most recent of a wildcard or regex match: the image changes under the stack.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class UnpinnedImageAnalyzer : RuleAnalyzer
{
    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(DiagnosticDescriptors.UnpinnedImage);

    /// <inheritdoc/>
    private protected override void Start(CompilationStartAnalysisContext start)
    {
        var dataSource = start.Compilation.GetTypeByMetadataName("DslInfra.DataSource");
        var bakeSource = start.Compilation.GetTypeByMetadataName("DslInfra.Images.SourceAmiFilter");
        var container = start.Compilation.GetTypeByMetadataName("DslInfra.Images.ContainerImage");
        if (dataSource is not null)
            start.RegisterOperationAction(c => Analyze(c, dataSource, bakeSource, container), OperationKind.ObjectCreation, OperationKind.With);
    }

    private static void Analyze(OperationAnalysisContext context, INamedTypeSymbol dataSource, INamedTypeSymbol? bakeSource, INamedTypeSymbol? container)
    {
        var (type, initializer) = context.Operation switch
        {
            IObjectCreationOperation creation => (creation.Type, creation.Initializer),
            IWithOperation with => (with.Type, with.Initializer),
            _ => (null, null),
        };
        if (initializer is null)
            return;
        if (SymbolEqualityComparer.Default.Equals(type, bakeSource))
        {
            BakeSource(context, initializer);
            return;
        }
        if (SymbolEqualityComparer.Default.Equals(type, container))
        {
            ContainerBase(context, initializer);
            return;
        }
        if (!IsAmiLookup(type, dataSource))
            return;
        var assignments = Initializers.ArgumentAssignments(initializer);
        if (!assignments.TryGetValue("most_recent", out var mostRecent) || Initializers.Constant(mostRecent.Value) is not true)
            return;
        var byRegex = assignments.ContainsKey("name_regex");
        var byWildcard = assignments.TryGetValue("filter", out var filter) && filter.Value.Descendants()
            .Any(o => o.ConstantValue.Value is string value && (value.Contains("*") || value.Contains("?")));
        if (byRegex || byWildcard)
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UnpinnedImage, mostRecent.Syntax.GetLocation(),
                $"MostRecent = true over a {(byRegex ? "name regex" : "wildcard")}"));
    }

    /// <summary>A data source of Terraform type aws_ami: the generated DataAwsAmi, or a user's own record for it.</summary>
    private static bool IsAmiLookup(ITypeSymbol? type, INamedTypeSymbol dataSource) =>
        type is not null && DslInfra.Catalog.SymbolNames.TypeName(type) == "aws_ami" && Initializers.DerivesFrom(type, dataSource);

    // A base image by a moving tag: the same Dockerfile builds on different bases, so its content-addressed tag would lie.
    private static void ContainerBase(OperationAnalysisContext context, IObjectOrCollectionInitializerOperation initializer)
    {
        if (!Initializers.Assignments(initializer).TryGetValue("BaseImage", out var baseImage)
            || Initializers.Constant(baseImage.Value) is not string reference || reference.Contains("@sha256:"))
            return;
        var lastSlash = reference.LastIndexOf('/');
        var colon = reference.IndexOf(':', lastSlash + 1);
        var tag = colon < 0 ? null : reference.Substring(colon + 1);
        if (tag is null or "latest")
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UnpinnedImage, baseImage.Value.Syntax.GetLocation(),
                $"Base image '{reference}' is {(tag is null ? "untagged (latest)" : "tagged latest")} (pin it by digest, name@sha256:…)"));
    }

    // A bake from "the newest match" bakes a different image from the same template: its content-addressed name would lie.
    private static void BakeSource(OperationAnalysisContext context, IObjectOrCollectionInitializerOperation initializer)
    {
        var assignments = Initializers.Assignments(initializer);
        if (assignments.TryGetValue("MostRecent", out var mostRecent) && Initializers.Constant(mostRecent.Value) is true
            && assignments.TryGetValue("Name", out var name) && Initializers.Constant(name.Value) is string pattern
            && (pattern.Contains("*") || pattern.Contains("?")))
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.UnpinnedImage, mostRecent.Syntax.GetLocation(),
                "The bake starts from the newest AMI matching a wildcard, so the same template bakes different images (pin SourceAmi)"));
    }
}
