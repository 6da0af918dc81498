namespace DslInfra.Generators.Model;

/// <summary>One stack, fully evaluated: everything the emitters need and nothing from the compilation.</summary>
internal sealed record StackModel(
    string Name,
    string ClassName,
    string? TerraformVersion,
    EquatableArray<ProviderSpec> Providers,
    BackendSpec? Backend,
    EquatableArray<VariableSpec> Variables,
    EquatableArray<ResourceSpec> Resources,
    EquatableArray<OutputSpec> Outputs,
    EquatableArray<ImageSpec> Images,
    bool HasErrors,
    EquatableArray<LocalSpec> Locals = default,
    EquatableArray<CheckSpec> Checks = default,
    EquatableArray<StateBlockSpec> StateBlocks = default,
    EquatableArray<ModuleSpec> Modules = default,
    EquatableArray<string> ReadsStacks = default,
    EquatableArray<RequiredProvider> RequiredProviders = default,
    string? Environment = null,
    EquatableArray<string> Environments = default);

/// <summary>
/// A managed resource or a data source, with the member that declared it. <see cref="Body"/> is the record as evaluated:
/// its arguments and blocks, each field by its Terraform name; what Terraform reads besides them is read into
/// <see cref="Meta"/>, <see cref="CustomArguments"/> and <see cref="CustomBlocks"/>.
/// </summary>
internal sealed record ResourceSpec(
    string Address,
    bool IsData,
    string Type,
    string Name,
    string Member,
    SourceSpan? Span,
    bool ReplaceOnly,
    ObjectValue Body,
    EquatableArray<string> Dependencies,
    MetaArguments Meta,
    EquatableArray<MapEntry> CustomArguments,
    EquatableArray<CustomBlockSpec> CustomBlocks,
    bool IsEphemeral = false);

/// <summary>
/// A provider the stack needs, for <c>required_providers</c>: declared by a configuration member, or only used by its
/// records. <see cref="SchemaVersion"/> is the release the records were generated from, when known;
/// <see cref="DeclaredAt"/> the configuration that states <see cref="Version"/>.
/// </summary>
internal sealed record RequiredProvider(string LocalName, string Source, string? Version, string? SchemaVersion, SourceSpan? DeclaredAt)
{
    /// <summary>What Terraform is told: the stated constraint, else one that admits the records' release and its later minors.</summary>
    public string? Constraint => Version ?? (SchemaVersion is { } schema && ReleaseVersion.Parse(schema) is { } parsed ? VersionConstraint.Pessimistic(parsed.Version) : null);
}

/// <summary>A provider configuration; <see cref="Body"/> holds its arguments by Terraform name.</summary>
internal sealed record ProviderSpec(string LocalName, string Source, string? Version, string? Alias, ObjectValue Body);

/// <summary>The backend (or HCP Terraform's cloud block); <see cref="Body"/> holds its settings by Terraform name.</summary>
internal sealed record BackendSpec(string Type, ObjectValue Body);

/// <summary>A <c>variable</c> block. <see cref="Default"/> is null when the variable has none.</summary>
internal sealed record VariableSpec(
    string Name,
    string TypeConstraint,
    Value? Default,
    string? Description,
    bool Sensitive,
    bool? Nullable,
    EquatableArray<ValidationSpec> Validations,
    SourceSpan? Span);

/// <summary>An <c>output</c> block. <see cref="Value"/> is null only where a diagnostic already said it is missing.</summary>
internal sealed record OutputSpec(
    string Name,
    Value? Value,
    string? Description,
    bool Sensitive,
    EquatableArray<ConditionSpec> Preconditions,
    SourceSpan? Span);

/// <summary>
/// A <c>module</c> call. <see cref="Body"/> is a typed module record's own inputs by Terraform name;
/// <see cref="Inputs"/> the ones given by name.
/// </summary>
internal sealed record ModuleSpec(
    string Name,
    string Source,
    string? Version,
    ObjectValue Body,
    EquatableArray<MapEntry> Inputs,
    EquatableArray<ProviderMapping> Providers,
    MetaArguments Meta,
    EquatableArray<string> Dependencies);

/// <summary>A <c>locals</c> entry.</summary>
internal sealed record LocalSpec(string Name, Value Value);

/// <summary>A <c>check</c> block and its assertions.</summary>
internal sealed record CheckSpec(string Name, EquatableArray<ConditionSpec> Assertions);

/// <summary>
/// A block about state rather than configuration: <c>moved</c>, <c>import</c> or <c>removed</c> (<see cref="Kind"/>),
/// with the addresses it names already resolved: an import's <see cref="Id"/> and <see cref="Provider"/>, a removed
/// block's <see cref="Destroy"/>.
/// </summary>
internal sealed record StateBlockSpec(string Kind, string Address, string? To, Value? Id, string? Provider, bool Destroy, SourceSpan? Span);

/// <summary>An image to bake: its declaration and the project files it uploads (their contents are part of its hash).</summary>
internal sealed record ImageSpec(
    string Name,
    string Member,
    SourceSpan? Span,
    MachineImageBuild? Machine,
    ContainerImageBuild? Container,
    EquatableArray<string> Files)
{
    public bool IsContainer => Container is not null;

    /// <summary>What stands in a resource's dependencies when it uses this image.</summary>
    public string Dependency => IsContainer ? "image." + Name : "data.aws_ami." + DataSourceName(Name);

    /// <summary>The data source through which Terraform finds the baked image by its exact name.</summary>
    public static string DataSourceName(string image) => image + "_image";
}

/// <summary>What evaluating a stack gives: the model for the emitters and the diagnostics for the analyzer, kept apart.</summary>
internal sealed record StackResult(StackModel Model, EquatableArray<DiagnosticInfo> Diagnostics);
