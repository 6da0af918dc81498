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
using Microsoft.CodeAnalysis.Simplification;

namespace DslInfra.Analyzers.CodeFixes;

/// <summary>DI2001's fix: `set` becomes `init`, a field becomes readonly, a mutable collection becomes its immutable counterpart.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MutableRecordCodeFix)), Shared]
public sealed class MutableRecordCodeFix() : RuleCodeFix("DI2001")
{
    /// <inheritdoc/>
    private protected override void Register(CodeFixContext context, SyntaxNode root, Diagnostic diagnostic)
    {
        diagnostic.Properties.TryGetValue(MutableRecordAnalyzer.FixKey, out var fix);
        var title = fix switch
        {
            "init" => "Use 'init' instead of 'set'",
            "readonly" => "Make the field readonly",
            "type" when diagnostic.Properties.TryGetValue(MutableRecordAnalyzer.ReplacementKey, out var replacement) => $"Use {replacement}",
            _ => null,
        };
        if (title is null)
            return;
        context.RegisterCodeFix(
            // One equivalence key for all three: Fix All (and `dotnet format`) then applies every kind in one pass.
            CodeAction.Create(title, token => Apply(context.Document, root, diagnostic, fix!, token), equivalenceKey: "DI2001"),
            diagnostic);
    }

    private static Task<Document> Apply(Document document, SyntaxNode root, Diagnostic diagnostic, string fix, CancellationToken cancellation)
    {
        var span = diagnostic.Location.SourceSpan;
        SyntaxNode updated = root;
        switch (fix)
        {
            case "init":
                if (root.FindToken(span.Start).Parent is AccessorDeclarationSyntax setter)
                {
                    var keyword = SyntaxFactory.Token(setter.Keyword.LeadingTrivia, SyntaxKind.InitKeyword, setter.Keyword.TrailingTrivia);
                    var init = SyntaxFactory.AccessorDeclaration(SyntaxKind.InitAccessorDeclaration, setter.AttributeLists, setter.Modifiers,
                        keyword, setter.Body, setter.ExpressionBody, setter.SemicolonToken);
                    updated = root.ReplaceNode(setter, init);
                }
                break;
            case "readonly":
                if (root.FindToken(span.Start).Parent?.FirstAncestorOrSelf<FieldDeclarationSyntax>() is { } field)
                {
                    var modifiers = field.Modifiers.Add(SyntaxFactory.Token(SyntaxKind.ReadOnlyKeyword).WithTrailingTrivia(SyntaxFactory.Space));
                    updated = root.ReplaceNode(field, field.WithModifiers(modifiers));
                }
                break;
            case "type":
                if (root.FindNode(span, getInnermostNodeForTie: true) is TypeSyntax type
                    && diagnostic.Properties.TryGetValue(MutableRecordAnalyzer.ReplacementKey, out var replacement) && replacement is not null)
                {
                    // ImmutableArray<T> is a struct: its default already means "not set", so `List<T>?` becomes plain ImmutableArray<T>.
                    if (type.Parent is NullableTypeSyntax nullable && replacement.StartsWith("ImmutableArray<", System.StringComparison.Ordinal))
                        type = nullable;
                    var immutable = SyntaxFactory.ParseTypeName(replacement).WithTriviaFrom(type);
                    var declaration = type.Parent;
                    var withType = declaration!.ReplaceNode(type, immutable);
                    updated = AddUsing(root.ReplaceNode(declaration!, EmptyInitializer(withType, replacement)));
                }
                break;
        }
        return Task.FromResult(document.WithSyntaxRoot(updated));
    }

    /// <summary>`= new()` of the old collection becomes the empty immutable one (a default ImmutableArray is not empty, it is unusable).</summary>
    private static SyntaxNode EmptyInitializer(SyntaxNode declaration, string replacement)
    {
        var initializer = declaration switch
        {
            PropertyDeclarationSyntax property => property.Initializer,
            VariableDeclarationSyntax variable => variable.Variables.FirstOrDefault()?.Initializer,
            _ => null,
        };
        if (initializer?.Value is not BaseObjectCreationExpressionSyntax { Initializer: null } creation || creation.ArgumentList?.Arguments.Count > 0)
            return declaration;
        ExpressionSyntax empty = replacement.StartsWith("ImmutableDictionary<", System.StringComparison.Ordinal)
            ? SyntaxFactory.ParseExpression(replacement + ".Empty")
            : SyntaxFactory.CollectionExpression();
        return declaration.ReplaceNode(creation, empty.WithTriviaFrom(creation));
    }

    private static SyntaxNode AddUsing(SyntaxNode root)
    {
        if (root is not CompilationUnitSyntax unit || unit.Usings.Any(u => u.Name?.ToString() == "System.Collections.Immutable"))
            return root;
        var directive = SyntaxFactory.UsingDirective(SyntaxFactory.ParseName("System.Collections.Immutable"))
            .WithTrailingTrivia(SyntaxFactory.LineFeed)
            .WithAdditionalAnnotations(Simplifier.Annotation);
        return unit.AddUsings(directive);
    }
}
