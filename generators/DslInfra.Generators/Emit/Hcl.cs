using System.Globalization;
using System.Linq;
using System.Text;
using DslInfra.Generators.Model;

namespace DslInfra.Generators.Emit;

/// <summary>Renders values as Terraform expressions and template strings.</summary>
internal static class Hcl
{
    /// <summary>
    /// Escapes literal text so that Terraform reads it literally where it reads strings as templates:
    /// <c>${</c> becomes <c>$${</c> and <c>%{</c> becomes <c>%%{</c>.
    /// </summary>
    public static string EscapeTemplate(string text) =>
        text.IndexOf('{') < 0 ? text : text.Replace("${", "$${").Replace("%{", "%%{");

    /// <summary>The JSON string Terraform reads as this value: literal text escaped, expressions as <c>${…}</c>.</summary>
    public static string Template(Value value)
    {
        switch (value)
        {
            case StringValue text:
                return EscapeTemplate(text.Text);
            case TemplateValue template:
                var builder = new StringBuilder();
                foreach (var part in template.Parts)
                    builder.Append(part is StringValue literal ? EscapeTemplate(literal.Text) : "${" + Expression(part) + "}");
                return builder.ToString();
            default:
                return "${" + Expression(value) + "}";
        }
    }

    /// <summary>The value as a Terraform expression, e.g. <c>var.count * 2</c>.</summary>
    public static string Expression(Value value, bool nested = false)
    {
        switch (value)
        {
            case ReferenceValue reference:
                return reference.Expression;
            case StringValue text:
                return Quoted(text.Text);
            case NumberValue number:
                return number.Text;
            case BoolValue flag:
                return flag.Flag ? "true" : "false";
            case TemplateValue template:
                var builder = new StringBuilder("\"");
                foreach (var part in template.Parts)
                    builder.Append(part is StringValue literal ? Quoted(literal.Text).Trim('"') : "${" + Expression(part) + "}");
                return builder.Append('"').ToString();
            case BinaryValue binary:
                var operation = Expression(binary.Left, true) + " " + binary.Operator + " " + Expression(binary.Right, true);
                return nested ? "(" + operation + ")" : operation;
            case UnaryValue unary:
                return unary.Operator + Expression(unary.Operand, true);
            case ConditionalValue conditional:
                var choice = Expression(conditional.Condition, true) + " ? " + Expression(conditional.WhenTrue, true) + " : " + Expression(conditional.WhenFalse, true);
                return nested ? "(" + choice + ")" : choice;
            case FunctionValue function:
                return function.Name + "(" + string.Join(", ", function.Arguments.Select(a => Expression(a))) + ")";
            case ListValue list:
                return "[" + string.Join(", ", list.Items.Select(i => Expression(i))) + "]";
            case MapValue map:
                return "{" + string.Join(", ", map.Entries.Select(e => Quoted(e.Key) + " = " + Expression(e.Value))) + "}";
            default:
                return "null";
        }
    }

    /// <summary>A quoted Terraform string literal: escapes as HCL's native syntax reads them, template sequences escaped.</summary>
    private static string Quoted(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in EscapeTemplate(text))
        {
            switch (c)
            {
                case '"': builder.Append("\\\""); break;
                case '\\': builder.Append("\\\\"); break;
                case '\n': builder.Append("\\n"); break;
                case '\r': builder.Append("\\r"); break;
                case '\t': builder.Append("\\t"); break;
                default:
                    if (c < 0x20)
                        builder.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    else
                        builder.Append(c);
                    break;
            }
        }
        return builder.Append('"').ToString();
    }
}
