using Microsoft.CodeAnalysis;

namespace DslInfra.Generators.Evaluation;

/// <summary>The DSL's own types as this compilation sees them, looked up once per stack.</summary>
internal sealed class DslSymbols
{
    public const string StackAttributeName = "DslInfra.StackAttribute";

    private DslSymbols(Compilation compilation)
    {
        Resource = compilation.GetTypeByMetadataName("DslInfra.Resource");
        DataSource = compilation.GetTypeByMetadataName("DslInfra.DataSource");
        ProviderConfig = compilation.GetTypeByMetadataName("DslInfra.ProviderConfig");
        Backend = compilation.GetTypeByMetadataName("DslInfra.Backend");
        Variable = compilation.GetTypeByMetadataName("DslInfra.Variable`1");
        Output = compilation.GetTypeByMetadataName("DslInfra.Output");
        Lifecycle = compilation.GetTypeByMetadataName("DslInfra.Lifecycle");
        Validation = compilation.GetTypeByMetadataName("DslInfra.Validation");
        Map = compilation.GetTypeByMetadataName("DslInfra.Map`1");
        Reference = compilation.GetTypeByMetadataName("DslInfra.Reference`1");
        Repeat = compilation.GetTypeByMetadataName("DslInfra.Repeat");
        CustomResource = compilation.GetTypeByMetadataName("DslInfra.CustomResource");
        CustomDataSource = compilation.GetTypeByMetadataName("DslInfra.CustomDataSource");
        CustomBlock = compilation.GetTypeByMetadataName("DslInfra.CustomBlock");
        Stack = compilation.GetTypeByMetadataName(StackAttributeName);
    }

    public INamedTypeSymbol? Resource { get; }
    public INamedTypeSymbol? DataSource { get; }
    public INamedTypeSymbol? ProviderConfig { get; }
    public INamedTypeSymbol? Backend { get; }
    public INamedTypeSymbol? Variable { get; }
    public INamedTypeSymbol? Output { get; }
    public INamedTypeSymbol? Lifecycle { get; }
    public INamedTypeSymbol? Validation { get; }
    public INamedTypeSymbol? Map { get; }
    public INamedTypeSymbol? Reference { get; }
    public INamedTypeSymbol? Repeat { get; }
    public INamedTypeSymbol? CustomResource { get; }
    public INamedTypeSymbol? CustomDataSource { get; }
    public INamedTypeSymbol? CustomBlock { get; }
    public INamedTypeSymbol? Stack { get; }

    public static DslSymbols From(Compilation compilation) => new(compilation);

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
