using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DslInfra.Generators.Evaluation;

/// <summary>
/// The names a member read from syntax uses (<c>Ami</c>, <c>AwsInstance</c>, <c>Net.Prefix</c>), resolved as C# would where
/// the member is declared, without binding its initializer: the stack's own members from the stack, type names by a
/// lookup once per name and type declaration. The forms read from syntax declare no locals, so inside an initializer a
/// name means what it means beside it.
/// </summary>
internal sealed class SyntaxNames(Func<SyntaxTree, SemanticModel> semanticModels)
{
    private readonly Dictionary<(SyntaxNode Declaration, string Name), ImmutableArray<ISymbol>> types = new();

    /// <summary>Where a member of the stack is declared (only the stack's own members are read from syntax).</summary>
    public Scope In(FieldDeclarationSyntax member) => new(this, member);

    /// <summary>The namespaces and types a simple name means where <paramref name="member"/> is declared, once per name and type declaration.</summary>
    private ImmutableArray<ISymbol> TypesNamed(FieldDeclarationSyntax member, string name)
    {
        var key = (member.Parent ?? member, name);
        if (!types.TryGetValue(key, out var found))
            types[key] = found = semanticModels(member.SyntaxTree).LookupNamespacesAndTypes(member.Declaration.Type.SpanStart, name: name);
        return found;
    }

    /// <summary>Where one member is declared.</summary>
    public readonly struct Scope(SyntaxNames names, FieldDeclarationSyntax member)
    {
        /// <summary>
        /// The static, non-constant field of <paramref name="stack"/> the simple name means. Inside the stack's own
        /// declaration a simple name is first a type parameter, then a member of the stack (which hides its base types' and
        /// every outer scope's); the member read is the stack's, so its members answer without a lookup (a lookup per name
        /// was a third of the evaluation). A generic stack, whose type parameters come first, is left to the operation walk.
        /// </summary>
        public IFieldSymbol? StackField(string name, INamedTypeSymbol stack)
        {
            if (!stack.TypeParameters.IsEmpty)
                return null;
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
                        || names.TypesNamed(member, owner.Identifier.ValueText) is not [INamedTypeSymbol type])
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
            return names.TypesNamed(member, simple.Identifier.ValueText) is [var only] && SymbolEqualityComparer.Default.Equals(only, type);
        }
    }
}
