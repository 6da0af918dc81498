using System;
using System.Collections.Generic;
using System.Linq;
using DslInfra.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace DslInfra.Generators.Evaluation;

// Method calls: Repeat.For, Resource.Attr, [InfraFunction] helpers, and a few pure string methods.
internal sealed partial class Evaluator
{
    private Value Invocation(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        // The DSL's own methods, known by the one table of intrinsics (their [Intrinsic] mark), never by name alone.
        var intrinsic = Intrinsics.Of(method) switch
        {
            Intrinsic.Repeat => Repeat(invocation),
            Intrinsic.Attr => Attr(invocation),
            Intrinsic.Self => Self(invocation),
            Intrinsic.Output => ModuleOutput(invocation),
            Intrinsic.Each => new ReferenceValue("each", "value"),
            Intrinsic.Instance when DslSymbols.Is(method.ContainingType, dsl.Module) =>
                Instance(invocation, invocation.Instance!, invocation.Arguments.Length == 1 ? invocation.Arguments[0].Value : null),
            Intrinsic.Instance => Instance(invocation, invocation.Arguments[0].Value, invocation.Arguments.Length == 2 ? invocation.Arguments[1].Value : null),
            Intrinsic.Splat => Splat(invocation),
            Intrinsic.Dynamic => DynamicBlocks(invocation),
            Intrinsic.Iterator => IteratorReference(invocation),
            Intrinsic.For => ForExpression(invocation),
            _ => null,
        };
        if (intrinsic is not null)
            return intrinsic;
        if (TerraformFunctionName(method) is { } function)
            return TerraformFunction(invocation, function);
        if (method.GetAttributes().Any(a => a.AttributeClass?.ToDisplayString() == "DslInfra.InfraFunctionAttribute"))
            return Call(method, invocation.Arguments.Select(a => Evaluate(a.Value)).ToList(), invocation);
        if (method.ContainingType?.SpecialType == SpecialType.System_String || method.Name == "ToString")
            return StringMethod(invocation);
        return NotDeterministicOr(invocation, method.ContainingType, method.Name,
            $"the generator does not run '{method.Name}'; mark a static expression-bodied helper [InfraFunction] to have it evaluated");
    }

    private static string? TerraformFunctionName(IMethodSymbol method)
    {
        foreach (var attribute in method.GetAttributes())
            if (attribute.AttributeClass is { Name: "TerraformFunctionAttribute" } type && type.ContainingNamespace?.ToDisplayString() == "DslInfra.Schema"
                && attribute.ConstructorArguments.FirstOrDefault().Value is string name)
                return name;
        return null;
    }

    /// <summary>
    /// A call of one of Terraform's functions (Fn): written as <c>name(…)</c> for Terraform to evaluate, each argument
    /// an expression (literals quoted and escaped by the emitter); a params array is spread into separate arguments.
    /// </summary>
    private Value TerraformFunction(IInvocationOperation invocation, string name)
    {
        var arguments = new List<Value>();
        foreach (var argument in invocation.Arguments.OrderBy(a => a.Parameter?.Ordinal ?? 0))
        {
            if (argument.ArgumentKind == ArgumentKind.DefaultValue)
                continue;
            var values = argument.ArgumentKind == ArgumentKind.ParamArray && argument.Value is IArrayCreationOperation array
                ? array.Initializer?.ElementValues.AsEnumerable() ?? Enumerable.Empty<IOperation>()
                : new[] { argument.Value };
            foreach (var operation in values)
            {
                var value = Evaluate(operation);
                if (value is ErrorValue)
                    return value;
                if (value is ObjectValue { Type.Kind: not (DslKind.Variable or DslKind.Local) } obj)
                    return WrongType(operation, $"a {obj.Type.Name} cannot be a function's argument; pass one of its attributes or values");
                arguments.Add(VariableReference(value));
            }
        }
        return new FunctionValue(name, arguments.ToEquatableArray());
    }

    private Value Attr(IInvocationOperation invocation) =>
        NamedReference(invocation, "Attr needs a resource with a literal name", "Attr takes the attribute's Terraform name as a string literal, e.g. \"owner_id\"",
            (owner, name) => WithoutInstanceKey(owner, invocation)
                ?? (invocation.Instance?.Type is INamedTypeSymbol type && UnknownAttribute(type, name) is { } why ? WrongType(invocation, why) : null));

    /// <summary>
    /// Why a record generated from a provider's schema (its assembly says which release, [ProviderSchema]) has no
    /// attribute <paramref name="name"/>; null when it has one, or when the record is hand-written (Attr then reaches
    /// what the record does not model, which is what it is for).
    /// </summary>
    private string? UnknownAttribute(INamedTypeSymbol type, string name)
    {
        var terraformType = type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.Name == "TerraformTypeAttribute")?.ConstructorArguments.FirstOrDefault().Value as string;
        if (terraformType is null)
            return null;
        var schema = type.ContainingAssembly.GetAttributes().FirstOrDefault(a => a.AttributeClass?.Name == "ProviderSchemaAttribute"
            && a.ConstructorArguments.Length == 3 && a.ConstructorArguments[0].Value is string provider && terraformType.StartsWith(provider + "_", System.StringComparison.Ordinal));
        if (schema is null)
            return null;
        for (var current = type; current is not null && !DslSymbols.Is(current, dsl.Resource) && !DslSymbols.Is(current, dsl.DataSource) && !DslSymbols.Is(current, dsl.EphemeralResource); current = current.BaseType)
            foreach (var property in current.GetMembers().OfType<IPropertySymbol>())
                if (!property.IsStatic && TerraformNames.Of(property) == name)
                    return null;
        return $"{terraformType} has no attribute '{name}' in the {schema.ConstructorArguments[0].Value} {schema.ConstructorArguments[2].Value} schema its record comes from (Terraform: \"Unsupported attribute\"); use the record's own properties";
    }

    private Value ModuleOutput(IInvocationOperation invocation) =>
        NamedReference(invocation, "Output needs a module with a literal name", "Output takes the module output's name as a string literal, e.g. \"vpc_id\"");

    /// <summary><c>Vpc.Attr&lt;string&gt;("owner_id")</c>, <c>Net.Output&lt;string&gt;("vpc_id")</c>: the instance's address and a literal name.</summary>
    private Value NamedReference(IInvocationOperation invocation, string needsAddress, string needsName, System.Func<ObjectValue, string, Value?>? check = null)
    {
        var owner = Evaluate(invocation.Instance);
        var named = invocation.Arguments.Length == 1 ? Evaluate(invocation.Arguments[0].Value) : null;
        if (owner is ErrorValue || named is ErrorValue)
            return ErrorValue.Instance;
        if (owner is not ObjectValue { Address: { } address })
            return Fail(invocation, needsAddress);
        if (named is not StringValue name || !TerraformNames.IsIdentifier(name.Text))
            return WrongType(invocation, needsName);
        return check?.Invoke((ObjectValue)owner, name.Text) ?? new ReferenceValue(address, name.Text);
    }

    /// <summary><c>Subnet.At("a")</c>: the resource with its instance key, so that its attributes read <c>aws_subnet.app["a"].id</c>.</summary>
    private Value Instance(IInvocationOperation invocation, IOperation receiver, IOperation? keyOperation)
    {
        if (keyOperation is null)
            return Fail(invocation, "At takes one key or index");
        var resource = Evaluate(receiver);
        var key = Evaluate(keyOperation);
        if (resource is ErrorValue || key is ErrorValue)
            return ErrorValue.Instance;
        if (resource is not ObjectValue { Type.Kind: DslKind.Resource or DslKind.DataSource or DslKind.Module } obj || obj.Get("InstanceKey") is not null)
            return WrongType(invocation, "At picks one instance of a resource or module declared with Count or ForEach");
        var byKey = obj.Get("ForEach") is { } and not NullValue;
        var byIndex = obj.Get("Count") is { } and not NullValue;
        string instance;
        switch (key)
        {
            case StringValue text when byKey:
                instance = "[" + Emit.Hcl.Expression(text) + "]";
                break;
            case NumberValue { IsInteger: true } number when byIndex && !number.Text.StartsWith("-", System.StringComparison.Ordinal):
                instance = "[" + number.Text + "]";
                break;
            default:
                return WrongType(invocation, byKey ? "a resource with ForEach is indexed by a string key known at compile time"
                    : byIndex ? "a resource with Count is indexed by a non-negative whole number known at compile time"
                    : $"{obj.Address} has neither Count nor ForEach, so it has one instance: use it directly");
        }
        return obj with { Fields = obj.Fields.Append(new Field("InstanceKey", "", false, true, new StringValue(instance))).ToEquatableArray() };
    }

    /// <summary><c>Dynamic.For(Rules, rule =&gt; new() { … })</c>: a dynamic block whose iterator is the lambda's parameter.</summary>
    private Value DynamicBlocks(IInvocationOperation invocation)
    {
        if (invocation.Arguments.Length != 2)
            return Fail(invocation, "Dynamic.For takes the items and a lambda");
        var items = VariableReference(Evaluate(invocation.Arguments[0].Value));
        if (items is ErrorValue)
            return items;
        var make = invocation.Arguments[1].Value;
        while (make is IDelegateCreationOperation delegateCreation)
            make = delegateCreation.Target;
        if (make is not IAnonymousFunctionOperation { Symbol.Parameters.Length: 1 } lambda)
            return Fail(make, "Dynamic.For takes a lambda with one parameter, the block's iterator");
        var iterator = TerraformNames.SnakeCase(lambda.Symbol.Parameters[0].Name);
        if (!TerraformNames.IsIdentifier(iterator) || iterator is "each" or "count" or "self" or "var" or "local" or "module" or "data" or "path" or "terraform")
            return Report(DslInfra.Generators.Diagnostics.RuleIdentifiers.InvalidIdentifier, lambda.Symbol.Parameters[0].Locations.FirstOrDefault(), iterator, "a dynamic block's iterator",
                "name the lambda's parameter after the block, e.g. rule (each, count, self and Terraform's other root names are taken)");
        var content = Lambda(lambda, new IteratorValue(iterator));
        if (content is ErrorValue)
            return content;
        if (content is not ObjectValue { Type.Kind: DslKind.Block } block)
            return WrongType(make, "Dynamic.For's lambda makes one nested block: new() { … }");
        return new ListValue(new Value[] { new DynamicValue(items, iterator, block) }.ToEquatableArray());
    }

    /// <summary><c>rule.Value&lt;T&gt;()</c>, <c>rule.Value&lt;T&gt;("port")</c>: the dynamic block's current element.</summary>
    private Value IteratorReference(IInvocationOperation invocation)
    {
        if (Evaluate(invocation.Instance) is not IteratorValue iterator)
            return Fail(invocation, "only the parameter of Dynamic.For's lambda has elements");
        if (invocation.Arguments.Length == 0)
            return new ReferenceValue(iterator.Name, "value");
        var attribute = Evaluate(invocation.Arguments[0].Value);
        if (attribute is not StringValue name || !TerraformNames.IsIdentifier(name.Text))
            return WrongType(invocation, "Value takes the element's attribute name as a string literal, e.g. \"port\"");
        return new ReferenceValue(iterator.Name, "value." + name.Text);
    }

    private Value Self(IInvocationOperation invocation)
    {
        var attribute = invocation.Arguments.Length == 1 ? Evaluate(invocation.Arguments[0].Value) : null;
        if (attribute is ErrorValue)
            return attribute;
        if (attribute is not StringValue name || !TerraformNames.IsIdentifier(name.Text))
            return WrongType(invocation, "Condition.Self takes the attribute's Terraform name as a string literal, e.g. \"private_ip\"");
        return new ReferenceValue("self", name.Text);
    }

    private Value Repeat(IInvocationOperation invocation)
    {
        if (invocation.Arguments.Length != 2)
            return Fail(invocation, "Repeat.For takes the items (or a count) and a lambda");
        var source = Evaluate(invocation.Arguments[0].Value);
        if (source is ErrorValue)
            return source;
        IEnumerable<Value> items;
        if (source is ListValue list)
            items = list.Items;
        else if (source is NumberValue count && int.TryParse(count.Text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var n) && n >= 0 && n <= 10_000)
            items = Enumerable.Range(0, n).Select(i => (Value)new NumberValue(i.ToString(System.Globalization.CultureInfo.InvariantCulture), true));
        else
            return WrongType(invocation.Arguments[0], "Repeat.For needs a list or a count from 0 to 10,000 known at compile time");

        var make = invocation.Arguments[1].Value;
        while (make is IDelegateCreationOperation delegateCreation)
            make = delegateCreation.Target;
        var results = new List<Value>();
        foreach (var item in items)
        {
            Value result;
            switch (make)
            {
                case IAnonymousFunctionOperation lambda when lambda.Symbol.Parameters.Length == 1:
                    result = Lambda(lambda, item);
                    break;
                case IMethodReferenceOperation reference:
                    result = Call(reference.Method, new List<Value> { item }, reference);
                    break;
                default:
                    return Fail(make, "Repeat.For takes a lambda with one parameter, or an [InfraFunction]");
            }
            if (result is ErrorValue)
                return result;
            results.Add(result);
        }
        return new ListValue(results.ToEquatableArray());
    }

    private Value Lambda(IAnonymousFunctionOperation lambda, Value argument)
    {
        var body = SingleReturn(lambda.Body);
        if (body is null)
            return Fail(lambda, "the lambda must be a single expression");
        return WithScope(new[] { ((ISymbol)lambda.Symbol.Parameters[0].OriginalDefinition, argument) }, () => Evaluate(body));
    }

    private static IOperation? SingleReturn(IBlockOperation block) =>
        block.Operations.Length == 1 && block.Operations[0] is IReturnOperation { ReturnedValue: { } value } ? value : null;

    private Value Call(IMethodSymbol method, List<Value> arguments, IOperation at)
    {
        if (arguments.Any(a => a is ErrorValue))
            return ErrorValue.Instance;
        var definition = method.OriginalDefinition;
        var body = InfraFunctionBody(definition);
        if (!definition.IsStatic || body is null)
            return Fail(at, $"[InfraFunction] '{method.Name}' must be a static method whose body is one expression, declared in this project");
        if (definition.Parameters.Length != arguments.Count)
            return Fail(at, "params arrays are not supported in an [InfraFunction]");
        if (callDepth >= MaxCallDepth)
            return Fail(at, $"[InfraFunction] calls are nested more than {MaxCallDepth} deep (unbounded recursion?)");

        var bindings = definition.Parameters.Select((p, i) => ((ISymbol)p, arguments[i])).ToArray();
        callDepth++;
        try
        {
            // A function body sees only its parameters, not the caller's lambda parameters.
            var outer = scope;
            scope = new Dictionary<ISymbol, Value>(SymbolEqualityComparer.Default);
            try
            {
                return WithScope(bindings, () => Evaluate(body));
            }
            finally
            {
                scope = outer;
            }
        }
        finally
        {
            callDepth--;
        }
    }

    private IOperation? InfraFunctionBody(IMethodSymbol method)
    {
        foreach (var reference in method.DeclaringSyntaxReferences)
        {
            if (reference.GetSyntax(cancellation) is not MethodDeclarationSyntax declaration)
                continue;
            if (declaration.ExpressionBody is { } arrow)
                return Operation(arrow.Expression);
            if (declaration.Body is { Statements.Count: 1 } block && block.Statements[0] is ReturnStatementSyntax { Expression: { } returned })
                return Operation(returned);
        }
        return null;
    }

    private Value WithScope((ISymbol Parameter, Value Value)[] bindings, Func<Value> evaluate)
    {
        var saved = new List<(ISymbol, Value?)>();
        foreach (var (parameter, value) in bindings)
        {
            saved.Add((parameter, scope.TryGetValue(parameter, out var old) ? old : null));
            scope[parameter] = value;
        }
        try
        {
            return evaluate();
        }
        finally
        {
            foreach (var (parameter, old) in saved)
            {
                if (old is null)
                    scope.Remove(parameter);
                else
                    scope[parameter] = old;
            }
        }
    }

    private Value StringMethod(IInvocationOperation invocation)
    {
        var method = invocation.TargetMethod;
        var instance = invocation.Instance is null ? null : Evaluate(invocation.Instance);
        var arguments = invocation.Arguments.Select(a => ScalarOnly(Evaluate(a.Value), a.Value)).ToList();
        if (instance is ErrorValue || arguments.Any(a => a is ErrorValue))
            return ErrorValue.Instance;
        if (method.Name is "ToLower" or "ToUpper")
            return Fail(invocation, $"{method.Name}() depends on the build machine's culture; use {method.Name}Invariant()");

        if (method.Name == "ToString" && arguments.Count == 0 && instance is StringValue or NumberValue or BoolValue)
            return FormatPart(instance!, null);
        if (instance is StringValue text)
        {
            try
            {
                if (KnownStringMethod(invocation, text.Text, arguments) is { } result)
                    return result;
            }
            catch (System.Exception exception) when (exception is System.ArgumentException or System.FormatException or System.OverflowException)
            {
                // What the method would have thrown at run time, said at the call instead of as a bug in DslInfra.
                return WrongType(invocation, $"{method.Name} fails on these arguments ({exception.GetType().Name}: {FirstLine(exception.Message)})");
            }
        }
        if (instance is null && method.Name == "Join" && arguments.Count == 2 && arguments[0] is StringValue separator && arguments[1] is ListValue parts)
            return JoinParts(separator.Text, parts.Items, invocation);
        if (instance is null && method.Name == "Concat")
            return Concatenate(arguments.Select(a => FormatPart(a, null)), invocation);
        return Fail(invocation, "of string methods the generator runs ToLowerInvariant, ToUpperInvariant, Trim, Replace, Substring, string.Join and string.Concat on known strings");
    }

    /// <summary>The pure string methods the generator runs, or null for one it does not.</summary>
    private Value? KnownStringMethod(IInvocationOperation invocation, string text, List<Value> arguments)
    {
        var strings = arguments.OfType<StringValue>().Select(s => s.Text).ToList();
        var allStrings = strings.Count == arguments.Count;
        switch (invocation.TargetMethod.Name)
        {
            case "ToLowerInvariant" when arguments.Count == 0: return Text(text.ToLowerInvariant(), invocation);
            case "ToUpperInvariant" when arguments.Count == 0: return Text(text.ToUpperInvariant(), invocation);
            case "Trim" when arguments.Count == 0: return Text(text.Trim(), invocation);
            case "Replace" when arguments.Count == 2 && allStrings && strings[0].Length > 0:
                // At most every occurrence replaced: refuse before making a string past the budget.
                var most = text.Length + (long)(text.Length / strings[0].Length) * System.Math.Max(0, strings[1].Length - strings[0].Length);
                return TooLong(most, invocation) ?? Text(text.Replace(strings[0], strings[1]), invocation);
            case "Substring" when arguments.Count is 1 or 2 && arguments.All(a => a is NumberValue):
                var numbers = arguments.Cast<NumberValue>().Select(n => long.Parse(n.Text, System.Globalization.CultureInfo.InvariantCulture)).ToList();
                var start = numbers[0];
                var length = numbers.Count > 1 ? numbers[1] : text.Length - start;
                return start < 0 || length < 0 || start + length > text.Length
                    ? WrongType(invocation, $"the substring ({start}, {length}) is outside the string of {text.Length} characters")
                    : Text(text.Substring((int)start, (int)length), invocation);
        }
        return null;
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOfAny(['\r', '\n']);
        return end < 0 ? message : message.Substring(0, end);
    }

    private Value JoinParts(string separator, EquatableArray<Value> items, IOperation at)
    {
        var parts = new List<Value>();
        for (var i = 0; i < items.Count; i++)
        {
            if (i > 0)
                parts.Add(new StringValue(separator));
            parts.Add(FormatPart(items[i], null));
        }
        return Concatenate(parts, at);
    }
}
