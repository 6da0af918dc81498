using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Diagnostics;

namespace DslInfra.Analyzers.Rules;

/// <summary>DI2001: an infrastructure record with a setter, a reassignable field, or a mutable collection.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class MutableRecordAnalyzer : InfrastructureAnalyzer
{
    /// <summary>Diagnostic property: what the code fix does ("init" or "type").</summary>
    public const string FixKey = "fix";

    /// <summary>Diagnostic property: the immutable type to use.</summary>
    public const string ReplacementKey = "replacement";

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(DiagnosticDescriptors.MutableRecord);

    /// <inheritdoc/>
    private protected override void Start(CompilationStartAnalysisContext start, DslRecords records) =>
        start.RegisterSymbolAction(symbol => Analyze(symbol, records), SymbolKind.NamedType);

    private static void Analyze(SymbolAnalysisContext context, DslRecords records)
    {
        var type = (INamedTypeSymbol)context.Symbol;
        if (!records.IsInfrastructure(type, context.Compilation))
            return;
        foreach (var member in type.GetMembers())
        {
            if (member.IsImplicitlyDeclared || member.IsStatic)
                continue;
            switch (member)
            {
                case IPropertySymbol property:
                    AnalyzeProperty(context, property);
                    break;
                case IFieldSymbol { IsConst: false } field:
                    if (!field.IsReadOnly && field.Locations.FirstOrDefault() is { } location)
                        Report(context, location, $"Field '{field.Name}' can be reassigned", "'readonly'", "readonly");
                    CheckCollection(context, field.Type, field.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(context.CancellationToken)?.Parent?.Parent is FieldDeclarationSyntax declaration ? declaration.Declaration.Type : null, field.Name);
                    break;
            }
        }
    }

    private static void AnalyzeProperty(SymbolAnalysisContext context, IPropertySymbol property)
    {
        var syntax = property.DeclaringSyntaxReferences.FirstOrDefault()?.GetSyntax(context.CancellationToken) as BasePropertyDeclarationSyntax;
        if (property.SetMethod is { IsInitOnly: false } && syntax?.AccessorList?.Accessors.FirstOrDefault(a => a.Keyword.Text == "set") is { } setter)
            Report(context, setter.Keyword.GetLocation(), $"Property '{property.Name}' has a set accessor", "'init'", "init");
        CheckCollection(context, property.Type, syntax?.Type, property.Name);
    }

    private static void CheckCollection(SymbolAnalysisContext context, ITypeSymbol type, TypeSyntax? syntax, string member)
    {
        if (syntax is null || MutableCollections.ImmutableFor(type) is not { } replacement)
            return;
        if (syntax is NullableTypeSyntax nullable)
            syntax = nullable.ElementType; // underline the collection type, not its '?'
        var display = type.WithNullableAnnotation(NullableAnnotation.NotAnnotated).ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
        Report(context, syntax.GetLocation(), $"'{member}' is a mutable {display}", replacement, "type", replacement);
    }

    private static void Report(SymbolAnalysisContext context, Location location, string what, string instead, string fix, string? replacement = null)
    {
        var properties = ImmutableDictionary<string, string?>.Empty.Add(FixKey, fix);
        if (replacement is not null)
            properties = properties.Add(ReplacementKey, replacement);
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.MutableRecord, location, properties, what, instead));
    }
}

/// <summary>Mutable collection types and the immutable type that replaces each.</summary>
internal static class MutableCollections
{
    /// <summary>The immutable replacement for <paramref name="type"/>, or null when it is not a mutable collection.</summary>
    public static string? ImmutableFor(ITypeSymbol type)
    {
        if (type is IArrayTypeSymbol array)
            return $"ImmutableArray<{Display(array.ElementType)}>";
        if (type is not INamedTypeSymbol { IsGenericType: true } generic)
            return null;
        var args = generic.TypeArguments.Select(Display).ToArray();
        return generic.OriginalDefinition.ToDisplayString() switch
        {
            "System.Collections.Generic.List<T>" or "System.Collections.Generic.IList<T>" or "System.Collections.Generic.ICollection<T>"
                or "System.Collections.ObjectModel.Collection<T>" or "System.Collections.ObjectModel.ObservableCollection<T>"
                or "System.Collections.Generic.LinkedList<T>" or "System.Collections.Generic.Queue<T>" or "System.Collections.Generic.Stack<T>"
                => $"ImmutableArray<{args[0]}>",
            "System.Collections.Generic.HashSet<T>" or "System.Collections.Generic.ISet<T>" or "System.Collections.Generic.SortedSet<T>"
                => $"ImmutableHashSet<{args[0]}>",
            "System.Collections.Generic.Dictionary<TKey, TValue>" or "System.Collections.Generic.IDictionary<TKey, TValue>"
                or "System.Collections.Generic.SortedDictionary<TKey, TValue>" or "System.Collections.Generic.SortedList<TKey, TValue>"
                or "System.Collections.Concurrent.ConcurrentDictionary<TKey, TValue>"
                => $"ImmutableDictionary<{args[0]}, {args[1]}>",
            _ => null,
        };
    }

    private static string Display(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
}
