using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;

namespace DslInfra.Generators.Emit;

/// <summary>A JSON tree built by the emitters and written in one canonical form.</summary>
internal abstract class Json
{
    public static Json String(string text) => new JsonString(text);

    public static Json Raw(string literal) => new JsonRaw(literal);

    public static Json Bool(bool value) => new JsonRaw(value ? "true" : "false");

    public static readonly Json Null = new JsonRaw("null");
}

internal sealed class JsonString(string text) : Json
{
    public string Text { get; } = text;
}

/// <summary>A number, true, false or null, already in its JSON form.</summary>
internal sealed class JsonRaw(string literal) : Json
{
    public string Literal { get; } = literal;
}

internal sealed class JsonArray : Json
{
    public List<Json> Items { get; } = new();

    public JsonArray Add(Json item)
    {
        Items.Add(item);
        return this;
    }
}

/// <summary>An object whose keys are written in ordinal order, or in insertion order where a format fixes the order.</summary>
internal sealed class JsonObject(bool sorted = true, int capacity = 0) : Json
{
    // Past a few keys, an index: a stack's resources of one type sit in one object, thousands of them, and a scan per
    // added key made writing 10,000 resources quadratic.
    private const int IndexFrom = 16;

    private readonly List<KeyValuePair<string, Json>> properties = new(capacity);
    private Dictionary<string, int>? index;

    public bool Sorted { get; } = sorted;

    public int Count => properties.Count;

    public JsonObject Add(string key, Json value)
    {
        if (IndexOf(key) is var at && at >= 0)
        {
            properties[at] = new KeyValuePair<string, Json>(key, value);
            return this;
        }
        properties.Add(new KeyValuePair<string, Json>(key, value));
        if (index is not null)
        {
            index[key] = properties.Count - 1;
        }
        else if (properties.Count == IndexFrom)
        {
            index = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < properties.Count; i++)
                index[properties[i].Key] = i;
        }
        return this;
    }

    private int IndexOf(string key)
    {
        if (index is not null)
            return index.TryGetValue(key, out var at) ? at : -1;
        for (var i = 0; i < properties.Count; i++)
            if (properties[i].Key == key)
                return i;
        return -1;
    }

    public JsonObject AddIfAny(string key, JsonObject value) => value.Count > 0 ? Add(key, value) : this;

    public JsonObject AddIfAny(string key, JsonArray value) => value.Items.Count > 0 ? Add(key, value) : this;

    public Json? Get(string key) => IndexOf(key) is var at && at >= 0 ? properties[at].Value : null;

    public IEnumerable<KeyValuePair<string, Json>> Properties
    {
        get
        {
            if (!Sorted)
                return properties;
            var copy = new List<KeyValuePair<string, Json>>(properties);
            copy.Sort((a, b) => string.CompareOrdinal(a.Key, b.Key));
            return copy;
        }
    }
}

/// <summary>Writes JSON canonically: two-space indent, LF, a trailing newline, non-ASCII kept, control characters escaped.</summary>
internal static class JsonText
{
    public static string Write(Json root)
    {
        var text = new StringBuilder();
        Write(text, root, 0);
        text.Append('\n');
        return text.ToString();
    }

    private static void Write(StringBuilder text, Json node, int indent)
    {
        switch (node)
        {
            case JsonString s:
                Quote(text, s.Text);
                break;
            case JsonRaw raw:
                text.Append(raw.Literal);
                break;
            case JsonArray array when array.Items.Count == 0:
                text.Append("[]");
                break;
            case JsonArray array:
                text.Append("[\n");
                for (var i = 0; i < array.Items.Count; i++)
                {
                    Indent(text, indent + 1);
                    Write(text, array.Items[i], indent + 1);
                    text.Append(i + 1 < array.Items.Count ? ",\n" : "\n");
                }
                Indent(text, indent);
                text.Append(']');
                break;
            case JsonObject obj when obj.Count == 0:
                text.Append("{}");
                break;
            case JsonObject obj:
                text.Append("{\n");
                var first = true;
                foreach (var property in obj.Properties)
                {
                    if (!first)
                        text.Append(",\n");
                    first = false;
                    Indent(text, indent + 1);
                    Quote(text, property.Key);
                    text.Append(": ");
                    Write(text, property.Value, indent + 1);
                }
                text.Append('\n');
                Indent(text, indent);
                text.Append('}');
                break;
        }
    }

    private static void Indent(StringBuilder text, int indent) => text.Append(' ', indent * 2);

    /// <summary>A JSON string literal (RFC 8259): quotes, backslashes and control characters escaped; lone surrogates escaped so the UTF-8 stays valid.</summary>
    public static void Quote(StringBuilder text, string value)
    {
        text.Append('"');
        for (var i = 0; i < value.Length; i++)
        {
            var c = value[i];
            switch (c)
            {
                case '"': text.Append("\\\""); break;
                case '\\': text.Append("\\\\"); break;
                case '\n': text.Append("\\n"); break;
                case '\r': text.Append("\\r"); break;
                case '\t': text.Append("\\t"); break;
                case '\b': text.Append("\\b"); break;
                case '\f': text.Append("\\f"); break;
                default:
                    if (c < 0x20 || c == '\u2028' || c == '\u2029' || IsLoneSurrogate(value, i))
                        text.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else
                        text.Append(c);
                    break;
            }
        }
        text.Append('"');
    }

    private static bool IsLoneSurrogate(string value, int i)
    {
        var c = value[i];
        if (char.IsHighSurrogate(c))
            return i + 1 >= value.Length || !char.IsLowSurrogate(value[i + 1]);
        if (char.IsLowSurrogate(c))
            return i == 0 || !char.IsHighSurrogate(value[i - 1]);
        return false;
    }
}
