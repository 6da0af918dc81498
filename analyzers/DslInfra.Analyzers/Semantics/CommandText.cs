using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Operations;

namespace DslInfra.Analyzers.Semantics;

/// <summary>The values a helper's parameters have at one call site: how a command line assembled by a caller is read.</summary>
internal sealed class Binding(IReadOnlyDictionary<IParameterSymbol, IOperation> values, Binding? outer)
{
    public bool TryGet(IParameterSymbol parameter, out IOperation value, out Binding? scope)
    {
        scope = outer;
        return values.TryGetValue(parameter.OriginalDefinition, out value!) || values.TryGetValue(parameter, out value!);
    }
}

/// <summary>
/// The text a string-valued expression evaluates to, as far as the code shows it without running: literals and
/// constants, interpolation, concatenation, string.Format/Join/Concat, Path.Combine, arrays, lists and collection
/// expressions of words, and locals through their initializers. What cannot be known becomes <see cref="Unknown"/>.
/// </summary>
internal static class CommandText
{
    /// <summary>Stands for a part whose value the code does not show (a variable, a call's result).</summary>
    public const char Unknown = '\u2026';

    private const int MaxDepth = 8;

    public static string Of(IOperation? operation, Binding? binding) => Evaluate(operation, binding, 0) ?? Unknown.ToString();

    /// <summary>The words of a list-like value (string[], List&lt;string&gt;, a collection expression), or null when it is not one.</summary>
    public static List<string>? Items(IOperation? operation, Binding? binding, int depth = 0)
    {
        operation = Unwrap(operation);
        switch (operation)
        {
            case IArrayCreationOperation { Initializer: { } initializer }:
                return initializer.ElementValues.Select(e => Evaluate(e, binding, depth + 1) ?? Unknown.ToString()).ToList();
            case ICollectionExpressionOperation collection:
                return collection.Elements.Select(e => e is ISpreadOperation ? Unknown.ToString() : Evaluate(e, binding, depth + 1) ?? Unknown.ToString()).ToList();
            case IObjectCreationOperation { Initializer: IObjectOrCollectionInitializerOperation initializer }:
                return initializer.Initializers.OfType<IInvocationOperation>()
                    .SelectMany(add => add.Arguments.Select(a => Evaluate(a.Value, binding, depth + 1) ?? Unknown.ToString())).ToList();
            case IObjectCreationOperation creation when creation.Type is INamedTypeSymbol { IsGenericType: true }:
                return [];
            case ILocalReferenceOperation local when depth < MaxDepth && Initializer(local) is { } initial:
                return Items(initial, binding, depth + 1);
            case IParameterReferenceOperation parameter when binding is not null && binding.TryGet(parameter.Parameter, out var value, out var scope):
                return Items(value, scope, depth + 1);
            default:
                return null;
        }
    }

    private static string? Evaluate(IOperation? operation, Binding? binding, int depth)
    {
        operation = Unwrap(operation);
        if (operation is null || depth > MaxDepth)
            return null;
        if (operation.ConstantValue is { HasValue: true, Value: { } constant })
            return constant switch { string s => s, char c => c.ToString(), IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture), _ => null };
        switch (operation)
        {
            case IInterpolatedStringOperation interpolated:
            {
                var text = new StringBuilder();
                foreach (var part in interpolated.Parts)
                    text.Append(part switch
                    {
                        IInterpolatedStringTextOperation literal => Evaluate(literal.Text, binding, depth + 1),
                        IInterpolationOperation hole => Evaluate(hole.Expression, binding, depth + 1) ?? Unknown.ToString(),
                        _ => Unknown.ToString(),
                    });
                return text.ToString();
            }
            case IBinaryOperation { OperatorKind: BinaryOperatorKind.Add } add when add.Type?.SpecialType == SpecialType.System_String:
                return (Evaluate(add.LeftOperand, binding, depth + 1) ?? Unknown.ToString()) + (Evaluate(add.RightOperand, binding, depth + 1) ?? Unknown.ToString());
            case IInvocationOperation call when call.TargetMethod.ContainingType?.SpecialType == SpecialType.System_String:
                return StringMethod(call, binding, depth);
            case IInvocationOperation { TargetMethod: { Name: "Combine", ContainingType: { Name: "Path" } } } combine:
                return string.Join("\\", Arguments(combine, binding, depth));
            case IArrayCreationOperation or ICollectionExpressionOperation or IObjectCreationOperation:
                return Items(operation, binding, depth) is { } items ? string.Join(" ", items) : null;
            case ILocalReferenceOperation local when Initializer(local) is { } initial:
                return Evaluate(initial, binding, depth + 1);
            case IParameterReferenceOperation parameter when binding is not null && binding.TryGet(parameter.Parameter, out var value, out var scope):
                return Evaluate(value, scope, depth + 1);
            default:
                return null;
        }
    }

    private static string? StringMethod(IInvocationOperation call, Binding? binding, int depth)
    {
        var values = call.Arguments.Select(a => a.Value).ToList();
        switch (call.TargetMethod.Name)
        {
            case "Format" when values.Count > 0:
            {
                var first = values[0].Type?.SpecialType == SpecialType.System_String ? 0 : 1;   // Format(IFormatProvider, …)
                if (first >= values.Count || Evaluate(values[first], binding, depth + 1) is not { } format)
                    return null;
                var holes = values.Skip(first + 1).SelectMany(v => Items(v, binding, depth + 1) ?? [Evaluate(v, binding, depth + 1) ?? Unknown.ToString()]).ToList();
                var result = new StringBuilder();
                for (var i = 0; i < format.Length; i++)
                {
                    if (format[i] == '{' && i + 1 < format.Length && format[i + 1] == '{') { result.Append('{'); i++; continue; }
                    if (format[i] == '}' && i + 1 < format.Length && format[i + 1] == '}') { result.Append('}'); i++; continue; }
                    if (format[i] != '{') { result.Append(format[i]); continue; }
                    var close = format.IndexOf('}', i);
                    if (close < 0) { result.Append(format, i, format.Length - i); break; }
                    var spec = format.Substring(i + 1, close - i - 1).Split(',', ':')[0];
                    result.Append(int.TryParse(spec, out var index) && index < holes.Count ? holes[index] : Unknown.ToString());
                    i = close;
                }
                return result.ToString();
            }
            case "Join" when values.Count >= 2:
                return string.Join(Evaluate(values[0], binding, depth + 1) ?? " ", values.Skip(1).SelectMany(v => Items(v, binding, depth + 1) ?? [Evaluate(v, binding, depth + 1) ?? Unknown.ToString()]));
            case "Concat":
                return string.Concat(values.SelectMany(v => Items(v, binding, depth + 1) ?? [Evaluate(v, binding, depth + 1) ?? Unknown.ToString()]));
            default:
                return null;
        }
    }

    private static IEnumerable<string> Arguments(IInvocationOperation call, Binding? binding, int depth) =>
        call.Arguments.SelectMany(a => Items(a.Value, binding, depth + 1) ?? [Evaluate(a.Value, binding, depth + 1) ?? Unknown.ToString()]);

    private static IOperation? Unwrap(IOperation? operation)
    {
        while (operation is IConversionOperation conversion)
            operation = conversion.Operand;
        return operation is IArgumentOperation argument ? Unwrap(argument.Value) : operation;
    }

    /// <summary>The value a local was declared with, in the same member (later assignments are not followed); a foreach variable's collection.</summary>
    public static IOperation? Initializer(ILocalReferenceOperation local)
    {
        if (local.SemanticModel is not { } model)
            return null;
        foreach (var reference in local.Local.DeclaringSyntaxReferences)
            switch (reference.GetSyntax())
            {
                case VariableDeclaratorSyntax { Initializer.Value: { } value } when value.SyntaxTree == model.SyntaxTree:
                    return model.GetOperation(value);
                // foreach (var arg in new[] { "exec", pod, "--", "sh" }): the loop's items, in order.
                case ForEachStatementSyntax loop when loop.SyntaxTree == model.SyntaxTree:
                    return model.GetOperation(loop.Expression);
            }
        return null;
    }
}
