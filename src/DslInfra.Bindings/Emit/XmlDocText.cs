using System.Text;

namespace DslInfra.Bindings.Emit;

/// <summary>Text from a schema made fit for an XML doc comment: one line, whitespace collapsed, XML-escaped, bounded.</summary>
internal static class XmlDocText
{
    public static string From(string text, int maxLength)
    {
        // Every character C# ends a line at (CR, LF, NEL, LS, PS) would end the `///` comment: the text stays on one line.
        var flat = string.Join(" ", text.Split((char[])['\n', '\r', '\t', ' ', '\u0085', '\u2028', '\u2029'], StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length > maxLength)
            flat = flat.Substring(0, maxLength - 3) + "...";
        var escaped = new StringBuilder(flat.Length);
        for (var i = 0; i < flat.Length; i++)
        {
            var c = flat[i];
            if (char.IsHighSurrogate(c) && i + 1 < flat.Length && char.IsLowSurrogate(flat[i + 1]))
            {
                escaped.Append(c).Append(flat[++i]);
                continue;
            }
            // What XML cannot hold (controls, a lone surrogate, U+FFFE/U+FFFF) would make the doc comment malformed (CS1570).
            escaped.Append(c switch
            {
                '&' => "&amp;", '<' => "&lt;", '>' => "&gt;",
                _ when char.IsControl(c) || char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF' => " ",
                _ => c.ToString(),
            });
        }
        return escaped.ToString();
    }
}
