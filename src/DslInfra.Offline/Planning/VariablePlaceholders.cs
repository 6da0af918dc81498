using System.Text.Json.Nodes;

namespace DslInfra.Offline.Planning;

/// <summary>
/// Values for what only a real deployment would give an offline plan: variables without a default (from their type
/// constraint) and other stacks' outputs that are not known yet.
/// </summary>
internal static class VariablePlaceholders
{
    /// <summary>A value of the Terraform type constraint <paramref name="type"/> (as a variable block writes it), e.g. object({ a = string, b = optional(number) }).</summary>
    public static JsonNode? ForType(string type)
    {
        var position = 0;
        try
        {
            return Parse(type, ref position, depth: 0);
        }
        catch (FormatException)
        {
            return JsonValue.Create("placeholder");
        }
    }

    private static JsonNode? Parse(string text, ref int position, int depth)
    {
        if (depth > 32)
            throw new FormatException("type nested too deep");
        var name = Word(text, ref position);
        switch (name)
        {
            case "string":
                return JsonValue.Create("placeholder");
            case "number":
                return JsonValue.Create(1);
            case "bool":
                return JsonValue.Create(false);
            case "any":
                return JsonValue.Create("placeholder");
            case "list" or "set" or "tuple" or "map":
                Skip(text, ref position);
                return name == "map" ? new JsonObject() : new JsonArray();
            case "optional":
            {
                Expect(text, ref position, '(');
                var inner = Parse(text, ref position, depth + 1);
                Skip(text, ref position, alreadyOpen: true);
                return inner;
            }
            case "object":
            {
                Expect(text, ref position, '(');
                Expect(text, ref position, '{');
                var obj = new JsonObject();
                while (true)
                {
                    Spaces(text, ref position);
                    if (position < text.Length && text[position] == '}')
                    {
                        position++;
                        break;
                    }
                    var attribute = Word(text, ref position);
                    Expect(text, ref position, '=');
                    Spaces(text, ref position);
                    var optional = text.AsSpan(position).StartsWith("optional(");
                    var value = Parse(text, ref position, depth + 1);
                    if (!optional)
                        obj[attribute] = value; // an optional attribute is left to its default
                    Spaces(text, ref position);
                    if (position < text.Length && text[position] == ',')
                        position++;
                }
                Expect(text, ref position, ')');
                return obj;
            }
            default:
                throw new FormatException($"unknown type '{name}'");
        }
    }

    private static string Word(string text, ref int position)
    {
        Spaces(text, ref position);
        var start = position;
        while (position < text.Length && (char.IsLetterOrDigit(text[position]) || text[position] is '_' or '-'))
            position++;
        if (position == start)
            throw new FormatException("a name was expected");
        return text[start..position];
    }

    private static void Expect(string text, ref int position, char wanted)
    {
        Spaces(text, ref position);
        if (position >= text.Length || text[position] != wanted)
            throw new FormatException($"'{wanted}' was expected");
        position++;
    }

    /// <summary>Skips a parenthesized argument list (or the rest of one already open), strings and nesting included.</summary>
    private static void Skip(string text, ref int position, bool alreadyOpen = false)
    {
        if (!alreadyOpen)
            Expect(text, ref position, '(');
        var depth = 1;
        while (position < text.Length && depth > 0)
        {
            var c = text[position++];
            if (c == '"')
            {
                while (position < text.Length && text[position++] is var s && s != '"')
                {
                    if (s == '\\')
                        position++;
                }
            }
            else if (c is '(' or '{' or '[')
            {
                depth++;
            }
            else if (c is ')' or '}' or ']')
            {
                depth--;
            }
        }
        if (depth > 0)
            throw new FormatException("unbalanced type");
    }

    private static void Spaces(string text, ref int position)
    {
        while (position < text.Length && char.IsWhiteSpace(text[position]))
            position++;
    }

    /// <summary>Another stack's output that its plan does not know yet: a list for a plural name, else a string.</summary>
    public static JsonNode ForOutput(string name) =>
        name.EndsWith("ids", StringComparison.Ordinal) || name.EndsWith("arns", StringComparison.Ordinal) || name.EndsWith("s", StringComparison.Ordinal) && !name.EndsWith("ss", StringComparison.Ordinal)
            ? new JsonArray(JsonValue.Create(name + "-placeholder-0"), JsonValue.Create(name + "-placeholder-1"))
            : JsonValue.Create(name + "-placeholder")!;
}
