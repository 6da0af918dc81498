using System.Collections.Immutable;
using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CodeFixes;

namespace DslInfra.Analyzers.CodeFixes;

/// <summary>A code fix for one DslInfra rule: Fix All in batches, and each diagnostic offered its fix over the document's root.</summary>
public abstract class RuleCodeFix(string ruleId) : CodeFixProvider
{
    /// <inheritdoc/>
    public sealed override ImmutableArray<string> FixableDiagnosticIds => ImmutableArray.Create(ruleId);

    /// <inheritdoc/>
    public sealed override FixAllProvider GetFixAllProvider() => WellKnownFixAllProviders.BatchFixer;

    /// <inheritdoc/>
    public sealed override async Task RegisterCodeFixesAsync(CodeFixContext context)
    {
        var root = await context.Document.GetSyntaxRootAsync(context.CancellationToken).ConfigureAwait(false);
        if (root is null)
            return;
        foreach (var diagnostic in context.Diagnostics)
            Register(context, root, diagnostic);
    }

    /// <summary>Offers the fix for <paramref name="diagnostic"/>, when its properties and the code allow one.</summary>
    private protected abstract void Register(CodeFixContext context, SyntaxNode root, Diagnostic diagnostic);
}
