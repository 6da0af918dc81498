using System.Buffers;
using System.Globalization;
using System.Text;
using MessagePack;

namespace DslInfra.Offline.Values;

/// <summary>
/// Terraform's values on the wire (DynamicValue.msgpack), read and written by their type as cty does: unknown is
/// extension type 0 (12 with refinements, read as plain unknown), a number an integer, a float64 or its decimal text,
/// and a value of type <c>dynamic</c> the pair [type JSON, value].
/// </summary>
internal static class MsgPackValues
{
    private const sbyte UnknownExtension = 0;
    private const sbyte RefinedUnknownExtension = 12;

    /// <summary>The value, or throws <see cref="FormatException"/> for bytes that do not encode a value of <paramref name="type"/>.</summary>
    public static object? Read(byte[] bytes, CtyType type)
    {
        if (bytes.Length == 0)
            return null;
        var reader = new MessagePackReader(new ReadOnlySequence<byte>(bytes));
        try
        {
            return Read(ref reader, type, depth: 0);
        }
        catch (MessagePackSerializationException exception)
        {
            throw new FormatException("not a msgpack value: " + exception.Message, exception);
        }
        catch (EndOfStreamException exception)
        {
            throw new FormatException("truncated msgpack value", exception);
        }
    }

    private static object? Read(ref MessagePackReader reader, CtyType type, int depth)
    {
        if (depth > 64)
            throw new FormatException("value nested more than 64 levels deep");
        if (reader.TryReadNil())
            return null;
        if (reader.NextMessagePackType == MessagePackType.Extension)
        {
            var header = reader.ReadExtensionFormatHeader();
            reader.ReadRaw(header.Length);
            if (header.TypeCode is UnknownExtension or RefinedUnknownExtension)
                return CtyValue.Unknown.Instance;
            throw new FormatException($"unexpected msgpack extension {header.TypeCode}");
        }
        switch (type)
        {
            case CtyType.Primitive { Name: "string" }:
                return reader.ReadString();
            case CtyType.Primitive { Name: "bool" }:
                return reader.ReadBoolean();
            case CtyType.Primitive { Name: "number" }:
                return ReadNumber(ref reader);
            case CtyType.Primitive { Name: "dynamic" }:
            {
                if (reader.ReadArrayHeader() != 2)
                    throw new FormatException("a dynamic value is [type, value]");
                var typeJson = reader.NextMessagePackType == MessagePackType.Binary
                    ? reader.ReadBytes()!.Value.ToArray()
                    : Encoding.UTF8.GetBytes(reader.ReadString() ?? "null");
                var actual = CtyType.Parse(typeJson);
                return new TypedValue(actual, Read(ref reader, actual, depth + 1));
            }
            case CtyType.Collection { Kind: "map" } map:
            {
                var count = reader.ReadMapHeader();
                var entries = new Dictionary<string, object?>(count, StringComparer.Ordinal);
                for (var i = 0; i < count; i++)
                {
                    var key = reader.ReadString() ?? "";
                    entries[key] = Read(ref reader, map.Element, depth + 1);
                }
                return entries;
            }
            case CtyType.Collection collection:
            {
                var count = reader.ReadArrayHeader();
                var items = new List<object?>(count);
                for (var i = 0; i < count; i++)
                    items.Add(Read(ref reader, collection.Element, depth + 1));
                return items;
            }
            case CtyType.Tuple tuple:
            {
                var count = reader.ReadArrayHeader();
                if (count != tuple.Elements.Count)
                    throw new FormatException($"a tuple of {tuple.Elements.Count} elements has {count}");
                var items = new List<object?>(count);
                for (var i = 0; i < count; i++)
                    items.Add(Read(ref reader, tuple.Elements[i], depth + 1));
                return items;
            }
            case CtyType.Object obj:
            {
                var count = reader.ReadMapHeader();
                var attributes = new Dictionary<string, object?>(obj.Attributes.Count, StringComparer.Ordinal);
                for (var i = 0; i < count; i++)
                {
                    var key = reader.ReadString() ?? "";
                    if (!obj.Attributes.TryGetValue(key, out var attributeType))
                        throw new FormatException($"unexpected attribute '{key}'");
                    attributes[key] = Read(ref reader, attributeType, depth + 1);
                }
                foreach (var name in obj.Attributes.Keys)
                    attributes.TryAdd(name, null);
                return attributes;
            }
            default:
                throw new FormatException("unsupported type");
        }
    }

    private static CtyNumber ReadNumber(ref MessagePackReader reader)
    {
        switch (reader.NextMessagePackType)
        {
            case MessagePackType.Integer:
                return reader.NextCode == MessagePackCode.UInt64
                    ? new CtyNumber(reader.ReadUInt64().ToString(CultureInfo.InvariantCulture))
                    : new CtyNumber(reader.ReadInt64().ToString(CultureInfo.InvariantCulture));
            case MessagePackType.Float:
                return new CtyNumber(reader.ReadDouble().ToString("R", CultureInfo.InvariantCulture));
            case MessagePackType.String:
                var text = reader.ReadString() ?? "";
                if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _) && !double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out _))
                    throw new FormatException($"not a number: '{text}'");
                return new CtyNumber(text);
            default:
                throw new FormatException("not a number");
        }
    }

    public static byte[] Write(object? value, CtyType type)
    {
        var buffer = new ArrayBufferWriter<byte>();
        var writer = new MessagePackWriter(buffer);
        Write(ref writer, value, type);
        writer.Flush();
        return buffer.WrittenSpan.ToArray();
    }

    private static void Write(ref MessagePackWriter writer, object? value, CtyType type)
    {
        switch (value)
        {
            case null:
                writer.WriteNil();
                return;
            case CtyValue.Unknown:
                writer.WriteExtensionFormat(new ExtensionResult(UnknownExtension, new ReadOnlySequence<byte>(new byte[] { 0 })));
                return;
        }
        switch (type)
        {
            case CtyType.Primitive { Name: "dynamic" }:
            {
                var (actual, inner) = value is TypedValue dynamic ? (dynamic.Type, dynamic.Value) : (Infer(value), value);
                writer.WriteArrayHeader(2);
                writer.Write(actual.ToJsonBytes());
                Write(ref writer, inner, actual);
                return;
            }
            case CtyType.Primitive { Name: "string" }:
                writer.Write(Convert.ToString(value is CtyNumber n ? n.Text : value, CultureInfo.InvariantCulture));
                return;
            case CtyType.Primitive { Name: "bool" }:
                writer.Write(value is bool flag ? flag : string.Equals(value as string, "true", StringComparison.Ordinal));
                return;
            case CtyType.Primitive { Name: "number" }:
                WriteNumber(ref writer, value is CtyNumber number ? number.Text : Convert.ToString(value, CultureInfo.InvariantCulture) ?? "0");
                return;
            case CtyType.Collection { Kind: "map" } map:
            {
                var entries = (Dictionary<string, object?>)value;
                writer.WriteMapHeader(entries.Count);
                foreach (var entry in entries.OrderBy(e => e.Key, StringComparer.Ordinal))
                {
                    writer.Write(entry.Key);
                    Write(ref writer, entry.Value, map.Element);
                }
                return;
            }
            case CtyType.Collection collection:
            {
                var items = (List<object?>)value;
                writer.WriteArrayHeader(items.Count);
                foreach (var item in items)
                    Write(ref writer, item, collection.Element);
                return;
            }
            case CtyType.Tuple tuple:
            {
                var items = (List<object?>)value;
                writer.WriteArrayHeader(tuple.Elements.Count);
                for (var i = 0; i < tuple.Elements.Count; i++)
                    Write(ref writer, i < items.Count ? items[i] : null, tuple.Elements[i]);
                return;
            }
            case CtyType.Object obj:
            {
                var attributes = (Dictionary<string, object?>)value;
                writer.WriteMapHeader(obj.Attributes.Count);
                foreach (var attribute in obj.Attributes.OrderBy(a => a.Key, StringComparer.Ordinal))
                {
                    writer.Write(attribute.Key);
                    Write(ref writer, attributes.GetValueOrDefault(attribute.Key), attribute.Value);
                }
                return;
            }
            default:
                throw new InvalidOperationException("unsupported type");
        }
    }

    private static void WriteNumber(ref MessagePackWriter writer, string text)
    {
        if (long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole))
            writer.Write(whole);
        else if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var real) && real.ToString("R", CultureInfo.InvariantCulture) == text)
            writer.Write(real);
        else
            writer.Write(text); // cty's form for a number a float64 cannot hold exactly
    }

    /// <summary>The type of a value written where the schema says <c>dynamic</c> and the value came without one.</summary>
    private static CtyType Infer(object? value) => value switch
    {
        string => CtyType.String,
        bool => CtyType.Bool,
        CtyNumber => CtyType.Number,
        List<object?> list => new CtyType.Tuple(list.Select(Infer).ToList()),
        Dictionary<string, object?> map => new CtyType.Object(map.ToDictionary(e => e.Key, e => Infer(e.Value), StringComparer.Ordinal)),
        _ => CtyType.Dynamic,
    };
}

/// <summary>A value whose type came with it, where the schema says <c>dynamic</c>.</summary>
internal sealed record TypedValue(CtyType Type, object? Value);
