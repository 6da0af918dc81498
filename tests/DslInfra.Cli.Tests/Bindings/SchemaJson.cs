using System.Text;
using System.Text.Json;

namespace DslInfra.Cli.Tests.Bindings;

/// <summary>A `terraform providers schema -json` document with whatever names and descriptions a provider might print.</summary>
internal sealed record SchemaType(string Kind, string Name, IReadOnlyList<(string Name, string Type, string? Description)> Attributes, string? Description = null);

internal static class SchemaJson
{
    /// <summary>Any string a JSON writer can carry, lone surrogates included (written as \u escapes).</summary>
    public static string Quote(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in text)
            builder.Append(c is '"' or '\\' ? "\\" + c : c < ' ' || c > '~' ? "\\u" + ((int)c).ToString("x4") : c.ToString());
        return builder.Append('"').ToString();
    }

    public static string Write(string address, IEnumerable<SchemaType> types)
    {
        var text = new StringBuilder("{\"format_version\":\"1.0\",\"provider_schemas\":{").Append(Quote(address)).Append(":{");
        var first = true;
        foreach (var kind in types.GroupBy(t => t.Kind))
        {
            text.Append(first ? "" : ",").Append(Quote(kind.Key)).Append(":{");
            first = false;
            text.Append(string.Join(",", kind.Select(type =>
            {
                var attributes = string.Join(",", type.Attributes.Select(a =>
                    $"{Quote(a.Name)}:{{\"type\":{a.Type},\"optional\":true{(a.Description is null ? "" : ",\"description\":" + Quote(a.Description))}}}"));
                return $"{Quote(type.Name)}:{{\"version\":0,\"block\":{{\"attributes\":{{{attributes}}}{(type.Description is null ? "" : ",\"description\":" + Quote(type.Description))}}}}}";
            })));
            text.Append('}');
        }
        return text.Append("}}}").ToString();
    }

    /// <summary>One resource type with a string attribute.</summary>
    public static SchemaType Resource(string name, string attribute = "size", string? description = null) =>
        new("resource_schemas", name, [(attribute, "\"string\"", description)]);

    public static void AssertIsJson(string text) => JsonDocument.Parse(text).Dispose();
}
