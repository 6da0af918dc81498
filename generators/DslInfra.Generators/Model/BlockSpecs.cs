namespace DslInfra.Generators.Model;

// What Terraform reads besides a block's own arguments, read once from the DSL's records (SpecReader) so that the
// emitters and checks work on facts, not on the DSL's property names.

/// <summary>
/// The meta-arguments of a resource or a module call: <c>count</c>, <c>for_each</c>, <c>depends_on</c>,
/// <c>provider</c> and (resources only) <c>lifecycle</c>.
/// </summary>
internal sealed record MetaArguments(
    Value? Count,
    Value? ForEach,
    EquatableArray<string> DependsOn,
    string? Provider,
    LifecycleSpec? Lifecycle)
{
    public static readonly MetaArguments None = new(null, null, EquatableArray<string>.Empty, null, null);
}

/// <summary>A <c>lifecycle</c> block as written; <see cref="IgnoreChanges"/> holds null where an entry was not a literal.</summary>
internal sealed record LifecycleSpec(
    bool? CreateBeforeDestroy,
    bool? PreventDestroy,
    EquatableArray<NullableText> IgnoreChanges,
    EquatableArray<string> ReplaceTriggeredBy,
    EquatableArray<ConditionSpec> Preconditions,
    EquatableArray<ConditionSpec> Postconditions,
    SourceSpan? Span);

/// <summary>A string that may be missing, as an array element (EquatableArray needs IEquatable elements).</summary>
internal readonly record struct NullableText(string? Text);

/// <summary>A precondition, postcondition or check assertion: the expression tested and the message when it fails.</summary>
internal sealed record ConditionSpec(Value Test, string ErrorMessage, SourceSpan? Span);

/// <summary>A variable's <c>validation</c> block: the condition as Terraform source text, and its message.</summary>
internal sealed record ValidationSpec(string Condition, string ErrorMessage);

/// <summary>A block written by name through a CustomResource's <c>Blocks</c>: its type, arguments and nested blocks.</summary>
internal sealed record CustomBlockSpec(string Type, EquatableArray<MapEntry> Arguments, EquatableArray<CustomBlockSpec> Blocks, SourceSpan? Span);

/// <summary>A module call's provider mapping: the name inside the module, and the configuration passed (<c>aws.west</c>).</summary>
internal sealed record ProviderMapping(string InModule, string Configuration);
