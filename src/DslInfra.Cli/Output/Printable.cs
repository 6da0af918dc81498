using System.Globalization;
using System.Text;

namespace DslInfra.Cli.Output;

/// <summary>
/// Text from a plan or an artifact as it may appear in a CI log or a terminal: control characters (which can move
/// the cursor, clear lines or fake a "passed" line) and bidirectional overrides (which can reorder what a reviewer
/// reads) shown as \uXXXX. Matching always uses the exact text; only what is printed is made printable.
/// </summary>
internal static class Printable
{
    public static string Of(string? text)
    {
        if (string.IsNullOrEmpty(text) || !text.Any(IsUnsafe))
            return text ?? "";
        var builder = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (IsUnsafe(c))
                builder.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
            else
                builder.Append(c);
        }
        return builder.ToString();
    }

    private static bool IsUnsafe(char c) =>
        c < ' ' || c is >= '\u007f' and <= '\u009f' || c is >= '\u202a' and <= '\u202e' || c is >= '\u2066' and <= '\u2069'
        || c is '\u200e' or '\u200f' or '\u061c' || c is '\u2028' or '\u2029';
}
