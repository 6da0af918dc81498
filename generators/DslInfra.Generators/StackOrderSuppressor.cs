using System.Collections.Immutable;
using System.Linq;
using DslInfra.Generators.Evaluation;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DslInfra.Generators;

/// <summary>
/// A stack's members may be declared in any order: DslInfra reads them, it never runs their initializers, so a member
/// read above its declaration is not null as C#'s nullable analysis of static initialization assumes (CS8602 on
/// <c>Later.Id</c>, CS8604 passing it on). Those warnings are suppressed where the value is another member of a stack.
/// (With <c>-p:RunAnalyzers=false</c> the compiler runs no suppressor: declare such members before their readers, or
/// keep nullable warnings from failing that build.)
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class StackOrderSuppressor : DiagnosticSuppressor
{
    private static readonly SuppressionDescriptor[] Descriptors =
    [
        new("DIS001", "CS8602", "A stack member read above its declaration is a value DslInfra reads, never null at run time"),
        new("DIS002", "CS8604", "A stack member read above its declaration is a value DslInfra reads, never null at run time"),
        new("DIS003", "CS8601", "A stack member read above its declaration is a value DslInfra reads, never null at run time"),
    ];

    /// <inheritdoc/>
    public override ImmutableArray<SuppressionDescriptor> SupportedSuppressions { get; } = [.. Descriptors];

    /// <inheritdoc/>
    public override void ReportSuppressions(SuppressionAnalysisContext context)
    {
        DslSymbols? dsl = null;
        foreach (var diagnostic in context.ReportedDiagnostics)
        {
            var tree = diagnostic.Location.SourceTree;
            if (tree is null)
                continue;
            var node = tree.GetRoot(context.CancellationToken).FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true);
            // Only inside a field initializer: elsewhere a null is C#'s business.
            if (node.FirstAncestorOrSelf<EqualsValueClauseSyntax>()?.Parent is not VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax })
                continue;
            var model = context.GetSemanticModel(tree);
            var expression = node as ExpressionSyntax ?? node.DescendantNodesAndSelf().OfType<ExpressionSyntax>().FirstOrDefault();
            if (expression is null || model.GetSymbolInfo(expression, context.CancellationToken).Symbol is not IFieldSymbol { IsStatic: true, IsReadOnly: true } field)
                continue;
            dsl ??= DslSymbols.From(context.Compilation);
            if (!dsl.IsStack(field.ContainingType))
                continue;
            context.ReportSuppression(Suppression.Create(Descriptors.First(d => d.SuppressedDiagnosticId == diagnostic.Id), diagnostic));
        }
    }
}
