namespace DslInfra.Generators.Model;

/// <summary>What a DSL record stands for in Terraform.</summary>
internal enum DslKind
{
    Block,
    Resource,
    DataSource,
    EphemeralResource,
    Provider,
    Backend,
    Variable,
    Output,
    Lifecycle,
    Validation,
    Image,
    Local,
    Moved,
    Import,
    Removed,
    Check,
    Condition,
    Module,
}

/// <summary>The schema of a DSL record type as read from its attributes: plain data, no symbol.</summary>
internal sealed record DslType(
    string Name,
    DslKind Kind,
    string? TerraformType,
    bool ReplaceOnly,
    bool AttributesAsBlocks,
    EquatableArray<string> Arguments,
    EquatableArray<RequiredArgument> Required,
    string? ProviderName,
    string? ProviderSource,
    string? VariableType,
    string? SchemaRelease = null)
{
    /// <summary>Whether the record was generated from a provider's schema (<see cref="SchemaRelease"/>): its arguments are all the type has.</summary>
    public bool IsComplete => SchemaRelease is not null;

    public bool IsContainerImage => Kind == DslKind.Image && Name == "ContainerImage";
}

/// <summary>An argument Terraform requires: its C# property and its Terraform name.</summary>
internal sealed record RequiredArgument(string Property, string TerraformName);
