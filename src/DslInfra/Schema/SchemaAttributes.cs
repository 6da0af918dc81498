namespace DslInfra.Schema;

// These attributes describe how a DSL record maps onto Terraform's schema. The generator reads them
// from metadata; they are how a new resource type is added without touching the generator.

/// <summary>The Terraform type name of a resource or data source record, e.g. <c>aws_vpc</c>.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class TerraformTypeAttribute(string type) : Attribute
{
    /// <summary>The Terraform type name.</summary>
    public string Type { get; } = type;
}

/// <summary>The name Terraform uses for a property or enum member, when it is not the snake_case of the C# name.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, Inherited = false)]
public sealed class TerraformNameAttribute(string name) : Attribute
{
    /// <summary>The Terraform name.</summary>
    public string Name { get; } = name;
}

/// <summary>An argument Terraform requires: leaving it unset is diagnostic DI1006.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class RequiredAttribute : Attribute
{
}

/// <summary>A nested block (a JSON object when it occurs once, an array of objects when it repeats) rather than an argument.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class NestedBlockAttribute : Attribute
{
    /// <summary>
    /// How Terraform nests the block when it is not a single object: <c>"list"</c> or <c>"set"</c> (of at most one, for a
    /// property that holds one block). Reading a value inside it from another block then follows Terraform's path
    /// (<c>metadata[0].name</c> for a list, <c>one(…[*].name)</c> for a set).
    /// </summary>
    public string? Nesting { get; set; }
}

/// <summary>A block type that Terraform also reads as an attribute: every argument is written, unset ones as null.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class AttributesAsBlocksAttribute : Attribute
{
}

/// <summary>A resource type that cannot change in place: any change replaces it, created before the old one is destroyed.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ReplaceOnlyAttribute : Attribute
{
}

/// <summary>A provider configuration record: its local name and registry source.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class TerraformProviderAttribute(string name, string source) : Attribute
{
    /// <summary>The provider's local name, e.g. <c>aws</c>.</summary>
    public string Name { get; } = name;

    /// <summary>The provider's registry source, e.g. <c>hashicorp/aws</c>.</summary>
    public string Source { get; } = source;
}

/// <summary>
/// The provider release whose schema an assembly's records were generated from. The generator constrains a stack's
/// <c>required_providers</c> to admit it (<c>~&gt; major.minor</c>) and warns (DI3006) when a stated version excludes it.
/// </summary>
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true, Inherited = false)]
public sealed class ProviderSchemaAttribute(string name, string source, string version) : Attribute
{
    /// <summary>The provider's local name, e.g. <c>aws</c>.</summary>
    public string Name { get; } = name;

    /// <summary>The provider's registry source, e.g. <c>hashicorp/aws</c>.</summary>
    public string Source { get; } = source;

    /// <summary>The provider version the schema came from, e.g. <c>6.47.0</c>.</summary>
    public string Version { get; } = version;
}

/// <summary>A state backend record: its Terraform backend type.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class TerraformBackendAttribute(string type) : Attribute
{
    /// <summary>The backend type, e.g. <c>s3</c>.</summary>
    public string Type { get; } = type;
}

/// <summary>
/// An optional argument Terraform computes when it is not set. Read from another member while unset, it is a
/// reference to the attribute (e.g. <c>Instance.PrivateIp</c> → <c>${aws_instance.web.private_ip}</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class ComputedAttribute : Attribute
{
}

/// <summary>An argument the provider marks sensitive: a plain-text literal for it is DI3001.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class SensitiveAttribute : Attribute
{
}

/// <summary>A write-only argument: Terraform sends it to the provider and never stores it in state or plan.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class WriteOnlyAttribute : Attribute
{
}

/// <summary>A method that stands for one of Terraform's built-in functions: the generator writes the call as <c>${name(…)}</c>.</summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class TerraformFunctionAttribute(string name) : Attribute
{
    /// <summary>The function's Terraform name.</summary>
    public string Name { get; } = name;
}

/// <summary>
/// A DSL method the generator evaluates itself (it never runs stack code): <c>At</c>, <c>Attr</c>, <c>Output</c>,
/// <c>Each.Value</c>, <c>Splat</c>, <c>For.Map</c>… The name says which; the generator knows intrinsics by this
/// attribute, not by method names, so a method of yours of the same name is never mistaken for one.
/// </summary>
[AttributeUsage(AttributeTargets.Method, Inherited = false)]
public sealed class IntrinsicAttribute(string name) : Attribute
{
    /// <summary>Which intrinsic: one of the generator's (repeat, attr, self, output, each, instance, splat, dynamic, iterator, for).</summary>
    public string Name { get; } = name;
}
