using System.Text;

namespace DslInfra.Bindings.Emit;

/// <summary>Text from a schema made fit for an XML doc comment: one line, whitespace collapsed, XML-escaped, bounded.</summary>
internal static class XmlDocText
{
    public static string From(string text, int maxLength)
    {
        var flat = string.Join(" ", text.Split((char[])['\n', '\r', '\t', ' '], StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length > maxLength)
            flat = flat.Substring(0, maxLength - 3) + "...";
        var escaped = new StringBuilder(flat.Length);
        foreach (var c in flat)
            escaped.Append(c switch { '&' => "&amp;", '<' => "&lt;", '>' => "&gt;", _ when char.IsControl(c) => " ", _ => c.ToString() });
        return escaped.ToString();
    }
}
