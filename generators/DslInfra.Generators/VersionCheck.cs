using System.Collections.Generic;
using System.Linq;
using DslInfra.Generators.Diagnostics;
using DslInfra.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DslInfra.Generators;

/// <summary>
/// DI3006: a provider version the user states that excludes the release the records were generated from (the records
/// may name arguments that provider lacks, which Terraform rejects at plan). DI3007: a <c>TerraformVersion</c> that
/// admits a Terraform older than the stack's features need. Both point at the literal to change.
/// </summary>
internal static class VersionCheck
{
    public static void Report(SymbolAnalysisContext context, StackModel stack, AttributeData attribute, IReadOnlyDictionary<string, SyntaxTree> trees)
    {
        foreach (var provider in stack.RequiredProviders)
        {
            if (provider.Version is not { } stated || provider.SchemaVersion is not { } schema || ReleaseVersion.Parse(schema) is not { } release)
                continue;
            if (VersionConstraint.Parse(stated) is { } constraint && !constraint.Admits(release.Version))
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.ProviderVersionExcludesRecords,
                    ArgumentLocation(provider.DeclaredAt, trees, context.CancellationToken) ?? Location.None,
                    provider.LocalName, stated, schema, VersionConstraint.Pessimistic(release.Version)));
        }

        if (stack.TerraformVersion is { } required && VersionConstraint.Parse(required) is { } terraform)
        {
            var (minimum, reason) = TerraformRequirements.Minimum(stack);
            if (terraform.AdmitsOlderThan(minimum))
            {
                var syntax = attribute.ApplicationSyntaxReference?.GetSyntax(context.CancellationToken) as AttributeSyntax;
                var argument = syntax?.ArgumentList?.Arguments.FirstOrDefault(a => a.NameEquals?.Name.Identifier.ValueText == "TerraformVersion");
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.TerraformVersionTooLow,
                    argument?.Expression.GetLocation() ?? syntax?.GetLocation() ?? Location.None,
                    stack.Name, required, reason, minimum.ToString()));
            }
        }
    }

    /// <summary>The <c>Version = "…"</c> value in the initializer of the provider configuration declared at <paramref name="declaredAt"/>.</summary>
    private static Location? ArgumentLocation(SourceSpan? declaredAt, IReadOnlyDictionary<string, SyntaxTree> trees, System.Threading.CancellationToken cancellation)
    {
        if (declaredAt is null || !trees.TryGetValue(declaredAt.FilePath, out var tree))
            return declaredAt?.ToLocation();
        var node = tree.GetRoot(cancellation).FindNode(new Microsoft.CodeAnalysis.Text.TextSpan(declaredAt.Start, declaredAt.Length), getInnermostNodeForTie: true);
        var creation = node.AncestorsAndSelf().OfType<BaseObjectCreationExpressionSyntax>().FirstOrDefault();
        var assignment = creation?.Initializer?.Expressions.OfType<AssignmentExpressionSyntax>()
            .FirstOrDefault(a => a.Left is IdentifierNameSyntax { Identifier.ValueText: "Version" });
        return assignment?.Right.GetLocation() ?? declaredAt.Locate(trees);
    }
}
