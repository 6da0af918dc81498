using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DslInfra.Generators.Evaluation;

/// <summary>
/// The names a member read from syntax uses (<c>Ami</c>, <c>AwsInstance</c>), looked up as C# would where the member is
/// declared, without binding its initializer. Every name is looked up once per type declaration: the forms read from syntax
/// declare no locals, so inside an initializer a name means what it means beside it.
/// </summary>
internal sealed class SyntaxNames(Func<SyntaxTree, SemanticModel> semanticModels)
{
    private readonly Dictionary<(SyntaxNode Declaration, string Name, bool TypesOnly), ImmutableArray<ISymbol>> found = new();

    /// <summary>Where a member of the stack is declared (only the stack's own members are read from syntax).</summary>
    public Scope In(FieldDeclarationSyntax member) => new(this, member);

    private ImmutableArray<ISymbol> Lookup(FieldDeclarationSyntax member, string name, bool typesOnly)
    {
        var key = (member.Parent ?? member, name, typesOnly);
        if (found.TryGetValue(key, out var symbols))
            return symbols;
        var model = semanticModels(member.SyntaxTree);
        var position = member.Declaration.Type.SpanStart;
        symbols = typesOnly ? model.LookupNamespacesAndTypes(position, name: name) : model.LookupSymbols(position, name: name);
        found[key] = symbols;
        return symbols;
    }

    /// <summary>Where one member is declared.</summary>
    public readonly struct Scope(SyntaxNames names, FieldDeclarationSyntax member)
    {
        /// <summary>
        /// The static, non-constant field of <paramref name="stack"/> the simple name means. Inside the stack's own
        /// declaration a simple name is first a type parameter, then a member of the stack (which hides its base types' and
        /// every outer scope's); the member read is the stack's, so its members answer without a lookup — a lookup per name was a third of the
        /// evaluation. A generic stack is left to the lookup.
        /// </summary>
        public IFieldSymbol? StackField(string name, INamedTypeSymbol stack)
        {
            if (!stack.TypeParameters.IsEmpty)
            {
                var symbols = names.Lookup(member, name, typesOnly: false);
                return symbols.Length == 1 && symbols[0] is IFieldSymbol { IsStatic: true, IsConst: false } found
                    && SymbolEqualityComparer.Default.Equals(found.ContainingType, stack)
                    ? found
                    : null;
            }
            var members = stack.GetMembers(name);
            return members.Length == 1 && members[0] is IFieldSymbol { IsStatic: true, IsConst: false } field ? field : null;
        }

        /// <summary>
        /// The constant a simple name (a const of the stack) or <c>Type.Name</c> (a const of another type, the type named
        /// simply and not hidden by a stack member) means; null for anything else or anything inaccessible.
        /// </summary>
        public IFieldSymbol? Constant(ExpressionSyntax expression, INamedTypeSymbol stack)
        {
            if (!stack.TypeParameters.IsEmpty)
                return null;
            switch (expression)
            {
                case IdentifierNameSyntax simple:
                    return stack.GetMembers(simple.Identifier.ValueText) is [IFieldSymbol { IsConst: true } own] ? own : null;
                case MemberAccessExpressionSyntax { RawKind: (int)Microsoft.CodeAnalysis.CSharp.SyntaxKind.SimpleMemberAccessExpression,
                    Expression: IdentifierNameSyntax owner, Name: IdentifierNameSyntax name }:
                    if (!stack.GetMembers(owner.Identifier.ValueText).IsEmpty
                        || names.Lookup(member, owner.Identifier.ValueText, typesOnly: true) is not [INamedTypeSymbol type])
                        return null;
                    return type.GetMembers(name.Identifier.ValueText) is [IFieldSymbol { IsConst: true } field]
                        && (field.DeclaredAccessibility == Accessibility.Public
                            || field.DeclaredAccessibility == Accessibility.Internal && field.Locations.Any(l => l.IsInSource))
                        && (type.DeclaredAccessibility == Accessibility.Public
                            || type.DeclaredAccessibility == Accessibility.Internal && type.Locations.Any(l => l.IsInSource))
                        ? field
                        : null;
                default:
                    return null;
            }
        }

        /// <summary>Whether the type written in <c>new T(…)</c> is exactly <paramref name="type"/> (simple names only).</summary>
        public bool IsType(TypeSyntax written, INamedTypeSymbol type)
        {
            if (written is not IdentifierNameSyntax simple)
                return false;
            var symbols = names.Lookup(member, simple.Identifier.ValueText, typesOnly: true);
            return symbols.Length == 1 && SymbolEqualityComparer.Default.Equals(symbols[0], type);
        }
    }
}
