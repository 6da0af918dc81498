using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DslInfra.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DslInfra.Generators.Evaluation;

// Most of a large stack is a few shapes: `new("web") { Arg = "literal", ImageId = Ami.Id, Block = new() { … },
// Tags = new() { ["k"] = "v" }, List = [ … ] }`. Binding those initializers was most of the generator's time, and the
// compiler binds them again to compile the stack. So a member written only in these shapes is read here straight from
// its syntax, the few names in it looked up rather than bound (SyntaxNames). Anything else — another construct, a
// conversion this reader does not know, or anything that would be reported — makes it give up on the whole member, which
// is then evaluated over the operation tree as before. The operation walk stays the reference: with CheckSyntaxReading
// set (the test projects set it) every member read here is evaluated again over operations and any difference throws.
internal sealed partial class Evaluator
{
    /// <summary>Test hook: evaluate every member read from syntax again over operations and throw when they differ.</summary>
    internal static bool CheckSyntaxReading;

    /// <summary>How many members were read from syntax (tests and benchmarks watch it).</summary>
    internal static int SyntaxReadMembers;

    private SyntaxNames? syntaxNames;

    // The constructor `new("name")` calls, per record type and argument count: every creation of a type asks the same.
    private readonly Dictionary<(INamedTypeSymbol Type, int Count), IMethodSymbol?> syntaxConstructors = new();

    private IMethodSymbol? SyntaxConstructor(INamedTypeSymbol type, int count)
    {
        if (!syntaxConstructors.TryGetValue((type, count), out var constructor))
            syntaxConstructors[(type, count)] = constructor = SyntaxReading.Constructor(type, count);
        return constructor;
    }

    /// <summary>The member's value read from its syntax, or null when it is not in the shapes read that way.</summary>
    private Value? FromSyntax(IFieldSymbol field, VariableDeclaratorSyntax declarator)
    {
        if (exhausted || declarator is not { Initializer.Value: { } initializer, Parent.Parent: FieldDeclarationSyntax declaration }
            || initializer.ContainsDiagnostics || !field.IsStatic)
            return null;
        syntaxNames ??= new SyntaxNames(semanticModels);
        var reader = new SyntaxReading(this, syntaxNames.In(declaration));
        var value = reader.Read(initializer, field.Type);
        // A member it read may have spent the stack's budget: then the operation walk reports this member as before.
        if (value is null || exhausted || steps + (long)reader.Steps > MaxSteps || totalText + reader.Text > MaxTotalText)
            return null;
        steps += reader.Steps;
        totalText += reader.Text;
        Interlocked.Increment(ref SyntaxReadMembers);
        return value;
    }

    /// <summary>Under <see cref="CheckSyntaxReading"/>: the operation walk must give the same value and report nothing.</summary>
    private void CheckAgainstOperations(VariableDeclaratorSyntax declarator, Value fromSyntax, string member)
    {
        var reported = Diagnostics.Count;
        var fromOperations = Evaluate(InitializerOf(declarator));
        if (!Equals(fromOperations, fromSyntax) || Diagnostics.Count != reported)
            throw new InvalidOperationException(
                $"member {member} read from syntax as {Describe(fromSyntax)} but evaluated over operations as {Describe(fromOperations)}"
                + (Diagnostics.Count != reported ? $" with {Diagnostics[reported].Id}" : ""));
    }

    /// <summary>A value written out whole (records print their arrays as type names), for the check's message.</summary>
    private static string Describe(Value value) => value switch
    {
        ObjectValue obj => $"{obj.Type.Name}@{obj.Span?.Start}{{{string.Join(", ", obj.Fields.Select(f => f.Property + "=" + Describe(f.Value)))}}}",
        ListValue list => "[" + string.Join(", ", list.Items.Select(Describe)) + "]",
        MapValue map => "{" + string.Join(", ", map.Entries.Select(e => e.Key + ": " + Describe(e.Value))) + "}",
        TemplateValue template => "template(" + string.Join(", ", template.Parts.Select(Describe)) + ")",
        _ => value.ToString(),
    };

    /// <summary>One member's reading: spends steps and text locally, committed only when the whole member was read.</summary>
    private sealed class SyntaxReading(Evaluator evaluator, SyntaxNames.Scope names)
    {
        private int depth;

        public int Steps { get; private set; }

        public long Text { get; private set; }

        private DslSymbols Dsl => evaluator.dsl;

        /// <summary>The value of <paramref name="expression"/> converted to <paramref name="target"/>, or null.</summary>
        public Value? Read(ExpressionSyntax expression, ITypeSymbol target)
        {
            // Half the operation walk's limit: it counts conversions this reader does not see, so whatever nears its limit
            // is left to it, to be evaluated or reported exactly as before.
            if (++depth > MaxDepth / 2)
                return null;
            Steps++;
            try
            {
                return expression switch
                {
                    LiteralExpressionSyntax literal => Literal(literal, negate: false, target),
                    PrefixUnaryExpressionSyntax { RawKind: (int)SyntaxKind.UnaryMinusExpression, Operand: LiteralExpressionSyntax literal } =>
                        Literal(literal, negate: true, target),
                    BaseObjectCreationExpressionSyntax creation => Creation(creation, target),
                    CollectionExpressionSyntax collection => Collection(collection, target),
                    InterpolatedStringExpressionSyntax interpolated => Interpolated(interpolated, target),
                    IdentifierNameSyntax or MemberAccessExpressionSyntax when names.Constant(expression, evaluator.stack) is { } constant =>
                        ConstantValue(constant, target),
                    IdentifierNameSyntax name => Member(name, target),
                    MemberAccessExpressionSyntax access => Attribute(access, target),
                    _ => null,
                };
            }
            finally
            {
                depth--;
            }
        }

        private Value? Literal(LiteralExpressionSyntax literal, bool negate, ITypeSymbol target)
        {
            switch (literal.Kind())
            {
                case SyntaxKind.StringLiteralExpression when !negate && AcceptsString(target):
                    return Known(literal.Token.ValueText);
                case SyntaxKind.TrueLiteralExpression or SyntaxKind.FalseLiteralExpression when !negate && Accepts(target, SpecialType.System_Boolean):
                    return new BoolValue(literal.IsKind(SyntaxKind.TrueLiteralExpression));
                case SyntaxKind.NumericLiteralExpression:
                    return Number(literal.Token.Value, negate, target);
                default:
                    return null;
            }
        }

        /// <summary>A number as C# converts it to the target: int to int, long or double; long to long or double; double to double.</summary>
        private Value? Number(object? literal, bool negate, ITypeSymbol target)
        {
            // The literal in its own type (negated in it, as C# folds `-1`); each branch typed object, so none is widened.
            object? value = literal switch
            {
                int i when Accepts(target, SpecialType.System_Int32) || Accepts(target, SpecialType.System_Int64) || Accepts(target, SpecialType.System_Double) =>
                    (object)(negate ? -i : i),
                long l when (Accepts(target, SpecialType.System_Int64) || Accepts(target, SpecialType.System_Double)) && !(negate && l == long.MinValue) =>
                    (object)(negate ? -l : l),
                double d when Accepts(target, SpecialType.System_Double) => (object)(negate ? -d : d),
                _ => null,
            };
            // What the operation walk sees for a literal converted to double or Expr<double> is the constant as double;
            // into double? it sees the literal itself (the nullable conversion wraps it unconverted).
            if (value is not null && (target.SpecialType == SpecialType.System_Double || ExprArgument(target)?.SpecialType == SpecialType.System_Double))
                value = Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture);
            return value is null ? null : Numbers.From(value);
        }

        private Value? Known(string text)
        {
            if (text.Length > MaxStringLength || LoneSurrogateAt(text) is not null)
                return null;
            Text += text.Length;
            return new StringValue(text);
        }

        /// <summary><c>new("name") { … }</c> or <c>new T(…) { … }</c> of exactly the target type: a DSL record or a map.</summary>
        private Value? Creation(BaseObjectCreationExpressionSyntax creation, ITypeSymbol target)
        {
            evaluator.cancellation.ThrowIfCancellationRequested();
            if (target is not INamedTypeSymbol type || type.IsAbstract || type.TypeKind != TypeKind.Class)
                return null;
            if (creation is ObjectCreationExpressionSyntax { Type: var written } && !names.IsType(written, type))
                return null;
            if (creation.Initializer is { } initializer && !initializer.IsKind(SyntaxKind.ObjectInitializerExpression))
                return null;
            TouchType(type);
            if (Dsl.IsMap(type))
                return creation.ArgumentList is { Arguments.Count: > 0 } ? null : Map(creation.Initializer, type);
            // Images (and their provisioners' shell commands, quoted by the operation walk) are not read here.
            if (evaluator.schemas.For(type) is not { } schema || schema.Type.Kind == DslKind.Image
                || type.ContainingNamespace is { Name: "Images", ContainingNamespace: { Name: "DslInfra", ContainingNamespace.IsGlobalNamespace: true } })
                return null;

            var fields = new List<Field>((creation.ArgumentList?.Arguments.Count ?? 0) + (creation.Initializer?.Expressions.Count ?? 0));
            if (creation.ArgumentList is { Arguments.Count: > 0 } arguments)
            {
                if (evaluator.SyntaxConstructor(type, arguments.Arguments.Count) is not { } constructor)
                    return null;
                for (var i = 0; i < arguments.Arguments.Count; i++)
                {
                    var argument = arguments.Arguments[i];
                    if (argument.NameColon is not null || !argument.RefKindKeyword.IsKind(SyntaxKind.None)
                        || schema.PropertyForParameter(constructor.Parameters[i].Name) is not { } property
                        || Read(argument.Expression, constructor.Parameters[i].Type) is not { } value)
                        return null;
                    Set(fields, property, value);
                }
            }
            foreach (var item in creation.Initializer?.Expressions ?? default)
            {
                if (item is not AssignmentExpressionSyntax { RawKind: (int)SyntaxKind.SimpleAssignmentExpression, Left: IdentifierNameSyntax name, Right: var right }
                    || right is InitializerExpressionSyntax
                    || InstanceProperty(type, name.Identifier.ValueText, set: true) is not { } target2
                    || schema.Property(target2.Name) is not { } property)
                    return null;
                evaluator.Touch(target2);
                TouchType(target2.Type);
                if (Read(right, target2.Type) is not { } value)
                    return null;
                Set(fields, property, value);
            }
            return new ObjectValue(schema.Type, fields.ToEquatableArray(), SourceSpan.From(creation));
        }

        /// <summary>
        /// The one constructor <paramref name="count"/> string arguments can call: public, that many string parameters, and no
        /// other constructor that could take that many arguments but the record's copy constructor (a string never converts to
        /// the record unless the record declares a conversion to itself: checked).
        /// </summary>
        internal static IMethodSymbol? Constructor(INamedTypeSymbol type, int count)
        {
            IMethodSymbol? found = null;
            foreach (var constructor in type.InstanceConstructors)
            {
                var parameters = constructor.Parameters;
                var fits = parameters.Length == count || (parameters.Length > count && parameters[count].IsOptional)
                    || (parameters.Length > 0 && parameters[parameters.Length - 1].IsParams && parameters.Length - 1 <= count);
                if (!fits)
                    continue;
                if (parameters.Length == 1 && SymbolEqualityComparer.Default.Equals(parameters[0].Type, type) && count == 1)
                    continue; // the copy constructor: a string does not convert to the record (checked below)
                if (found is not null || parameters.Length != count || constructor.DeclaredAccessibility != Accessibility.Public)
                    return null;
                foreach (var parameter in parameters)
                    if (parameter.Type.SpecialType != SpecialType.System_String || parameter.RefKind != RefKind.None || parameter.IsParams)
                        return null;
                found = constructor;
            }
            foreach (var member in type.GetMembers())
                if (member is IMethodSymbol { MethodKind: MethodKind.Conversion } conversion && SymbolEqualityComparer.Default.Equals(conversion.ReturnType, type))
                    return null;
            return found;
        }

        /// <summary>
        /// The public instance property a name means on <paramref name="type"/>, found as C#'s member lookup finds it (the
        /// most derived declaration hides the rest), with a public setter or init when it is <paramref name="set"/>, else a getter.
        /// </summary>
        private static IPropertySymbol? InstanceProperty(INamedTypeSymbol type, string name, bool set)
        {
            for (var current = type; current is not null; current = current.BaseType)
            {
                var members = current.GetMembers(name);
                if (members.IsEmpty)
                    continue;
                return members.Length == 1 && members[0] is IPropertySymbol { IsStatic: false, IsIndexer: false, DeclaredAccessibility: Accessibility.Public } property
                    && (set ? property.SetMethod : property.GetMethod)?.DeclaredAccessibility == Accessibility.Public
                    ? property
                    : null;
            }
            return null;
        }

        /// <summary><c>new() { ["key"] = value, … }</c>: string-literal keys, the last assignment of a key wins.</summary>
        private Value? Map(InitializerExpressionSyntax? initializer, INamedTypeSymbol type)
        {
            // Map<T> holds T; a map argument's ExprMap<T> holds Expr<T>.
            if ((DslSymbols.Is(type, Dsl.ExprMap) ? ExprOf(type.TypeArguments[0]) : type.TypeArguments[0]) is not { } itemType)
                return null;
            var entries = new SortedDictionary<string, Value>(StringComparer.Ordinal);
            foreach (var item in initializer?.Expressions ?? default)
            {
                if (item is not AssignmentExpressionSyntax
                    {
                        RawKind: (int)SyntaxKind.SimpleAssignmentExpression,
                        Left: ImplicitElementAccessSyntax { ArgumentList.Arguments: [{ NameColon: null, RefKindKeyword.RawKind: (int)SyntaxKind.None, Expression: LiteralExpressionSyntax key }] },
                        Right: var right,
                    } || !key.IsKind(SyntaxKind.StringLiteralExpression) || right is InitializerExpressionSyntax)
                    return null;
                if (Known(key.Token.ValueText) is not StringValue text || Read(right, itemType) is not { } value)
                    return null;
                value = Scalar(value);
                if (value is null || (value is ObjectValue obj && obj.Type.Kind is not (DslKind.Block or DslKind.Provider)))
                    return null;
                entries[text.Text] = value;
            }
            var list = new List<MapEntry>(entries.Count);
            foreach (var entry in entries)
                list.Add(new MapEntry(entry.Key, entry.Value));
            return new MapValue(list.ToEquatableArray());
        }

        /// <summary>
        /// <c>[a, b, .. Shared]</c> into an ImmutableArray or a list argument (ExprList&lt;T&gt;, whose items are read as Expr&lt;T&gt;,
/// the value an expression item converted to T stands for):
        /// each element read as the element type; a spread only of a stack member holding a list known here.
        /// </summary>
        private Value? Collection(CollectionExpressionSyntax collection, ITypeSymbol target)
        {
            if (ElementType(target) is not { } elementType)
                return null;
            var items = new List<Value>(collection.Elements.Count);
            foreach (var element in collection.Elements)
            {
                if (element is SpreadElementSyntax { Expression: IdentifierNameSyntax shared }
                    && names.StackField(shared.Identifier.ValueText, evaluator.stack) is { Type: INamedTypeSymbol sharedType } field
                    && ElementType(sharedType) is { } sharedElement && SpreadConverts(sharedElement, elementType))
                {
                    TouchField(field);
                    if (evaluator.Member(field) is not ListValue list || items.Count + (long)list.Items.Count > MaxItems)
                        return null;
                    items.AddRange(list.Items);
                    continue;
                }
                if (element is not ExpressionElementSyntax { Expression: var expression } || Read(expression, elementType) is not { } value)
                    return null;
                items.Add(value);
            }
            return new ListValue(items.ToEquatableArray());
        }

        /// <summary>The type items are read as: T of an ImmutableArray&lt;T&gt;, Expr&lt;T&gt; of a list argument ExprList&lt;T&gt;, else null.</summary>
        private ITypeSymbol? ElementType(ITypeSymbol target) => target switch
        {
            INamedTypeSymbol { Name: "ImmutableArray", Arity: 1, ContainingNamespace: { Name: "Immutable", ContainingNamespace: { Name: "Collections",
                ContainingNamespace: { Name: "System", ContainingNamespace.IsGlobalNamespace: true } } } } array => array.TypeArguments[0],
            INamedTypeSymbol list when DslSymbols.Is(list, Dsl.ExprList) => ExprOf(list.TypeArguments[0]),
            _ => null,
        };

        /// <summary>A spread's items reach the element type as themselves or, a string/bool/number, as its Expr.</summary>
        private bool SpreadConverts(ITypeSymbol from, ITypeSymbol to) =>
            SymbolEqualityComparer.Default.Equals(from, to)
            || SymbolEqualityComparer.Default.Equals(ExprArgument(to), from) && from.SpecialType is SpecialType.System_String or SpecialType.System_Boolean or SpecialType.System_Double;

        /// <summary>Expr&lt;T&gt; for T.</summary>
        private ITypeSymbol? ExprOf(ITypeSymbol argument) => Dsl.TypedExpr?.Construct(argument);

        /// <summary><c>$"…{Member.Attribute}…"</c> with no format or alignment: text and references joined as the operation walk joins them.</summary>
        private Value? Interpolated(InterpolatedStringExpressionSyntax interpolated, ITypeSymbol target)
        {
            if (!AcceptsString(target) || !interpolated.StringStartToken.IsKind(SyntaxKind.InterpolatedStringStartToken)
                && !interpolated.StringStartToken.IsKind(SyntaxKind.InterpolatedVerbatimStringStartToken))
                return null;
            var parts = new List<Value>();
            long length = 0;
            foreach (var content in interpolated.Contents)
            {
                Value? part;
                if (content is InterpolatedStringTextSyntax text)
                {
                    // The token's value keeps the doubled braces (binding halves them); a brace written as an escape
                    // (\u007B) would be indistinguishable, so such text is left to the operation walk.
                    if (HasCodeEscape(text.TextToken.Text))
                        return null;
                    part = Known(text.TextToken.ValueText.Replace("{{", "{").Replace("}}", "}"));
                }
                else if (content is InterpolationSyntax { AlignmentClause: null, FormatClause: null, Expression: var hole }
                    && hole is IdentifierNameSyntax or MemberAccessExpressionSyntax)
                {
                    // A hole is read as its own type (object): a member as it is, an attribute as its reference.
                    var value = names.Constant(hole, evaluator.stack) is { } constant ? ConstantValue(constant, target: null)
                        : hole is IdentifierNameSyntax name ? Scalar(Member(name, target: null))
                        : Attribute((MemberAccessExpressionSyntax)hole, target: null);
                    part = value is null or ObjectValue or ErrorValue or IteratorValue or DynamicValue ? null : FormatPart(value, null);
                }
                else
                {
                    return null;
                }
                if (part is null)
                    return null;
                length += part is StringValue counted ? counted.Text.Length : 0;
                if (length > MaxStringLength)
                    return null;
                parts.Add(part);
            }
            // No hole read here is a constant, so C# folds only a string without holes: either way, all text is one string.
            var joined = Join(parts);
            return joined is StringValue only ? Known(only.Text) : joined;
        }

        private static bool HasCodeEscape(string text)
        {
            for (var i = 0; i + 1 < text.Length; i++)
                if (text[i] == '\\' && text[i + 1] is 'u' or 'U' or 'x')
                    return true;
            return false;
        }

        /// <summary>
        /// A stack member by its simple name: as a value of its own type, or a Variable&lt;T&gt; or Local&lt;T&gt; where an
        /// Expr&lt;T&gt; goes (their conversion makes it <c>var.name</c> / <c>local.name</c>).
        /// </summary>
        private Value? Member(IdentifierNameSyntax name, ITypeSymbol? target)
        {
            if (names.StackField(name.Identifier.ValueText, evaluator.stack) is not { } field)
                return null;
            var converted = target is not null && !SymbolEqualityComparer.Default.Equals(field.Type, target);
            if (converted && !IsVariableFor(field.Type, target!))
                return null;
            TouchField(field);
            var value = evaluator.Member(field);
            return converted ? Scalar(value) is { } scalar and not ObjectValue ? scalar : null : value;
        }

        private bool IsVariableFor(ITypeSymbol type, ITypeSymbol target) =>
            (DslSymbols.Is(type, Dsl.Variable) || DslSymbols.Is(type, Dsl.Local))
            && type is INamedTypeSymbol { TypeArguments: [var held] }
            && (SymbolEqualityComparer.Default.Equals(ExprArgument(target), held) || SymbolEqualityComparer.Default.Equals(WholeType(target), held))
            || SymbolEqualityComparer.Default.Equals(WholeType(target), type);

        /// <summary>
        /// What a list or map argument takes whole (ExprList&lt;T&gt;: ImmutableArray&lt;T&gt;, ExprMap&lt;T&gt;: Map&lt;T&gt;), as a
        /// shared member's value or a variable's type; else null.
        /// </summary>
        private ITypeSymbol? WholeType(ITypeSymbol target) => target switch
        {
            INamedTypeSymbol list when DslSymbols.Is(list, Dsl.ExprList) => ImmutableArrayOf(list, list.TypeArguments[0]),
            INamedTypeSymbol map when DslSymbols.Is(map, Dsl.ExprMap) => Dsl.Map?.Construct(map.TypeArguments[0]),
            _ => null,
        };

        /// <summary>ImmutableArray&lt;T&gt; as the list argument's own assembly sees it (from its conversion operator).</summary>
        private static ITypeSymbol? ImmutableArrayOf(INamedTypeSymbol list, ITypeSymbol item)
        {
            foreach (var member in list.GetMembers("op_Implicit"))
                if (member is IMethodSymbol { Parameters: [{ Type: INamedTypeSymbol { Name: "ImmutableArray", TypeArguments: [var held] } parameter }] }
                    && SymbolEqualityComparer.Default.Equals(held, item))
                    return parameter;
            return null;
        }

        /// <summary><c>Member.Attribute</c>: a resource's attribute reference (<c>Ami.Id</c>), as the operation walk reads it.</summary>
        private Value? Attribute(MemberAccessExpressionSyntax access, ITypeSymbol? target)
        {
            if (!access.IsKind(SyntaxKind.SimpleMemberAccessExpression) || access.Expression is not IdentifierNameSyntax owner
                || access.Name is not IdentifierNameSyntax attributeName
                || names.StackField(owner.Identifier.ValueText, evaluator.stack) is not { } field
                || field.Type.Name == owner.Identifier.ValueText // `Color Color`: C# might mean the type
                || field.Type is not INamedTypeSymbol ownerType
                || InstanceProperty(ownerType, attributeName.Identifier.ValueText, set: false) is not { } property
                || !DslSymbols.Is(property.Type, Dsl.Reference)
                || target is not null && !ReferenceFits(property.Type, target))
                return null;
            TouchField(field);
            evaluator.Touch(property);
            evaluator.Touch(property.ContainingType);
            TouchType(property.Type);
            evaluator.readingAddressOnly = true;
            var instance = evaluator.Member(field);
            return instance switch
            {
                ErrorValue => instance,
                ObjectValue { Type.IsContainerImage: true } container =>
                    container.GetString("Name") is { } image ? new ImageNameValue(image, Uri: true) : ErrorValue.Instance,
                // Count/ForEach without At(): DI1007, which only the operation walk reports.
                ObjectValue repeated when !repeated.IsInstance && (repeated.Get("Count") is { } count and not NullValue || repeated.Get("ForEach") is { } each and not NullValue) => null,
                ObjectValue { Address: { } address } => new ReferenceValue(address, TerraformNames.Of(property)),
                _ => null,
            };
        }

        /// <summary>
        /// A constant (<c>Prefix</c>, <c>Net.Cidr</c>) as the operation walk reads one: its folded value, its declaration an
        /// input. A string, bool or number only, converted as a literal of its type would be; in an interpolation hole
        /// (<paramref name="target"/> null) as its own type. C# folds an interpolation whose holes are all string constants
        /// into one constant; its text is what joining the parts gives, so the reader need not tell the two apart.
        /// </summary>
        private Value? ConstantValue(IFieldSymbol constant, ITypeSymbol? target)
        {
            var value = constant.ConstantValue switch
            {
                string text when target is null || AcceptsString(target) => Known(text),
                bool flag when target is null || Accepts(target, SpecialType.System_Boolean) => new BoolValue(flag),
                int or long or double when target is null => Numbers.From(constant.ConstantValue),
                int or long or double when target is not null => Number(constant.ConstantValue, negate: false, target),
                _ => null,
            };
            if (value is not null)
                TouchField(constant);
            return value;
        }

        private void TouchField(IFieldSymbol field)
        {
            evaluator.Touch(field);
            evaluator.Touch(field.ContainingType);
            TouchType(field.Type);
        }

        /// <summary>A type and its bases, as the operation walk touches every operation's type.</summary>
        private void TouchType(ITypeSymbol? type)
        {
            for (var current = type; current is not null && current.SpecialType == SpecialType.None; current = current.BaseType)
                evaluator.Touch(current);
        }

        /// <summary>Reference&lt;T&gt; goes to itself, to Expr&lt;T&gt; and to Expr by reference conversion.</summary>
        private bool ReferenceFits(ITypeSymbol reference, ITypeSymbol target)
        {
            if (SymbolEqualityComparer.Default.Equals(reference, target))
                return true;
            for (var current = reference.BaseType; current is not null; current = current.BaseType)
                if (SymbolEqualityComparer.Default.Equals(current, target))
                    return true;
            return false;
        }

        private static Value? Scalar(Value? value) => value is null ? null : VariableReference(value);

        private bool AcceptsString(ITypeSymbol target) => Accepts(target, SpecialType.System_String);

        /// <summary>
        /// A literal of this special type reaches the target: itself, its nullable, Expr&lt;itself&gt;, or Expr (whose own
        /// conversions take strings, ints and bools as themselves; a long or double is left to the operation walk).
        /// </summary>
        private bool Accepts(ITypeSymbol target, SpecialType special) =>
            target.SpecialType == special
            || target is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } nullable && nullable.TypeArguments[0].SpecialType == special
            || ExprArgument(target)?.SpecialType == special
            || DslSymbols.Is(target, Dsl.Expr) && special is not SpecialType.System_Int64 and not SpecialType.System_Double;

        /// <summary>T of an Expr&lt;T&gt; target, else null.</summary>
        private ITypeSymbol? ExprArgument(ITypeSymbol target) =>
            DslSymbols.Is(target, Dsl.TypedExpr) && target is INamedTypeSymbol { TypeArguments: [var argument] } ? argument : null;
    }
}
