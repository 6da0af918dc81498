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
                return TemplateText(template, EscapeTemplate);
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
                return "\"" + TemplateText(template, literal => QuotedBody(literal)) + "\"";
            case BinaryValue binary:
                var operation = Expression(binary.Left, true) + " " + binary.Operator + " " + Expression(binary.Right, true);
                return nested ? "(" + operation + ")" : operation;
            case UnaryValue unary:
                return unary.Operator + Expression(unary.Operand, true);
            case ConditionalValue conditional:
                var choice = Expression(conditional.Condition, true) + " ? " + Expression(conditional.WhenTrue, true) + " : " + Expression(conditional.WhenFalse, true);
                return nested ? "(" + choice + ")" : choice;
            case ForValue loop:
                var body = "for " + loop.Iterator + " in " + Expression(loop.Collection, true) + " : "
                    + (loop.Key is null ? "" : Expression(loop.Key, true) + " => ") + Expression(loop.Result, true)
                    + (loop.Where is null ? "" : " if " + Expression(loop.Where, true));
                return loop.Key is null ? "[" + body + "]" : "{" + body + "}";
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

    /// <summary>
    /// The body of a template: literal runs escaped by <paramref name="escape"/>, other parts as <c>${…}</c>. A literal
    /// that ends in <c>$</c> right before an interpolation would turn it into the escape <c>$${</c>, so those
    /// dollars are written inside an interpolation of their own (<c>${"$"}</c>): the text and the reference both survive.
    /// </summary>
    private static string TemplateText(TemplateValue template, System.Func<string, string> escape)
    {
        var builder = new StringBuilder();
        var parts = template.Parts;
        for (var i = 0; i < parts.Count; i++)
        {
            if (parts[i] is not StringValue literal)
            {
                builder.Append("${").Append(Expression(parts[i])).Append('}');
                continue;
            }
            var text = literal.Text;
            var dollars = 0;
            if (i + 1 < parts.Count && parts[i + 1] is not StringValue)
                while (dollars < text.Length && text[text.Length - 1 - dollars] == '$')
                    dollars++;
            builder.Append(escape(text.Substring(0, text.Length - dollars)));
            if (dollars > 0)
                builder.Append("${\"").Append('$', dollars).Append("\"}");
        }
        return builder.ToString();
    }

    /// <summary>A quoted Terraform string literal: escapes as HCL's native syntax reads them, template sequences escaped.</summary>
    private static string Quoted(string text) => "\"" + QuotedBody(text) + "\"";

    private static string QuotedBody(string text)
    {
        var builder = new StringBuilder();
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
        return builder.ToString();
    }
}
