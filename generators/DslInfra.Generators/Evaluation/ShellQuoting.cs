namespace DslInfra.Generators.Evaluation;

/// <summary>POSIX shell quoting: a value becomes exactly one argument, whatever quotes, `$(…)`, backticks, newlines or `&&` it holds.</summary>
internal static class ShellQuoting
{
    public static string Quote(string value)
    {
        if (value.Length > 0 && IsPlain(value))
            return value;
        // Inside single quotes nothing is special; a single quote itself closes, is escaped, and reopens.
        return "'" + value.Replace("'", "'\\''") + "'";
    }

    private static bool IsPlain(string value)
    {
        foreach (var c in value)
            if (!(char.IsLetterOrDigit(c) && c < 128 || c is '-' or '_' or '.' or '/' or ':' or '=' or '+' or ',' or '@' or '%'))
                return false;
        return true;
    }
}
