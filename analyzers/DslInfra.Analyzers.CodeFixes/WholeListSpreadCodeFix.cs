using System.Composition;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DslInfra.Analyzers.CodeFixes;

/// <summary>DI3009's fix: <c>[.. Subnets]</c> becomes <c>Subnets</c>, keeping the comments and layout around it.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(WholeListSpreadCodeFix)), Shared]
public sealed class WholeListSpreadCodeFix() : RuleCodeFix("DI3009")
{
    /// <inheritdoc/>
    private protected override void Register(CodeFixContext context, SyntaxNode root, Diagnostic diagnostic)
    {
        if (root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).AncestorsAndSelf().OfType<CollectionExpressionSyntax>().FirstOrDefault() is not { Elements: [SpreadElementSyntax spread] } collection)
            return;
        var list = spread.Expression.WithoutTrivia().WithTriviaFrom(collection);
        context.RegisterCodeFix(
            CodeAction.Create($"Assign {spread.Expression} itself", _ => System.Threading.Tasks.Task.FromResult(context.Document.WithSyntaxRoot(root.ReplaceNode(collection, list))), equivalenceKey: "DI3009"),
            diagnostic);
    }
}
