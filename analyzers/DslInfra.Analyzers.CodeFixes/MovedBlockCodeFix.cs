using System.Collections.Immutable;
using System.Composition;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeActions;
using Microsoft.CodeAnalysis.CodeFixes;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DslInfra.Analyzers.CodeFixes;

/// <summary>DI2007's fix: a Moved block from the last build's address to the renamed member, right after the member.</summary>
[ExportCodeFixProvider(LanguageNames.CSharp, Name = nameof(MovedBlockCodeFix)), Shared]
public sealed class MovedBlockCodeFix() : RuleCodeFix("DI2007")
{
    // The diagnostic's properties, as the stack analyzer (DslInfra.Generators' RenameCheck) sets them.
    private const string FromProperty = "From";
    private const string MemberProperty = "Member";

    /// <inheritdoc/>
    private protected override void Register(CodeFixContext context, SyntaxNode root, Diagnostic diagnostic)
    {
        if (!diagnostic.Properties.TryGetValue(FromProperty, out var from) || from is null
            || !diagnostic.Properties.TryGetValue(MemberProperty, out var member) || member is null
            || root.FindToken(diagnostic.Location.SourceSpan.Start).Parent?.AncestorsAndSelf().OfType<FieldDeclarationSyntax>().FirstOrDefault() is not { } field)
            return;
        context.RegisterCodeFix(
            CodeAction.Create($"Keep its state: add Moved {{ From = \"{from}\" }}", token => Apply(context.Document, root, field, from, member, token), equivalenceKey: "DI2007"),
            diagnostic);
    }

    private static Task<Document> Apply(Document document, SyntaxNode root, FieldDeclarationSyntax field, string from, string member, CancellationToken cancellation)
    {
        var existing = field.Parent is TypeDeclarationSyntax type
            ? type.Members.OfType<FieldDeclarationSyntax>().SelectMany(f => f.Declaration.Variables).Select(v => v.Identifier.ValueText).ToImmutableHashSet()
            : ImmutableHashSet<string>.Empty;
        var name = UniqueName(member, existing);
        var literal = SymbolDisplay.FormatLiteral(from, quote: true);
        var moved = (MemberDeclarationSyntax)SyntaxFactory.ParseMemberDeclaration(
            $"public static readonly Moved {name} = new() {{ From = {literal}, To = {member} }};")!;
        // Indented like the member and ended with the member's own line ending, whatever the file uses.
        moved = moved.WithLeadingTrivia(field.GetLeadingTrivia().Where(t => t.IsKind(SyntaxKind.WhitespaceTrivia)))
            .WithTrailingTrivia(field.GetTrailingTrivia().Where(t => t.IsKind(SyntaxKind.EndOfLineTrivia)));
        var updated = root.InsertNodesAfter(field, new[] { moved });
        return Task.FromResult(document.WithSyntaxRoot(updated));
    }

    // Subnets[0] → Subnets0Renamed; a second one gets a number.
    private static string UniqueName(string member, ImmutableHashSet<string> existing)
    {
        var text = new StringBuilder();
        foreach (var c in member)
            if (char.IsLetterOrDigit(c) || c == '_')
                text.Append(c);
        var stem = text.Append("Renamed").ToString();
        var name = stem;
        for (var i = 2; existing.Contains(name); i++)
            name = stem + i;
        return name;
    }
}
