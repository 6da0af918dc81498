using System.Collections.Generic;
using DslInfra.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DslInfra.Generators.Evaluation;

// Strings, arithmetic, comparisons and ?:. Known operands are computed now with C#'s semantics;
// an operand known only at apply time turns the whole operation into a Terraform expression.
internal sealed partial class Evaluator
{
    /// <summary>Evaluates an interpolated string; with <paramref name="quote"/> (a bake's shell command) each hole becomes one shell argument.</summary>
    private Value Interpolation(IInterpolatedStringOperation interpolated, bool quote)
    {
        var parts = new List<Value>();
        foreach (var part in interpolated.Parts)
        {
            switch (part)
            {
                case IInterpolatedStringTextOperation text:
                    parts.Add(Evaluate(text.Text));
                    break;
                case IInterpolationOperation hole:
                    var value = ScalarOnly(Evaluate(hole.Expression), hole.Expression);
                    var format = hole.FormatString is null ? null : (Evaluate(hole.FormatString) as StringValue)?.Text;
                    var alignment = hole.Alignment is null ? null : Evaluate(hole.Alignment) as NumberValue;
                    if (value is ExpressionValue && (format is not null || alignment is not null))
                        return Fail(hole, "a value known only at apply time cannot be formatted or aligned at compile time");
                    if (format is not null && !IsBoundedFormat(format))
                        return WrongType(hole, $"the format '{format}' asks for more than {MaxFormatPrecision} digits");
                    Value formatted;
                    try
                    {
                        formatted = FormatPart(value, format);
                    }
                    catch (System.FormatException exception)
                    {
                        return WrongType(hole, $"'{format}' is not a format .NET accepts for this value ({exception.Message})");
                    }
                    var part2 = Align(formatted, alignment, hole);
                    if (part2 is ErrorValue)
                        return part2;
                    if (quote && part2 is StringValue text2)
                        part2 = Text(ShellQuoting.Quote(text2.Text), hole);
                    else if (quote && part2 is ExpressionValue)
                        return Fail(hole, "a bake's shell command can only use values known at compile time");
                    parts.Add(part2);
                    break;
                default:
                    return Fail(part, "this part of the interpolated string is not supported");
            }
        }
        return Concatenate(parts, interpolated);
    }

    /// <summary>Whether this string is one of the commands of a bake's Shell provisioner (Shell.Inline).</summary>
    private static bool IsShellCommand(IOperation operation)
    {
        for (var parent = operation.Parent; parent is not null; parent = parent.Parent)
        {
            switch (parent)
            {
                case IConversionOperation or ICollectionExpressionOperation or IArrayInitializerOperation or IArrayCreationOperation:
                    continue;
                case ISimpleAssignmentOperation { Target: IPropertyReferenceOperation target }:
                    return target.Property.Name == "Inline" && target.Property.ContainingType?.ToDisplayString() == "DslInfra.Images.Shell";
                default:
                    return false;
            }
        }
        return false;
    }

    private static Value FormatPart(Value value, string? format) => value switch
    {
        NumberValue number => new StringValue(Numbers.Format(number, format)),
        BoolValue flag => new StringValue(flag.Flag ? "True" : "False"), // what C# prints
        NullValue => new StringValue(""),
        _ => value,
    };

    private const int MaxFormatPrecision = 1000;

    /// <summary>A standard format's precision ("D1000000") would make a string that size: keep it small.</summary>
    private static bool IsBoundedFormat(string format)
    {
        var run = 0L;
        foreach (var c in format)
        {
            run = c is >= '0' and <= '9' ? run * 10 + (c - '0') : 0;
            if (run > MaxFormatPrecision)
                return false;
        }
        return true;
    }

    private Value Align(Value value, NumberValue? alignment, IOperation at)
    {
        if (alignment is null || value is not StringValue text
            || !long.TryParse(alignment.Text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var width))
            return value;
        if (TooLong(System.Math.Abs(width), at) is { } tooLong)
            return tooLong;
        return width < 0 ? Text(text.Text.PadRight((int)-width), at) : Text(text.Text.PadLeft((int)width), at);
    }

    /// <summary>Joins string parts: one literal when all are known, else a Terraform template.</summary>
    private Value Concatenate(IEnumerable<Value> parts, IOperation at)
    {
        var checkedParts = new List<Value>();
        long length = 0;
        foreach (var part in parts)
        {
            if (part is ErrorValue)
                return part;
            length += part is StringValue counted ? counted.Text.Length : 0;
            if (TooLong(length, at) is { } tooLong)
                return tooLong;
            checkedParts.Add(part);
        }
        var joined = Join(checkedParts);
        return joined is StringValue only ? Text(only.Text, at) : joined;
    }

    /// <summary>Parts already checked joined: adjacent text merged, templates flattened; all text makes one string.</summary>
    private static Value Join(List<Value> parts)
    {
        var flattened = new List<Value>();
        foreach (var part in parts)
        {
            if (part is TemplateValue template)
            {
                foreach (var inner in template.Parts)
                    Append(flattened, inner);
            }
            else
            {
                Append(flattened, part);
            }
        }
        if (flattened.Count == 0)
            return new StringValue("");
        return flattened.Count == 1 && flattened[0] is StringValue only ? only : new TemplateValue(flattened.ToEquatableArray());
    }

    private static void Append(List<Value> parts, Value part)
    {
        if (part is NullValue)
            return;
        if (part is StringValue text && parts.Count > 0 && parts[parts.Count - 1] is StringValue previous)
            parts[parts.Count - 1] = new StringValue(previous.Text + text.Text);
        else
            parts.Add(part);
    }

    private Value Binary(IBinaryOperation binary)
    {
        var left = ScalarOnly(Evaluate(binary.LeftOperand), binary.LeftOperand);
        var right = ScalarOnly(Evaluate(binary.RightOperand), binary.RightOperand);
        if (left is ErrorValue || right is ErrorValue)
            return ErrorValue.Instance;

        if (binary.OperatorKind == BinaryOperatorKind.Add && ValueType(binary.Type)?.SpecialType == SpecialType.System_String)
            return Concatenate(new[] { FormatPart(left, null), FormatPart(right, null) }, binary);

        if (ValueType(binary.Type)?.SpecialType == SpecialType.System_String
            && binary.OperatorKind is BinaryOperatorKind.Subtract or BinaryOperatorKind.Multiply or BinaryOperatorKind.Divide or BinaryOperatorKind.Remainder)
            return WrongType(binary, "Terraform has no arithmetic on strings: join them with + or an interpolated string, or convert with Fn.Tonumber");

        if (left is ExpressionValue || right is ExpressionValue)
            return Deferred(binary, left, right);

        return (left, right) switch
        {
            (NumberValue a, NumberValue b) => Arithmetic(binary, a, b),
            (BoolValue a, BoolValue b) => Logic(binary, a.Flag, b.Flag),
            _ => Equality(binary, left, right),
        };
    }

    private Value Deferred(IBinaryOperation binary, Value left, Value right)
    {
        var symbol = HclOperator(binary.OperatorKind);
        if (symbol is null)
            return Fail(binary, "Terraform has no such operator");
        var result = new BinaryValue(symbol, left, right);
        // C# divides integers by truncating; Terraform always divides exactly.
        var integral = ValueType(binary.Type)?.SpecialType is SpecialType.System_Int32 or SpecialType.System_Int64;
        return binary.OperatorKind == BinaryOperatorKind.Divide && integral
            ? new FunctionValue("floor", new Value[] { result }.ToEquatableArray())
            : result;
    }

    /// <summary>
    /// The C# type a value has in Terraform: <c>T</c> of the DSL's <c>Expr&lt;T&gt;</c>, <c>Variable&lt;T&gt;</c> and
    /// <c>Local&lt;T&gt;</c> (whose operators are Terraform's), the type itself otherwise.
    /// </summary>
    private static ITypeSymbol? ValueType(ITypeSymbol? type) =>
        type is INamedTypeSymbol { TypeArguments.Length: 1, Name: "Expr" or "Variable" or "Local" or "Reference" or "Operation", ContainingNamespace: { Name: "DslInfra", ContainingNamespace.IsGlobalNamespace: true } } named
            ? named.TypeArguments[0]
            : type;

    private static string? HclOperator(BinaryOperatorKind kind) => kind switch
    {
        BinaryOperatorKind.Add => "+",
        BinaryOperatorKind.Subtract => "-",
        BinaryOperatorKind.Multiply => "*",
        BinaryOperatorKind.Divide => "/",
        BinaryOperatorKind.Remainder => "%",
        BinaryOperatorKind.Equals => "==",
        BinaryOperatorKind.NotEquals => "!=",
        BinaryOperatorKind.LessThan => "<",
        BinaryOperatorKind.LessThanOrEqual => "<=",
        BinaryOperatorKind.GreaterThan => ">",
        BinaryOperatorKind.GreaterThanOrEqual => ">=",
        BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.And => "&&",
        BinaryOperatorKind.ConditionalOr or BinaryOperatorKind.Or => "||",
        _ => null,
    };

    private Value Arithmetic(IBinaryOperation binary, NumberValue a, NumberValue b)
    {
        if (!Numbers.TryDecimal(a, out var x) || !Numbers.TryDecimal(b, out var y))
            return Fail(binary, "the numbers are out of the range the generator computes with");
        var integral = a.IsInteger && b.IsInteger;
        try
        {
            switch (binary.OperatorKind)
            {
                case BinaryOperatorKind.Add: return Numbers.FromDecimal(x + y, integral);
                case BinaryOperatorKind.Subtract: return Numbers.FromDecimal(x - y, integral);
                case BinaryOperatorKind.Multiply: return Numbers.FromDecimal(x * y, integral);
                case BinaryOperatorKind.Divide when y == 0:
                case BinaryOperatorKind.Remainder when y == 0:
                    return WrongType(binary, "division by zero");
                case BinaryOperatorKind.Divide: return Numbers.FromDecimal(integral ? decimal.Truncate(x / y) : x / y, integral);
                case BinaryOperatorKind.Remainder: return Numbers.FromDecimal(x % y, integral);
                case BinaryOperatorKind.Equals: return new BoolValue(x == y);
                case BinaryOperatorKind.NotEquals: return new BoolValue(x != y);
                case BinaryOperatorKind.LessThan: return new BoolValue(x < y);
                case BinaryOperatorKind.LessThanOrEqual: return new BoolValue(x <= y);
                case BinaryOperatorKind.GreaterThan: return new BoolValue(x > y);
                case BinaryOperatorKind.GreaterThanOrEqual: return new BoolValue(x >= y);
            }
        }
        catch (System.OverflowException)
        {
            return WrongType(binary, "the result overflows");
        }
        return Fail(binary, "this operator is not supported on numbers");
    }

    private Value Logic(IBinaryOperation binary, bool a, bool b) => binary.OperatorKind switch
    {
        BinaryOperatorKind.ConditionalAnd or BinaryOperatorKind.And => new BoolValue(a && b),
        BinaryOperatorKind.ConditionalOr or BinaryOperatorKind.Or => new BoolValue(a || b),
        BinaryOperatorKind.ExclusiveOr => new BoolValue(a ^ b),
        BinaryOperatorKind.Equals => new BoolValue(a == b),
        BinaryOperatorKind.NotEquals => new BoolValue(a != b),
        _ => Fail(binary, "this operator is not supported on booleans"),
    };

    private Value Equality(IBinaryOperation binary, Value left, Value right) => binary.OperatorKind switch
    {
        BinaryOperatorKind.Equals => new BoolValue(Equals(left, right)),
        BinaryOperatorKind.NotEquals => new BoolValue(!Equals(left, right)),
        _ => Fail(binary, "this operator is not supported on these values"),
    };

    private Value Unary(IUnaryOperation unary)
    {
        var operand = ScalarOnly(Evaluate(unary.Operand), unary.Operand);
        switch (operand)
        {
            case ErrorValue:
                return operand;
            // `enabled ? 1 : 0` on an Expr<bool>: C# asks its operator true, Terraform gets the condition itself.
            case ExpressionValue or BoolValue when unary.OperatorKind is UnaryOperatorKind.True:
                return operand;
            case BoolValue flag when unary.OperatorKind is UnaryOperatorKind.False:
                return new BoolValue(!flag.Flag);
            case ExpressionValue when unary.OperatorKind is UnaryOperatorKind.Minus or UnaryOperatorKind.Not:
                return new UnaryValue(unary.OperatorKind == UnaryOperatorKind.Minus ? "-" : "!", operand);
            case NumberValue number when unary.OperatorKind == UnaryOperatorKind.Plus:
                return number;
            case NumberValue number when unary.OperatorKind == UnaryOperatorKind.Minus && Numbers.TryDecimal(number, out var value):
                return Numbers.FromDecimal(-value, number.IsInteger);
            case BoolValue flag when unary.OperatorKind == UnaryOperatorKind.Not:
                return new BoolValue(!flag.Flag);
        }
        return Fail(unary, "this operator is not supported here");
    }

    private Value Conditional(IConditionalOperation conditional)
    {
        var condition = ScalarOnly(Evaluate(conditional.Condition), conditional.Condition);
        switch (condition)
        {
            case ErrorValue:
                return condition;
            case BoolValue flag:
                return Evaluate(flag.Flag ? conditional.WhenTrue : conditional.WhenFalse);
            case ExpressionValue when ConditionalBlock(conditional, condition) is { } block:
                return block;
            case ExpressionValue:
                var whenTrue = ScalarOnly(Evaluate(conditional.WhenTrue), conditional.WhenTrue!);
                var whenFalse = ScalarOnly(Evaluate(conditional.WhenFalse), conditional.WhenFalse!);
                return whenTrue is ErrorValue || whenFalse is ErrorValue
                    ? ErrorValue.Instance
                    : new ConditionalValue(condition, whenTrue, whenFalse);
        }
        return WrongType(conditional.Condition, "a condition must be true or false");
    }

    /// <summary>
    /// <c>Logging = Enabled ? new() { … } : null</c>: a block Terraform decides, which HCL writes as a dynamic block over
    /// <c>cond ? [1] : []</c>. Null when the conditional is not a block on one side and null on the other.
    /// </summary>
    private Value? ConditionalBlock(IConditionalOperation conditional, Value condition)
    {
        if (conditional.Type is null || schemas.For(conditional.Type)?.Type.Kind != DslKind.Block)
            return null;
        var whenTrue = Evaluate(conditional.WhenTrue);
        var whenFalse = Evaluate(conditional.WhenFalse);
        if (whenTrue is ErrorValue || whenFalse is ErrorValue)
            return ErrorValue.Instance;
        var (block, present) = (whenTrue, whenFalse) switch
        {
            (ObjectValue { Type.Kind: DslKind.Block } made, NullValue) => (made, true),
            (NullValue, ObjectValue { Type.Kind: DslKind.Block } made) => (made, false),
            _ => (null, false),
        };
        if (block is null)
            return WrongType(conditional, "a block Terraform decides is a block on one side and null on the other (cond ? new() { … } : null)");
        var one = new ListValue(new Value[] { new NumberValue("1", true) }.ToEquatableArray());
        var none = new ListValue(EquatableArray<Value>.Empty);
        var forEach = new ConditionalValue(condition, present ? one : none, present ? none : one);
        return new ListValue(new Value[] { new DynamicValue(forEach, "enabled", block) }.ToEquatableArray());
    }

    private Value Coalesce(ICoalesceOperation coalesce)
    {
        var value = Evaluate(coalesce.Value);
        return value is NullValue ? Evaluate(coalesce.WhenNull) : value;
    }
}
