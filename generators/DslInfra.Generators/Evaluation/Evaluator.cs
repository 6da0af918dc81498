using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DslInfra.Generators.Diagnostics;
using DslInfra.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace DslInfra.Generators.Evaluation;

/// <summary>
/// Evaluates a stack's member initializers over Roslyn's IOperation tree, without running user code.
/// Whatever it cannot evaluate becomes a diagnostic on that expression and an <see cref="ErrorValue"/>, never an exception.
/// </summary>
internal sealed partial class Evaluator
{
    private const int MaxDepth = 200;
    private const int MaxCallDepth = 32;

    private readonly INamedTypeSymbol stack;
    private readonly string stackName;
    private readonly Func<SyntaxTree, SemanticModel> semanticModels;
    private readonly DslSymbols dsl;
    private readonly SchemaReader schemas;
    private readonly CancellationToken cancellation;
    private readonly Dictionary<IFieldSymbol, Value> members = new(SymbolEqualityComparer.Default);
    private readonly List<IFieldSymbol> inProgress = new();
    private readonly HashSet<string> reportedCycles = new(StringComparer.Ordinal);
    private Dictionary<ISymbol, Value> scope = new(SymbolEqualityComparer.Default);
    private int depth;
    private int callDepth;

    public Evaluator(
        INamedTypeSymbol stack,
        string stackName,
        DslSymbols dsl,
        Func<SyntaxTree, SemanticModel> semanticModels,
        CancellationToken cancellation)
    {
        this.stack = stack;
        this.stackName = stackName;
        this.dsl = dsl;
        this.semanticModels = semanticModels;
        this.cancellation = cancellation;
        schemas = new SchemaReader(dsl);
    }

    public List<DiagnosticInfo> Diagnostics { get; } = new();

    /// <summary>The environment being generated (null for a stack without [Environments]).</summary>
    public string? Environment { get; init; }

    /// <summary>Every environment of the stack, in deployment order.</summary>
    public IReadOnlyList<string> Environments { get; init; } = System.Array.Empty<string>();

    /// <summary>Every syntax tree whose declarations the evaluation read: what its result depends on.</summary>
    public HashSet<SyntaxTree> Dependencies { get; } = new();

    private void Touch(ISymbol? symbol)
    {
        if (symbol is null)
            return;
        foreach (var reference in symbol.OriginalDefinition.DeclaringSyntaxReferences)
        {
            Dependencies.Add(reference.SyntaxTree);
            if (frames.Count > 0)
                frames[frames.Count - 1].Trees.Add(reference.SyntaxTree);
        }
    }

    public SchemaReader Schemas => schemas;

    /// <summary>The value of a stack member's initializer, evaluated once (or kept from the last edit: <see cref="MemberCache"/>).</summary>
    public Value Member(IFieldSymbol field, IOperation? referencedFrom = null)
    {
        var addressOnly = readingAddressOnly;
        readingAddressOnly = false; // only this read, not the reads of evaluating it
        if (!members.TryGetValue(field, out var value))
        {
            var (stepsBefore, textBefore) = (steps, totalText);
            value = memberCache is not null && PlaceOf(field) is { } place
                ? Reuse(field, place) ?? EvaluateAndKeep(field, place, referencedFrom)
                : EvaluateMember(field, referencedFrom);
            if (frames.Count > 0)
            {
                frames[frames.Count - 1].NestedSteps += steps - stepsBefore;
                frames[frames.Count - 1].NestedText += totalText - textBefore;
            }
        }
        RecordRead(field.Name, value, addressOnly);
        return value;
    }

    private Value EvaluateMember(IFieldSymbol field, IOperation? referencedFrom)
    {
        if (members.TryGetValue(field, out var known))
            return known;
        var cycleStart = inProgress.FindIndex(f => SymbolEqualityComparer.Default.Equals(f, field));
        if (cycleStart >= 0)
        {
            ReportCycle(inProgress.Skip(cycleStart).Append(field).ToList(), referencedFrom);
            return ErrorValue.Instance;
        }

        inProgress.Add(field);
        var outerScope = scope;
        scope = new Dictionary<ISymbol, Value>(SymbolEqualityComparer.Default);
        try
        {
            // Read from syntax when the member is written in the common shapes; otherwise over the operation tree.
            var declarator = DeclaratorOf(field);
            if (declarator is not null && FromSyntax(field, declarator) is { } read)
            {
                if (CheckSyntaxReading)
                    CheckAgainstOperations(declarator, read, field.Name);
                return members[field] = read;
            }
            var initializer = InitializerOf(declarator);
            if (initializer is null && field.DeclaringSyntaxReferences.Any(r => r.GetSyntax(cancellation).ContainsDiagnostics))
                return members[field] = ErrorValue.Instance; // the compiler reports the broken syntax
            if (initializer is null)
            {
                Report(RuleIdentifiers.NotEvaluable, field.Locations.FirstOrDefault(), field.Name,
                    "a stack member needs an initializer; declare the value where the member is declared");
                return members[field] = ErrorValue.Instance;
            }
            var value = Evaluate(initializer);
            members[field] = value;
            return value;
        }
        finally
        {
            scope = outerScope;
            inProgress.RemoveAt(inProgress.Count - 1);
        }
    }

    private VariableDeclaratorSyntax? DeclaratorOf(IFieldSymbol field)
    {
        foreach (var reference in field.DeclaringSyntaxReferences)
            if (reference.GetSyntax(cancellation) is VariableDeclaratorSyntax { Initializer: not null } declarator)
                return declarator;
        return null;
    }

    private IOperation? InitializerOf(IFieldSymbol field) => InitializerOf(DeclaratorOf(field));

    private IOperation? InitializerOf(VariableDeclaratorSyntax? declarator)
    {
        if (declarator is not { Initializer: { } equals })
            return null;
        var operation = Operation(equals);
        return operation is IFieldInitializerOperation initializer ? initializer.Value : operation;
    }

    /// <summary>
    /// The operation tree of a piece of syntax. Roslyn itself can throw while binding half-typed code (an empty
    /// interpolation hole in a broken initializer); the compiler reports that code, so it is an invalid operation here.
    /// </summary>
    private IOperation? Operation(SyntaxNode node)
    {
        try
        {
            return semanticModels(node.SyntaxTree).GetOperation(node, cancellation);
        }
        catch (Exception exception) when (exception is not OperationCanceledException && node.ContainsDiagnostics)
        {
            return null;
        }
    }

    private void ReportCycle(List<IFieldSymbol> cycle, IOperation? at)
    {
        var names = cycle.Select(f => f.Name).ToList();
        var key = string.Join(",", names.Skip(1).OrderBy(n => n, StringComparer.Ordinal));
        if (!reportedCycles.Add(key))
            return;
        var location = cycle[0].Locations.FirstOrDefault() ?? at?.Syntax.GetLocation();
        Report(RuleIdentifiers.ReferenceCycle, location, string.Join(" → ", names));
    }

    /// <summary>Evaluates one operation; every failure is reported here and returns <see cref="ErrorValue"/>.</summary>
    public Value Evaluate(IOperation? operation)
    {
        if (operation is null)
            return NullValue.Instance;
        cancellation.ThrowIfCancellationRequested();
        if (Spend(operation) is { } stop)
            return stop;
        if (++depth > MaxDepth)
        {
            depth--;
            return Fail(operation, "it is nested too deeply; split it into several stack members");
        }
        try
        {
            return EvaluateCore(operation);
        }
        finally
        {
            depth--;
        }
    }

    private Value EvaluateCore(IOperation operation)
    {
        // Record where every symbol used here is declared: a const or an [InfraFunction] in another file is an input too.
        switch (operation)
        {
            case IMemberReferenceOperation member:
                Touch(member.Member);
                Touch(member.Member.ContainingType);
                break;
            case IInvocationOperation invocation:
                Touch(invocation.TargetMethod);
                break;
        }
        for (var type = operation.Type; type is not null && type.SpecialType == SpecialType.None; type = type.BaseType)
            Touch(type);

        if (operation is IFieldReferenceOperation { Field.ContainingType.TypeKind: TypeKind.Enum } enumMember)
            return new StringValue(TerraformEnumName(enumMember.Field));
        // C# folds `$"…{Const}…"` into a constant; a bake's command still needs its holes quoted.
        if (operation is IInterpolatedStringOperation shellCommand && IsShellCommand(shellCommand))
            return Interpolation(shellCommand, quote: true);
        if (operation.ConstantValue.HasValue)
        {
            // A folded expression (`$"{Net.Prefix}-web"`) reads the constants in it: they are inputs too.
            if (operation is not ILiteralOperation)
                foreach (var part in operation.Descendants())
                    if (part is IMemberReferenceOperation folded)
                        Touch(folded.Member);
            return Constant(operation, operation.ConstantValue.Value);
        }

        if (operation is IPropertyReferenceOperation { Property: { Name: "Current", ContainingType: { Name: "Environments", ContainingNamespace.Name: "DslInfra" } } } current)
            return Environment is null
                ? Fail(current, "Environments.Current has a value only in a stack that declares its environments: add [Environments(\"dev\", \"prod\")] to the stack")
                : new StringValue(Environment);

        return operation switch
        {
            IInvalidOperation => ErrorValue.Instance, // the compiler reports it
            IConversionOperation conversion => Conversion(conversion),
            IInterpolatedStringOperation interpolated => Interpolation(interpolated, quote: false),
            IBinaryOperation binary => Binary(binary),
            IUnaryOperation unary => Unary(unary),
            IConditionalOperation conditional => Conditional(conditional),
            ICoalesceOperation coalesce => Coalesce(coalesce),
            IObjectCreationOperation creation => ObjectCreation(creation),
            IWithOperation with => With(with),
            ICollectionExpressionOperation collection => Collection(collection),
            IArrayCreationOperation array => Array(array),
            IFieldReferenceOperation field => FieldReference(field),
            IPropertyReferenceOperation property => PropertyReference(property),
            IArrayElementReferenceOperation element => ElementReference(element),
            IInvocationOperation invocation => Invocation(invocation),
            IParameterReferenceOperation parameter => Parameter(parameter),
            IDefaultValueOperation => NullValue.Instance,
            IAnonymousFunctionOperation or IDelegateCreationOperation =>
                Fail(operation, "a lambda is evaluated only as the last argument of Repeat.For"),
            _ => Fail(operation, "the generator does not evaluate this kind of expression; use literals, stack members, "
                + "interpolation, arithmetic, ?:, object and collection initializers, 'with', Repeat.For or an [InfraFunction]"),
        };
    }

    private Value Constant(IOperation operation, object? value)
    {
        switch (value)
        {
            case null:
                return NullValue.Instance;
            case string text:
                return Text(text, operation);
            case bool flag:
                return new BoolValue(flag);
            case char character:
                return Text(character.ToString(), operation);
        }
        if (operation.Type is INamedTypeSymbol { TypeKind: TypeKind.Enum } enumType)
        {
            foreach (var member in enumType.GetMembers().OfType<IFieldSymbol>())
                if (member.HasConstantValue && Equals(member.ConstantValue, value))
                    return new StringValue(TerraformEnumName(member));
        }
        return Numbers.From(value) is { } number
            ? number
            : WrongType(operation, "Terraform numbers are finite: NaN and infinities have no Terraform value");
    }

    private static string TerraformEnumName(IFieldSymbol member)
    {
        foreach (var attribute in member.GetAttributes())
            if (attribute.AttributeClass?.Name == "TerraformNameAttribute" && attribute.ConstructorArguments.FirstOrDefault().Value is string name)
                return name;
        return member.Name; // what the member's ToString() gives at run time
    }

    private Value Conversion(IConversionOperation conversion)
    {
        if (conversion.Operand.Type is INamedTypeSymbol { Name: "PerEnvironment", IsGenericType: true, ContainingNamespace.Name: "DslInfra" })
            return PerEnvironmentValue(conversion);
        var value = Evaluate(conversion.Operand);
        // Target-typed `new(...)` and identity conversions keep the object; only a conversion to a value type
        // (such as Variable<T> to Expr<T>) turns a variable into its reference.
        if (value is ObjectValue && (conversion.Conversion.IsIdentity || SymbolEqualityComparer.Default.Equals(conversion.Type, conversion.Operand.Type)
            || conversion.Type is null || schemas.For(conversion.Type) is not null))
            return value;
        // An Output<T> of this very stack where a value goes was written as the output's own fields ({"name": …}).
        if (value is ObjectValue { Type.Kind: DslKind.Output } shown)
            return WrongType(conversion.Operand, $"output '{shown.GetString("Name")}' is what this stack shows other stacks; inside the stack, read the value it shows (e.g. Vpc.Id) or keep that value in a Local<T> both can read");
        return VariableReference(value);
    }

    /// <summary>
    /// A PerEnvironment value where a T goes: the entry of the environment being generated, from the creation (inline, or
    /// a stack member's initializer). A missing entry, or one for an environment the stack does not declare, is an error
    /// at the value: the build fails rather than deploy one environment with another's value.
    /// </summary>
    private Value PerEnvironmentValue(IConversionOperation conversion)
    {
        if (Environment is null)
            return Fail(conversion, "a PerEnvironment value is read once per environment: declare the stack's environments with [Environments(\"dev\", \"prod\")]");
        var source = conversion.Operand;
        while (source is IConversionOperation inner)
            source = inner.Operand;
        var name = "the value";
        if (source is IFieldReferenceOperation { Field: var field })
        {
            Touch(field);
            name = $"'{field.Name}'";
            source = Initializer(field) ?? source;
            while (source is IConversionOperation inner)
                source = inner.Operand;
        }
        if (source is not IObjectCreationOperation { Initializer: { } initializer })
            return Fail(conversion, $"{name} must be written as new() {{ [\"{Environment}\"] = …, … }}, so each environment's value is known at compile time");
        Value? found = null;
        foreach (var entry in initializer.Initializers)
        {
            if (entry is not ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.IsIndexer: true } target } assignment
                || target.Arguments.Length != 1 || target.Arguments[0].Value.ConstantValue.Value is not string key)
                return Fail(entry, $"each entry of {name} is [\"<environment>\"] = value, with the environment written as a literal");
            if (Environments.Count > 0 && !Environments.Contains(key))
                return Fail(target, $"'{key}' is not one of this stack's environments ({string.Join(", ", Environments)})");
            if (key == Environment)
                found = Evaluate(assignment.Value);
        }
        return found ?? Fail(conversion, $"{name} has no value for environment '{Environment}': add [\"{Environment}\"] = … to it");
    }

    /// <summary>The initializer of a field declared in source (a stack member or a constant-like helper), bound in its own tree.</summary>
    private IOperation? Initializer(IFieldSymbol field)
    {
        foreach (var reference in field.DeclaringSyntaxReferences)
            if (reference.GetSyntax(cancellation) is Microsoft.CodeAnalysis.CSharp.Syntax.VariableDeclaratorSyntax { Initializer.Value: { } value })
                return semanticModels(value.SyntaxTree).GetOperation(value, cancellation);
        return null;
    }

    /// <summary>A variable or local in a value's place is its reference (<c>var.name</c>, <c>local.name</c>); other values are themselves.</summary>
    private static Value VariableReference(Value value)
    {
        if (value is not ObjectValue obj)
            return value;
        if (obj.Type.Kind == DslKind.Variable && obj.GetString("Name") is { } variable)
            return new ReferenceValue("var." + variable, null);
        if (obj.Type.Kind == DslKind.Local && obj.GetString("Name") is { } local)
            return new ReferenceValue("local." + local, null);
        return value;
    }

    private Value ScalarOnly(Value value, IOperation at)
    {
        value = VariableReference(value);
        if (value is ObjectValue obj)
        {
            var hint = obj.Type.Kind is DslKind.Resource or DslKind.DataSource ? " (use one of its attributes, e.g. .Id or .Arn)" : "";
            return WrongType(at, $"a {obj.Type.Name} is not a single value{hint}");
        }
        return value;
    }

    private Value Parameter(IParameterReferenceOperation parameter) =>
        scope.TryGetValue(parameter.Parameter.OriginalDefinition, out var value)
            ? value
            : Fail(parameter, "only the parameters of Repeat.For lambdas and [InfraFunction] methods have compile-time values");

    private Value FieldReference(IFieldReferenceOperation reference)
    {
        var field = reference.Field;
        if (!field.IsStatic)
            return Fail(reference, "instance fields have no compile-time value");
        if (SymbolEqualityComparer.Default.Equals(field.ContainingType, stack))
            return Member(field, reference);
        if (dsl.IsStack(field.ContainingType))
            return OtherStacksOutput(field, reference) ?? Report(RuleIdentifiers.OutsideStack, reference, Display(reference), stackName,
                $"it belongs to stack '{field.ContainingType.Name}'; export it there as an Output<T> and read that output here, or pass the value in through a Variable<T>");
        return Report(RuleIdentifiers.OutsideStack, reference, Display(reference), stackName,
            "only constants and the stack's own members are evaluated; make it a const, or declare it in the stack");
    }

    private Value ElementReference(IArrayElementReferenceOperation element)
    {
        var array = Evaluate(element.ArrayReference);
        return element.Indices.Length == 1 ? Index(array, Evaluate(element.Indices[0]), element) : Fail(element, "multi-dimensional arrays are not supported");
    }

    private Value Index(Value collection, Value index, IOperation at)
    {
        if (collection is ErrorValue || index is ErrorValue)
            return ErrorValue.Instance;
        if (PathIndex(collection, index, at) is { } path)
            return path;
        if (collection is ListValue list && index is NumberValue number && int.TryParse(number.Text, out var position))
            return position >= 0 && position < list.Items.Count
                ? list.Items[position]
                : WrongType(at, $"index {position} is outside the {list.Items.Count} items");
        if (collection is MapValue map && index is StringValue key)
        {
            foreach (var entry in map.Entries)
                if (entry.Key == key.Text)
                    return entry.Value;
            return WrongType(at, $"the map has no key '{key.Text}'");
        }
        return Fail(at, "only a known list or map can be indexed at compile time");
    }

    private Value PropertyReference(IPropertyReferenceOperation reference)
    {
        var property = reference.Property;
        if (property.IsStatic && property.Name == "Key" && DslSymbols.Is(property.ContainingType, dsl.Each))
            return new ReferenceValue("each", "key");
        if (property.IsStatic && property.Name == "Index" && DslSymbols.Is(property.ContainingType, dsl.Count))
            return new ReferenceValue("count", "index");
        if (property.IsStatic)
            return NotDeterministicOr(reference, property.ContainingType, property.Name,
                "static properties are not evaluated; use a const, a stack member, or a Variable<T>");
        if (BlockPathRead(reference, property) is { } insideBlocks)
            return insideBlocks;
        // `Vpc.Id` reads only Vpc's address: a kept member that did so stays valid when Vpc's arguments change.
        readingAddressOnly = DslSymbols.Is(property.Type, dsl.Reference) && reference.Instance is { } read && Unwrapped(read) is IFieldReferenceOperation target
            && SymbolEqualityComparer.Default.Equals(target.Field.ContainingType, stack);
        Value instance;
        try
        {
            instance = Evaluate(reference.Instance);
        }
        finally
        {
            readingAddressOnly = false;
        }
        if (instance is ErrorValue)
            return instance;
        if (instance is IteratorValue iterator && property.Name == "Key")
            return new ReferenceValue(iterator.Name, "key");
        if (PathRead(instance, property, reference) is { } path)
            return path;
        if (instance is ObjectValue shaped && ComputedShapeRead(shaped, property, reference) is { } computedShape)
            return computedShape;
        if (property.IsIndexer)
            return reference.Arguments.Length == 1
                ? Index(instance, Evaluate(reference.Arguments[0].Value), reference)
                : Fail(reference, "indexers with several arguments are not supported");

        if (DslSymbols.Is(property.Type, dsl.Reference) && instance is ObjectValue { Type.IsContainerImage: true } container)
            return container.GetString("Name") is { } image ? new ImageNameValue(image, Uri: true) : ErrorValue.Instance;
        if (DslSymbols.Is(property.Type, dsl.Reference))
        {
            if (instance is ObjectValue repeated && WithoutInstanceKey(repeated, reference) is { } error)
                return error;
            return instance is ObjectValue { Address: { } address }
                ? new ReferenceValue(address, TerraformNames.Of(property))
                : Fail(reference, "its resource has no literal name");
        }

        switch (instance)
        {
            case ObjectValue obj when property.Name == "Address" && obj.Address is { } address:
                return new StringValue(address);
            case ObjectValue obj when property.Name == "TerraformType" && (obj.Type.TerraformType ?? obj.GetString("Type")) is { } type:
                return new StringValue(type);
            case ObjectValue obj when property.SetMethod is not null:
                // Another block's argument is read as Terraform reads it, a reference (aws_eks_cluster.main.name), set or
                // not: the value written here would lose the edge that orders the work, and the first apply would race.
                if (obj.Type.Kind is DslKind.Resource or DslKind.DataSource or DslKind.EphemeralResource && obj.Address is { } reader
                    && schemas.For(property.ContainingType)?.Property(property.Name) is { IsMeta: false, IsBlock: false } argument)
                    return WithoutInstanceKey(obj, reference) ?? new ReferenceValue(reader, argument.TerraformName);
                if (obj.Get(property.Name) is { } set and not NullValue)
                    return set;
                // An argument Terraform computes when unset is, while unset, a reference to what Terraform computes.
                return obj.Address is { } owner && schemas.For(property.ContainingType)?.Property(property.Name) is { IsComputed: true } computed
                    ? new ReferenceValue(owner, computed.TerraformName)
                    : NullValue.Instance;
            case ListValue list when property.Name is "Length" or "Count":
                return new NumberValue(list.Items.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), true);
            case MapValue map when property.Name == "Count":
                return new NumberValue(map.Entries.Count.ToString(System.Globalization.CultureInfo.InvariantCulture), true);
            case StringValue text when property.Name == "Length":
                return new NumberValue(text.Text.Length.ToString(System.Globalization.CultureInfo.InvariantCulture), true);
        }
        return Fail(reference, "this property has no compile-time value");
    }

    /// <summary>
    /// <c>Ns.Metadata!.Name</c>: a value inside another resource's nested blocks, read as Terraform reads it — a
    /// reference through the blocks' path (<c>metadata[0].name</c>; through a set, <c>one(…[*]…)</c>), set or not, so the
    /// reader waits for the resource and an unset value is Terraform's, never a dropped argument. Null when the read
    /// is not of that shape (a block held in a C# value, a block read whole, a repeated block).
    /// </summary>
    private Value? BlockPathRead(IPropertyReferenceOperation reference, IPropertySymbol property)
    {
        if (property.SetMethod is null || reference.Instance is null
            || schemas.For(property.ContainingType)?.Property(property.Name) is not { IsMeta: false, IsBlock: false } leaf)
            return null;
        var segments = new List<PropertySchema>();
        var current = Unwrapped(reference.Instance);
        while (current is IPropertyReferenceOperation { Instance: { } inner } blockRead
            && schemas.For(blockRead.Property.ContainingType)?.Property(blockRead.Property.Name) is { IsBlock: true, IsMeta: false } block
            && !DslSymbols.Is(blockRead.Property.Type, dsl.Map) && blockRead.Property.Type is not INamedTypeSymbol { Name: "ImmutableArray" })
        {
            segments.Insert(0, block);
            current = Unwrapped(inner);
        }
        // Only a resource, data source or ephemeral resource (by its C# type, so nothing is evaluated twice) has a path.
        if (segments.Count == 0 || current.Type is null
            || schemas.For(current.Type)?.Type.Kind is not (DslKind.Resource or DslKind.DataSource or DslKind.EphemeralResource))
            return null;
        var owner = Evaluate(current);
        if (owner is ErrorValue)
            return owner;
        if (owner is not ObjectValue { Address: { } address } resource)
            return Fail(reference, "its resource has no literal name");
        if (WithoutInstanceKey(resource, reference) is { } error)
            return error;
        var path = new System.Text.StringBuilder();
        var sets = 0;
        foreach (var block in segments)
        {
            path.Append(block.TerraformName).Append(block.Nesting switch { "list" => "[0]", "set" => "[*]", _ => "" }).Append('.');
            if (block.Nesting == "set")
                sets++;
        }
        Value read = new ReferenceValue(address, path.Append(leaf.TerraformName).ToString());
        // A set has no index: splat it, and take its one element (flattened when sets nest).
        if (sets > 1)
            read = new FunctionValue("flatten", new[] { read }.ToEquatableArray());
        return sets > 0 ? new FunctionValue("one", new[] { read }.ToEquatableArray()) : read;
    }

    /// <summary>
    /// DI1007 for an attribute of a resource declared with Count or ForEach read without <c>At(…)</c>: Terraform has
    /// no single instance to read there ("Missing resource instance key").
    /// </summary>
    private Value? WithoutInstanceKey(ObjectValue resource, IOperation at)
    {
        if (resource.IsInstance || resource.Type.Kind is not (DslKind.Resource or DslKind.DataSource or DslKind.EphemeralResource))
            return null;
        var repeatedBy = resource.Get("Count") is { } count and not NullValue ? "Count" : resource.Get("ForEach") is { } each and not NullValue ? "ForEach" : null;
        return repeatedBy is null ? null
            : WrongType(at, $"{resource.Address} is declared with {repeatedBy}, so it has one instance per {(repeatedBy == "Count" ? "index" : "key")}: read one with At({(repeatedBy == "Count" ? "0" : "\"key\"")})");
    }

    private Value NotDeterministicOr(IOperation at, INamedTypeSymbol? type, string member, string otherwise)
    {
        var typeName = type?.ToDisplayString() ?? "";
        if (NonDeterministic.Describe(typeName, member) is { } why)
            return Fail(at, why + "; use a Variable<T> for a value known only at deploy time");
        return Fail(at, otherwise);
    }

    private Value Fail(IOperation at, string why) =>
        Report(RuleIdentifiers.NotEvaluable, at, Display(at), why);

    private Value WrongType(IOperation at, string why) =>
        Report(RuleIdentifiers.WrongValueType, at, Display(at), why);

    private Value Report(string id, IOperation at, params string[] arguments) =>
        Report(id, at.Syntax.GetLocation(), arguments);

    private Value Report(string id, Location? location, params string[] arguments)
    {
        Diagnostics.Add(new DiagnosticInfo(id, location is null ? null : SourceSpan.From(location), arguments.ToEquatableArray()));
        return ErrorValue.Instance;
    }

    /// <summary>Reports a diagnostic found after evaluation, e.g. by the stack reader.</summary>
    public void Report(string id, SourceSpan? span, params string[] arguments) =>
        Diagnostics.Add(new DiagnosticInfo(id, span, arguments.ToEquatableArray()));

    private static string Display(IOperation operation)
    {
        var text = operation.Syntax.ToString().Replace("\r", " ").Replace("\n", " ");
        return text.Length <= 80 ? text : text.Substring(0, 77) + "...";
    }
}
