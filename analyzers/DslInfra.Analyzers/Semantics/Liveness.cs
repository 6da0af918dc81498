using System;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DslInfra.Analyzers.Semantics;

/// <summary>
/// Whether the target of an exec is live: a container or pod the same member created (a test fixture, a build
/// sandbox) is not running infrastructure, so an exec into it changes nothing that serves.
/// </summary>
internal static class Liveness
{
    public static bool CreatedBySameMember(SyntaxNode site)
    {
        var member = Enclosing(site);
        if (member is null)
            return false;
        foreach (var node in member.DescendantNodes())
        {
            switch (node)
            {
                case IdentifierNameSyntax identifier when CreatesContainer(identifier.Identifier.ValueText):
                    return true;
                case LiteralExpressionSyntax literal when literal.IsKind(SyntaxKind.StringLiteralExpression) && StartsContainer(literal.Token.ValueText):
                    return true;
                case InterpolatedStringTextSyntax text when StartsContainer(text.TextToken.ValueText):
                    return true;
            }
        }
        return false;
    }

    /// <summary>The member, local function or lambda whose body holds <paramref name="site"/>: where a command line is put together.</summary>
    public static SyntaxNode? Enclosing(SyntaxNode site)
    {
        for (var node = site.Parent; node is not null; node = node.Parent)
            if (node is BaseMethodDeclarationSyntax or LocalFunctionStatementSyntax or AccessorDeclarationSyntax or GlobalStatementSyntax or AnonymousFunctionExpressionSyntax)
                return node;
        return null;
    }

    private static bool CreatesContainer(string name) =>
        name.StartsWith("CreateContainer", StringComparison.Ordinal) || name.StartsWith("CreateNamespacedPod", StringComparison.Ordinal)
        && !name.StartsWith("CreateNamespacedPodEviction", StringComparison.Ordinal) && !name.StartsWith("CreateNamespacedPodBinding", StringComparison.Ordinal);

    // `docker run …` or `docker create …` earlier in the same member (a CLI fixture).
    private static bool StartsContainer(string text)
    {
        var trimmed = text.TrimStart();
        return trimmed.StartsWith("run ", StringComparison.Ordinal) || trimmed.StartsWith("create ", StringComparison.Ordinal)
            || trimmed.StartsWith("container run ", StringComparison.Ordinal) || trimmed.StartsWith("container create ", StringComparison.Ordinal);
    }
}
