using DslInfra.Bindings.Schema;

namespace DslInfra.Bindings.Emit;

/// <summary>One C# record to write: a resource or data source, a nested block, or an object-typed value.</summary>
internal sealed class RecordPlan(string name, string? terraformType, SchemaKind? kind, bool attributesAsBlocks, string? description)
{
    public string Name { get; } = name;

    /// <summary>The Terraform type for a resource or data source record; null for nested records.</summary>
    public string? TerraformType { get; } = terraformType;

    public SchemaKind? Kind { get; } = kind;

    /// <summary>An object-typed value: Terraform reads it as an attribute, so every argument is written.</summary>
    public bool AttributesAsBlocks { get; } = attributesAsBlocks;

    public string? Description { get; } = description;

    /// <summary>The provider marks the type deprecated: the record is [Obsolete], so C# warns where Terraform would.</summary>
    public bool Deprecated { get; init; }

    /// <summary>For a provider's configuration record: its local name and source (<c>[TerraformProvider]</c>).</summary>
    public (string LocalName, string Source)? Provider { get; init; }

    public List<MemberPlan> Members { get; } = [];

    public List<RecordPlan> Nested { get; } = [];
}

/// <summary>What a member is: an argument the author sets, a reference to an attribute, or a nested block.</summary>
internal enum MemberKind
{
    Argument,
    Reference,
    Block,

    /// <summary>
    /// An attribute the provider sets that has a shape (an object, a list or map of objects), or a member of one: read
    /// through as a path (<c>CertificateAuthority[0].Data</c>); get-only, with no value at run time.
    /// </summary>
    Shape,
}

/// <summary>One property of a record.</summary>
internal sealed record MemberPlan(
    string Property, string TerraformName, MemberKind Kind, string CSharpType, bool Required, bool Computed, bool Sensitive, bool WriteOnly,
    bool Deprecated, string? Description, string? Nesting = null);
