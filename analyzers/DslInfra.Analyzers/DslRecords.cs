using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Linq;
using Microsoft.CodeAnalysis;

namespace DslInfra.Analyzers;

/// <summary>
/// Which types are infrastructure records: DSL types and user records deriving from them, and every record
/// reachable from one through its properties (a nested block is infrastructure too). One per compilation.
/// </summary>
internal sealed class DslRecords
{
    private static readonly ImmutableArray<string> Roots = ImmutableArray.Create(
        "DslInfra.Resource", "DslInfra.ProviderConfig", "DslInfra.Backend", "DslInfra.Output", "DslInfra.Lifecycle", "DslInfra.Validation", "DslInfra.CustomBlock");

    private readonly ImmutableArray<INamedTypeSymbol> roots;
    private readonly INamedTypeSymbol? variable;
    private readonly ConcurrentDictionary<ITypeSymbol, bool> known = new(SymbolEqualityComparer.Default);

    // Every assignment and creation asks these of the same few hundred symbols: read each symbol's attributes once.
    private readonly ConcurrentDictionary<ITypeSymbol, bool> dslTypes = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ISymbol, string> argumentNames = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<ITypeSymbol, string?> typeNames = new(SymbolEqualityComparer.Default);
    private readonly ConcurrentDictionary<IPropertySymbol, bool> sensitive = new(SymbolEqualityComparer.Default);

    private DslRecords(Compilation compilation)
    {
        roots = Roots.Select(compilation.GetTypeByMetadataName).Where(t => t is not null).ToImmutableArray()!;
        variable = compilation.GetTypeByMetadataName("DslInfra.Variable`1");
    }

    public bool IsAvailable => !roots.IsEmpty;

    public static DslRecords From(Compilation compilation) => new(compilation);

    /// <summary>Whether <paramref name="type"/> derives from a DSL base type (a resource, provider, backend…).</summary>
    public bool IsDslType(ITypeSymbol? type) => type is not null && dslTypes.GetOrAdd(type, DerivesFromRoot);

    /// <summary>A property's Terraform argument name (<see cref="DslInfra.Catalog.SymbolNames.ArgumentName"/>), read once per property.</summary>
    public string ArgumentName(IPropertySymbol property) => argumentNames.GetOrAdd(property, DslInfra.Catalog.SymbolNames.ArgumentName);

    /// <summary>A record's [TerraformType] (<see cref="DslInfra.Catalog.SymbolNames.TypeName"/>), read once per type.</summary>
    public string? TypeName(ITypeSymbol type) => typeNames.GetOrAdd(type, DslInfra.Catalog.SymbolNames.TypeName);

    /// <summary>A generated provider record's argument the schema marks sensitive ([Sensitive]), read once per property.</summary>
    public bool IsSensitive(IPropertySymbol property) => sensitive.GetOrAdd(property, static p => p.GetAttributes().Any(a =>
        a.AttributeClass is { Name: "SensitiveAttribute", ContainingNamespace: { Name: "Schema", ContainingNamespace: { Name: "DslInfra", ContainingNamespace.IsGlobalNamespace: true } } }));

    private bool DerivesFromRoot(ITypeSymbol type)
    {
        if (variable is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, variable))
            return true;
        for (var current = type; current is not null; current = current.BaseType)
            foreach (var root in roots)
                if (SymbolEqualityComparer.Default.Equals(current.OriginalDefinition, root))
                    return true;
        return false;
    }

    /// <summary>Whether <paramref name="type"/> is a DSL type, or a record that some DSL type in source holds (a nested block).</summary>
    public bool IsInfrastructure(ITypeSymbol? type, Compilation compilation)
    {
        if (type is null)
            return false;
        if (IsDslType(type))
            return true;
        if (type is not INamedTypeSymbol { IsRecord: true })
            return false;
        return known.GetOrAdd(type, t => HeldByInfrastructure(t, compilation));
    }

    private bool HeldByInfrastructure(ITypeSymbol block, Compilation compilation)
    {
        // A record is a block when a DSL type declared in this compilation has a property of its type.
        foreach (var type in AllSourceTypes(compilation.Assembly.GlobalNamespace))
        {
            if (!IsDslType(type))
                continue;
            foreach (var property in type.GetMembers().OfType<IPropertySymbol>())
                if (Mentions(property.Type, block))
                    return true;
        }
        return false;
    }

    private static bool Mentions(ITypeSymbol type, ITypeSymbol block)
    {
        if (SymbolEqualityComparer.Default.Equals(type, block))
            return true;
        if (type is IArrayTypeSymbol array)
            return Mentions(array.ElementType, block);
        return type is INamedTypeSymbol { IsGenericType: true } generic && generic.TypeArguments.Any(a => Mentions(a, block));
    }

    private static System.Collections.Generic.IEnumerable<INamedTypeSymbol> AllSourceTypes(INamespaceSymbol ns)
    {
        foreach (var member in ns.GetMembers())
        {
            if (member is INamespaceSymbol inner)
                foreach (var type in AllSourceTypes(inner))
                    yield return type;
            else if (member is INamedTypeSymbol type)
                yield return type;
        }
    }
}
