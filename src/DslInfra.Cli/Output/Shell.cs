namespace DslInfra.Cli.Output;

/// <summary>Quoting for a POSIX shell, for the commands dslinfra prints for a person to paste.</summary>
internal static class Shell
{
    /// <summary>One word, whatever it holds: single quotes, and each single quote inside written as <c>'\''</c>.</summary>
    public static string Quote(string word) => "'" + word.Replace("'", "'\\''") + "'";
}
