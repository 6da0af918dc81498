using DslInfra.Bindings.Schema;

namespace DslInfra.Bindings.Emit;

/// <summary>
/// Turns a type's schema into the records to write. The rules (README, "Typed providers"):
/// - an argument (required or optional) is an init property; string → Expr&lt;string&gt;, number → Expr&lt;double&gt;
///   (the schema does not say integer; an int converts implicitly), bool → Expr&lt;bool&gt;, dynamic → Expr,
///   list/set of a primitive → ExprList&lt;T&gt;, map of one → ExprMap&lt;T&gt; (items, or one expression for the whole),
///   other list/set(T) → ImmutableArray&lt;T&gt;, map(T) → Map&lt;T&gt;, object → a nested record, tuple → ImmutableArray&lt;Expr&gt;;
/// - an optional argument Terraform also computes is marked [Computed]: read while unset, it is a reference;
/// - a computed-only attribute (and <c>id</c>, always) is a get-only Reference&lt;T&gt;;
/// - a nested block is a nested record "&lt;Name&gt;Block", single or repeated as its nesting says; an object type a
///   nested record "&lt;Name&gt;Value". Nested records live inside their parent, so aws_s3_bucket's block
///   "versioning" (AwsS3Bucket.VersioningBlock) never meets the resource aws_s3_bucket_versioning (AwsS3BucketVersioning).
/// </summary>
internal static class RecordPlanner
{
    public static RecordPlan Plan(TypeSchema type, string recordName)
    {
        var record = new RecordPlan(recordName, type.Type, type.Kind, false, type.Block.Description) { Deprecated = type.Block.Deprecated };
        Fill(record, type.Block, top: true);
        return record;
    }

    /// <summary>A provider's configuration record: its arguments and blocks (none computed), beside ProviderConfig's Alias and Version.</summary>
    public static RecordPlan PlanProvider(Block block, string recordName, string localName, string source)
    {
        var record = new RecordPlan(recordName, null, null, false, block.Description) { Provider = (localName, source) };
        Fill(record, block, top: false, new HashSet<string>(BindingNames.RecordMembers.Append("Alias").Append("Version"), StringComparer.Ordinal));
        return record;
    }

    private static void Fill(RecordPlan record, Block block, bool top, IReadOnlySet<string>? reserved = null)
    {
        var scope = new BindingNames.Scope(record.Name, reserved ?? (top ? BindingNames.ResourceMembers : BindingNames.RecordMembers));
        // Properties first, so they keep their natural names; nested record names are claimed after.
        var attributes = block.Attributes
            .Where(a => top || !a.IsComputedOnly) // a nested block has no address: its computed-only attributes cannot be referenced
            .Select(a => (Attribute: a, Property: scope.Claim(BindingNames.Pascal(a.Name), "Argument"))).ToList();
        var blocks = block.BlockTypes.Where(IsSettable)
            .Select(b => (Block: b, Property: scope.Claim(BindingNames.Pascal(b.Name), "Argument"))).ToList();

        foreach (var (attribute, property) in attributes)
        {
            if (top && attribute.IsComputedOnly && HasObject(attribute.Type))
            {
                record.Members.Add(new MemberPlan(property, attribute.Name, MemberKind.Shape, ShapeType(attribute.Type, property, record, scope),
                    false, false, attribute.Sensitive, false, attribute.Deprecated, attribute.Description));
                continue;
            }
            var isReference = top && (attribute.IsComputedOnly || attribute.Name == "id");
            var csharp = isReference
                ? $"Reference<{ClrType(attribute.Type)}>"
                : ArgumentType(attribute.Type, property, record, scope);
            record.Members.Add(new MemberPlan(property, attribute.Name, isReference ? MemberKind.Reference : MemberKind.Argument, csharp,
                attribute.Required && !isReference, attribute.Computed && !isReference && !attribute.Required, attribute.Sensitive, attribute.WriteOnly,
                attribute.Deprecated, attribute.Description));
        }
        foreach (var (nested, property) in blocks)
        {
            var blockRecord = new RecordPlan(scope.Claim(BindingNames.Pascal(nested.Name) + "Block", ""), null, null, false, nested.Block.Description);
            Fill(blockRecord, nested.Block, top: false);
            record.Nested.Add(blockRecord);
            var csharp = nested.Nesting == NestingMode.Map ? $"Map<{blockRecord.Name}>?"
                : nested.IsSingle ? blockRecord.Name + "?"
                : $"ImmutableArray<{blockRecord.Name}>";
            // A list or set of at most one is one C# value, but Terraform's path into it is not: say which it is.
            var nesting = nested.IsSingle && nested.Nesting is NestingMode.List or NestingMode.Set ? nested.Nesting.ToString().ToLowerInvariant() : null;
            record.Members.Add(new MemberPlan(property, nested.Name, MemberKind.Block, csharp, nested.MinItems > 0, false, false, false,
                nested.Block.Deprecated, nested.Block.Description, nesting));
        }
    }

    /// <summary>A block worth an argument: one the author can set something in (not only Terraform's computed output).</summary>
    private static bool IsSettable(BlockType block) =>
        block.Block.Attributes.Any(a => !a.IsComputedOnly) || block.Block.BlockTypes.Any(IsSettable);

    /// <summary>An argument's property type: nullable (unset is null) except ImmutableArray, a struct whose default is unset.</summary>
    private static string ArgumentType(CtyType type, string property, RecordPlan owner, BindingNames.Scope scope)
    {
        // A list, set or map of strings, numbers or bools is an expression too: its items, or one expression that is the
        // whole collection (a variable, a module output, merge(…)).
        if (type is Collection { Element: Primitive { Name: "string" or "number" or "bool" } primitive } collection)
            return (collection.Kind == CollectionKind.Map ? "ExprMap<" : "ExprList<") + ClrType(primitive) + ">?";
        var element = Element(type, property, owner, scope);
        return element.StartsWith("ImmutableArray<", StringComparison.Ordinal) ? element : element + "?";
    }

    /// <summary>The C# type of a value of this Terraform type, as an argument or an element of one.</summary>
    private static string Element(CtyType type, string property, RecordPlan owner, BindingNames.Scope scope) => type switch
    {
        Primitive { Name: "string" } => "Expr<string>",
        Primitive { Name: "number" } => "Expr<double>",
        Primitive { Name: "bool" } => "Expr<bool>",
        Primitive => "Expr",
        Collection { Kind: CollectionKind.Map } map => $"Map<{Element(map.Element, property, owner, scope)}>",
        Collection list => $"ImmutableArray<{Element(list.Element, property, owner, scope)}>",
        ObjectType obj => ObjectRecord(obj, property, owner, scope),
        Schema.Tuple => "ImmutableArray<Expr>",
        _ => "Expr",
    };

    private static string ObjectRecord(ObjectType obj, string property, RecordPlan owner, BindingNames.Scope scope)
    {
        var record = new RecordPlan(scope.Claim(property + "Value", ""), null, null, attributesAsBlocks: true, null);
        var inner = new BindingNames.Scope(record.Name, BindingNames.RecordMembers);
        var members = obj.Attributes.Select(a => (a, inner.Claim(BindingNames.Pascal(a.Name), "Argument"))).ToList();
        foreach (var (attribute, name) in members)
            record.Members.Add(new MemberPlan(name, attribute.Name, MemberKind.Argument, ArgumentType(attribute.Type, name, record, inner),
                false, false, false, false, false, null));
        owner.Nested.Add(record);
        return record.Name;
    }

    private static bool HasObject(CtyType type) => type is ObjectType || type is Collection { Element: var element } && HasObject(element);

    /// <summary>The C# type of a computed value with a shape: value records (get-only) inside lists and maps.</summary>
    private static string ShapeType(CtyType type, string property, RecordPlan owner, BindingNames.Scope scope) => type switch
    {
        ObjectType obj => ShapeRecord(obj, property, owner, scope),
        Collection { Kind: CollectionKind.Map } map => $"Map<{ShapeType(map.Element, property, owner, scope)}>",
        Collection list => $"ImmutableArray<{ShapeType(list.Element, property, owner, scope)}>",
        Primitive primitive => primitive.Name is "string" or "number" or "bool" ? $"Expr<{ClrType(primitive)}>" : "Expr",
        _ => "Expr",
    };

    private static string ShapeRecord(ObjectType obj, string property, RecordPlan owner, BindingNames.Scope scope)
    {
        var record = new RecordPlan(scope.Claim(property + "Value", ""), null, null, attributesAsBlocks: false,
            "A value the provider sets: read its members as paths (the generator writes the reference).");
        var inner = new BindingNames.Scope(record.Name, BindingNames.RecordMembers);
        var members = obj.Attributes.Select(a => (a, inner.Claim(BindingNames.Pascal(a.Name), "Argument"))).ToList();
        foreach (var (attribute, name) in members)
            record.Members.Add(new MemberPlan(name, attribute.Name, MemberKind.Shape, ShapeType(attribute.Type, name, record, inner),
                false, false, false, false, false, null));
        owner.Nested.Add(record);
        return record.Name;
    }

    /// <summary>The CLR type a reference stands for: Reference&lt;string&gt;, Reference&lt;ImmutableArray&lt;string&gt;&gt;…</summary>
    private static string ClrType(CtyType type) => type switch
    {
        Primitive { Name: "string" } => "string",
        Primitive { Name: "number" } => "double",
        Primitive { Name: "bool" } => "bool",
        Collection { Kind: CollectionKind.Map } map => $"Map<{ClrType(map.Element)}>",
        Collection list => $"ImmutableArray<{ClrType(list.Element)}>",
        _ => "object",
    };
}
