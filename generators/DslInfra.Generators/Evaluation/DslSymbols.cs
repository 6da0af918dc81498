using System;
using Microsoft.CodeAnalysis;

namespace DslInfra.Generators.Evaluation;

/// <summary>The DSL's own types as this compilation sees them, looked up once per stack.</summary>
internal sealed class DslSymbols
{
    public const string StackAttributeName = "DslInfra.StackAttribute";

    private DslSymbols(Func<string, INamedTypeSymbol?> find)
    {
        Resource = find("DslInfra.Resource");
        DataSource = find("DslInfra.DataSource");
        EphemeralResource = find("DslInfra.EphemeralResource");
        ProviderConfig = find("DslInfra.ProviderConfig");
        Backend = find("DslInfra.Backend");
        Variable = find("DslInfra.Variable`1");
        Local = find("DslInfra.Local`1");
        Moved = find("DslInfra.Moved");
        Import = find("DslInfra.Import");
        Removed = find("DslInfra.Removed");
        Check = find("DslInfra.Check");
        Module = find("DslInfra.Module");
        Each = find("DslInfra.Each");
        Count = find("DslInfra.Count");
        Instances = find("DslInfra.Instances");
        For = find("DslInfra.For");
        Dynamic = find("DslInfra.Dynamic");
        DynamicItem = find("DslInfra.DynamicItem");
        Condition = find("DslInfra.Condition");
        Output = find("DslInfra.Output");
        TypedOutput = find("DslInfra.Output`1");
        Lifecycle = find("DslInfra.Lifecycle");
        Validation = find("DslInfra.Validation");
        Map = find("DslInfra.Map`1");
        ExprList = find("DslInfra.ExprList`1");
        ExprMap = find("DslInfra.ExprMap`1");
        Reference = find("DslInfra.Reference`1");
        Expr = find("DslInfra.Expr");
        TypedExpr = find("DslInfra.Expr`1");
        Repeat = find("DslInfra.Repeat");
        CustomResource = find("DslInfra.CustomResource");
        CustomDataSource = find("DslInfra.CustomDataSource");
        CustomBlock = find("DslInfra.CustomBlock");
        Stack = find(StackAttributeName);
        Image = find("DslInfra.Images.Image");
    }

    public INamedTypeSymbol? Resource { get; }
    public INamedTypeSymbol? DataSource { get; }

    public INamedTypeSymbol? EphemeralResource { get; }
    public INamedTypeSymbol? ProviderConfig { get; }
    public INamedTypeSymbol? Backend { get; }
    public INamedTypeSymbol? Variable { get; }
    public INamedTypeSymbol? Local { get; }
    public INamedTypeSymbol? Moved { get; }
    public INamedTypeSymbol? Import { get; }
    public INamedTypeSymbol? Removed { get; }
    public INamedTypeSymbol? Check { get; }
    public INamedTypeSymbol? Module { get; }
    public INamedTypeSymbol? Each { get; }
    public INamedTypeSymbol? Count { get; }
    public INamedTypeSymbol? Instances { get; }

    /// <summary>Terraform's for expressions: For.List, For.Map.</summary>
    public INamedTypeSymbol? For { get; }
    public INamedTypeSymbol? Dynamic { get; }
    public INamedTypeSymbol? DynamicItem { get; }
    public INamedTypeSymbol? Condition { get; }
    public INamedTypeSymbol? Output { get; }
    public INamedTypeSymbol? TypedOutput { get; }
    public INamedTypeSymbol? Lifecycle { get; }
    public INamedTypeSymbol? Validation { get; }
    public INamedTypeSymbol? Map { get; }

    /// <summary>A list argument: items, or one expression that is the whole list.</summary>
    public INamedTypeSymbol? ExprList { get; }

    /// <summary>A map argument: entries, or one expression that is the whole map.</summary>
    public INamedTypeSymbol? ExprMap { get; }

    /// <summary>A map filled by an initializer: Map&lt;T&gt; or a map argument's ExprMap&lt;T&gt;.</summary>
    public bool IsMap(ITypeSymbol? type) => Is(type, Map) || Is(type, ExprMap);
    public INamedTypeSymbol? Reference { get; }
    public INamedTypeSymbol? Expr { get; }
    public INamedTypeSymbol? TypedExpr { get; }
    public INamedTypeSymbol? Repeat { get; }
    public INamedTypeSymbol? CustomResource { get; }
    public INamedTypeSymbol? CustomDataSource { get; }
    public INamedTypeSymbol? CustomBlock { get; }
    public INamedTypeSymbol? Stack { get; }
    public INamedTypeSymbol? Image { get; }

    public static DslSymbols From(Compilation compilation) => new(compilation.GetTypeByMetadataName);

    /// <summary>Looks the types up in the DslInfra assembly alone: far cheaper than a search of every reference.</summary>
    public static DslSymbols From(IAssemblySymbol dslAssembly) => new(dslAssembly.GetTypeByMetadataName);

    public static bool Is(ITypeSymbol? type, INamedTypeSymbol? definition) =>
        type is not null && definition is not null && SymbolEqualityComparer.Default.Equals(type.OriginalDefinition, definition);

    public static bool DerivesFrom(ITypeSymbol? type, INamedTypeSymbol? definition)
    {
        for (var current = type; current is not null; current = current.BaseType)
            if (Is(current, definition))
                return true;
        return false;
    }

    public bool IsStack(INamedTypeSymbol? type) => type is not null && FindStackAttribute(type) is not null;

    public AttributeData? FindStackAttribute(INamedTypeSymbol type)
    {
        foreach (var attribute in type.GetAttributes())
            if (Is(attribute.AttributeClass, Stack))
                return attribute;
        return null;
    }
}
