using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using DslInfra.Analyzers.Rules;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DslInfra.Analyzers.CodeFixes;

/// <summary>DI3005's fix: the group's maximum instance lifetime set to 7 days, the first argument of its initializer.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(InstanceLifetimeCodeFix)), Shared]
public sealed class InstanceLifetimeCodeFix() : RuleCodeFix("DI3005")
{
    /// <summary>Seven days in seconds: a week-old instance is replaced.</summary>
    private const int SevenDays = 7 * 24 * 60 * 60;

    /// <inheritdoc/>
    private protected override void Register(CodeFixContext context, SyntaxNode root, Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.TryGetValue(InstanceLifetimeAnalyzer.PropertyKey, out var property) || property is null
            || root.FindNode(diagnostic.Location.SourceSpan, getInnermostNodeForTie: true).AncestorsAndSelf().OfType<BaseObjectCreationExpressionSyntax>().FirstOrDefault() is not { } creation)
            return;
        context.RegisterCodeFix(
            CodeAction.Create($"Replace instances after 7 days ({property} = {SevenDays})", token => Apply(context.Document, root, creation, property, token), equivalenceKey: "DI3005"),
            diagnostic);
    }

    private static Task<Document> Apply(Document document, SyntaxNode root, BaseObjectCreationExpressionSyntax creation, string property, CancellationToken cancellation)
    {
        var assignment = SyntaxFactory.AssignmentExpression(SyntaxKind.SimpleAssignmentExpression,
            SyntaxFactory.IdentifierName(property), SyntaxFactory.LiteralExpression(SyntaxKind.NumericLiteralExpression, SyntaxFactory.Literal(SevenDays)));
        BaseObjectCreationExpressionSyntax updated;
        if (creation.Initializer is { Expressions.Count: > 0 } initializer)
        {
            // First in the initializer, laid out like the argument it goes before: its indentation, and after it the
            // separator the others use (", " on one line, ",\n" when each argument has its own line).
            var first = initializer.Expressions[0];
            var separator = initializer.Expressions.SeparatorCount > 0
                ? initializer.Expressions.GetSeparator(0)
                : SyntaxFactory.Token(SyntaxKind.CommaToken).WithTrailingTrivia(initializer.OpenBraceToken.TrailingTrivia);
            var nodes = new[] { (ExpressionSyntax)assignment.WithLeadingTrivia(first.GetLeadingTrivia()) }.Concat(initializer.Expressions);
            var separators = new[] { separator }.Concat(initializer.Expressions.GetSeparators());
            updated = creation.WithInitializer(initializer.WithExpressions(SyntaxFactory.SeparatedList(nodes, separators)));
        }
        else
        {
            var empty = creation.Initializer ?? SyntaxFactory.InitializerExpression(SyntaxKind.ObjectInitializerExpression)
                .WithOpenBraceToken(SyntaxFactory.Token(SyntaxKind.OpenBraceToken).WithLeadingTrivia(SyntaxFactory.Space).WithTrailingTrivia(SyntaxFactory.Space))
                .WithCloseBraceToken(SyntaxFactory.Token(SyntaxKind.CloseBraceToken).WithLeadingTrivia(SyntaxFactory.Space));
            updated = creation.WithInitializer(empty.WithExpressions(SyntaxFactory.SingletonSeparatedList<ExpressionSyntax>(assignment)));
        }
        return Task.FromResult(document.WithSyntaxRoot(root.ReplaceNode(creation, updated)));
    }
}
