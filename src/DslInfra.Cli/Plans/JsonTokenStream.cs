using System.Text;
using System.Text.Json;

namespace DslInfra.Cli.Plans;

/// <summary>
/// Pull-based JSON tokens over a stream of any size, in a bounded buffer: Utf8JsonReader over chunks,
/// carrying its state across refills. Plans run to hundreds of megabytes; this never holds a DOM. Every token,
/// skipped ones included, passes <see cref="JsonChecks"/>; no single token may pass <see cref="JsonChecks.MaxToken"/>,
/// so memory stays within a few times that whatever the input.
/// </summary>
internal sealed class JsonTokenStream(Stream stream) : IDisposable
{
    private readonly JsonChecks checks = new();
    private bool started;
    private byte[] buffer = new byte[64 * 1024];
    private int start;
    private int end;
    private bool finalBlock;
    private JsonReaderState state;
    private byte[] value = new byte[256];
    private int valueLength;
    private bool valueIsEscaped;

    public JsonTokenType TokenType { get; private set; }

    public int Depth { get; private set; }

    /// <summary>Moves to the next token; false at the end of the document.</summary>
    public bool Read()
    {
        while (true)
        {
            var reader = new Utf8JsonReader(buffer.AsSpan(start, end - start), finalBlock, state);
            if (reader.Read())
            {
                checks.Check(ref reader);
                Capture(ref reader);
                return true;
            }
            if (finalBlock)
                return false;
            Refill();
        }
    }

    /// <summary>Skips the value the current token starts (an object or array with everything in it; a scalar is already whole).</summary>
    public void Skip()
    {
        if (TokenType == JsonTokenType.PropertyName)
            Read();
        if (TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
            return;
        var targetDepth = Depth;
        while (true)
        {
            // One reader per buffered chunk: skipping a large value costs no per-token setup.
            var reader = new Utf8JsonReader(buffer.AsSpan(start, end - start), finalBlock, state);
            while (reader.Read())
            {
                checks.Check(ref reader);
                if (reader.TokenType is JsonTokenType.EndObject or JsonTokenType.EndArray && reader.CurrentDepth == targetDepth)
                {
                    Capture(ref reader);
                    return;
                }
            }
            state = reader.CurrentState;
            start += (int)reader.BytesConsumed;
            if (finalBlock)
                throw new JsonException("The file ends inside an object or array: it is truncated.");
            Refill();
        }
    }

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public string GetString()
    {
        if (!valueIsEscaped)
        {
            try
            {
                return StrictUtf8.GetString(value, 0, valueLength);
            }
            catch (DecoderFallbackException)
            {
                throw new JsonException("a string is not valid UTF-8");
            }
        }
        // Let the reader unescape: wrap the raw bytes in quotes and read them as one string token.
        var quoted = new byte[valueLength + 2];
        quoted[0] = (byte)'"';
        Array.Copy(value, 0, quoted, 1, valueLength);
        quoted[^1] = (byte)'"';
        var reader = new Utf8JsonReader(quoted);
        reader.Read();
        return JsonChecks.Text(ref reader);
    }

    public bool ValueEquals(ReadOnlySpan<byte> utf8) => !valueIsEscaped && value.AsSpan(0, valueLength).SequenceEqual(utf8);

    private void Capture(ref Utf8JsonReader reader)
    {
        TokenType = reader.TokenType;
        Depth = reader.CurrentDepth;
        if (TokenType is JsonTokenType.String or JsonTokenType.PropertyName or JsonTokenType.Number)
        {
            var span = reader.ValueSpan;
            if (span.Length > value.Length)
                value = new byte[Math.Max(span.Length, value.Length * 2)];
            span.CopyTo(value);
            valueLength = span.Length;
            valueIsEscaped = reader.ValueIsEscaped;
        }
        state = reader.CurrentState;
        start += (int)reader.BytesConsumed;
    }

    private void Refill()
    {
        Compact();
        var remaining = end - start;
        if (start > 0)
        {
            Array.Copy(buffer, start, buffer, 0, remaining);
            start = 0;
            end = remaining;
        }
        if (end == buffer.Length)
        {
            // One token larger than the buffer: grow, but never past the limit.
            if (buffer.Length >= JsonChecks.MaxToken + 64 * 1024)
                throw new JsonException($"a single value is longer than {JsonChecks.MaxToken >> 20} MiB, dslinfra's limit for one JSON value");
            Array.Resize(ref buffer, Math.Min(buffer.Length * 2, JsonChecks.MaxToken + 64 * 1024));
        }
        var read = stream.Read(buffer, end, buffer.Length - end);
        if (read == 0)
            finalBlock = true;
        end += read;
        if (!started && (end >= 4 || finalBlock))
        {
            started = true;
            if (JsonChecks.WrongEncoding(buffer.AsSpan(0, end)) is { } encoding)
                throw new JsonEncodingException(encoding);
            if (JsonChecks.HasUtf8Bom(buffer.AsSpan(0, end)))
                start += 3;
        }
    }

    /// <summary>
    /// Collapses each run of whitespace outside strings in the pending bytes to one space: whitespace between tokens
    /// changes no reader state, so a file padded with gigabytes of it is read in a small buffer. The pending bytes
    /// start at a token boundary, so the scan starts outside any string.
    /// </summary>
    private void Compact()
    {
        var write = start;
        bool inString = false, escaped = false, blank = false;
        for (var read = start; read < end; read++)
        {
            var b = buffer[read];
            if (inString)
            {
                if (escaped)
                    escaped = false;
                else if (b == (byte)'\\')
                    escaped = true;
                else if (b == (byte)'"')
                    inString = false;
            }
            else if (b is (byte)' ' or (byte)'\t' or (byte)'\n' or (byte)'\r')
            {
                if (blank)
                    continue;
                blank = true;
                buffer[write++] = (byte)' ';
                continue;
            }
            else if (b == (byte)'"')
            {
                inString = true;
            }
            blank = false;
            buffer[write++] = b;
        }
        end = write;
    }

    public void Dispose() => stream.Dispose();
}
