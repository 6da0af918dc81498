using System.Text;
using System.Text.Json;
using System.Text.Unicode;

namespace DslInfra.Cli.Plans;

/// <summary>
/// What every JSON input of dslinfra must be, beyond RFC 8259 syntax, for a gate that cannot be fooled: each object's
/// keys distinct (otherwise readers disagree on which value counts), every string valid UTF-8 with no escaped lone
/// surrogate, and no single value past <see cref="MaxToken"/>. Shared by the streaming plan reader and the manifest
/// and Terraform JSON readers.
/// </summary>
internal sealed class JsonChecks
{
    /// <summary>The longest single JSON value (one string, number or key) dslinfra reads: 16 MiB.</summary>
    public const int MaxToken = 16 << 20;

    private readonly List<HashSet<string>> keys = [];

    /// <summary>Checks one token the reader has just read; throws <see cref="JsonException"/> with a one-line reason.</summary>
    public void Check(ref Utf8JsonReader reader)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject:
                keys.Add(new HashSet<string>(StringComparer.Ordinal));
                break;
            case JsonTokenType.EndObject:
                keys.RemoveAt(keys.Count - 1);
                break;
            case JsonTokenType.PropertyName:
                var name = Text(ref reader);
                if (keys.Count > 0 && !keys[^1].Add(name))
                    throw new JsonException($"the key \"{Excerpt(name)}\" appears twice in one object; every reader must see one value");
                break;
            case JsonTokenType.String:
                if (reader.ValueIsEscaped)
                    Text(ref reader);
                else if (!Utf8.IsValid(reader.ValueSpan))
                    throw new JsonException($"a string is not valid UTF-8");
                break;
        }
    }

    /// <summary>A string token's text; invalid UTF-8 or an escaped lone surrogate is an error, never a U+FFFD.</summary>
    public static string Text(ref Utf8JsonReader reader)
    {
        if (!reader.ValueIsEscaped && !Utf8.IsValid(reader.ValueSpan))
            throw new JsonException($"a string is not valid UTF-8");
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new JsonException($"a string holds an escaped lone surrogate or invalid UTF-8");
        }
    }

    /// <summary>At most 60 characters of a value, on one line, for a message.</summary>
    public static string Excerpt(string text)
    {
        var line = text.Replace("\r", "\\r").Replace("\n", "\\n");
        return line.Length <= 60 ? line : line.Substring(0, 57) + "...";
    }

    /// <summary>A reader's message on one short line: System.Text.Json can quote long stretches of the input.</summary>
    public static string Reason(Exception exception)
    {
        var message = exception.Message.Split('\n')[0].Trim().TrimEnd('.');
        return message.Length <= 200 ? message : message.Substring(0, 197) + "...";
    }

    /// <summary>Why these first bytes are not UTF-8 JSON (UTF-16 or UTF-32), or null; a UTF-8 BOM is fine.</summary>
    public static string? WrongEncoding(ReadOnlySpan<byte> start)
    {
        if (start.Length >= 2 && (start[0] == 0xFF && start[1] == 0xFE || start[0] == 0xFE && start[1] == 0xFF))
            return "it is UTF-16 (it starts with a UTF-16 byte order mark); save it as UTF-8, as `terraform show -json` writes it";
        if (start.Length >= 2 && (start[0] == 0 || start[1] == 0))
            return "it is UTF-16 or UTF-32 (it has zero bytes between characters); save it as UTF-8, as `terraform show -json` writes it";
        return null;
    }

    public static bool HasUtf8Bom(ReadOnlySpan<byte> start) => start.Length >= 3 && start[0] == 0xEF && start[1] == 0xBB && start[2] == 0xBF;

    /// <summary>A small JSON document (a manifest, a main.tf.json) read whole with every check above.</summary>
    public static JsonDocument Parse(byte[] bytes, string where)
    {
        var span = bytes.AsSpan();
        if (WrongEncoding(span) is { } encoding)
            throw new Review.InputException($"{where}: {encoding}.");
        if (HasUtf8Bom(span))
            span = span.Slice(3);
        try
        {
            var checks = new JsonChecks();
            var reader = new Utf8JsonReader(span, new JsonReaderOptions { MaxDepth = 256 });
            while (reader.Read())
            {
                if (reader.HasValueSequence || reader.ValueSpan.Length > MaxToken)
                    throw new JsonException($"a single value is longer than {MaxToken >> 20} MiB, dslinfra's limit");
                checks.Check(ref reader);
            }
            return JsonDocument.Parse(span.ToArray(), new JsonDocumentOptions { MaxDepth = 256 });
        }
        catch (JsonException exception)
        {
            throw new Review.InputException($"{where}: not valid JSON ({Reason(exception)}).");
        }
    }

    public static JsonDocument Parse(string text, string where) => Parse(Encoding.UTF8.GetBytes(text), where);
}

/// <summary>Input that is not UTF-8 at all: said as such, not as a JSON syntax error at byte 0.</summary>
internal sealed class JsonEncodingException(string message) : Exception(message);
