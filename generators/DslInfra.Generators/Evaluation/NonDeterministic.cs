namespace DslInfra.Generators.Evaluation;

/// <summary>APIs whose value differs between builds or machines: the stack would not be the same value twice.</summary>
internal static class NonDeterministic
{
    /// <summary>Why <paramref name="type"/>.<paramref name="member"/> cannot be part of a stack, or null if it is not a known non-deterministic API.</summary>
    public static string? Describe(string type, string member) => type switch
    {
        "System.DateTime" or "System.DateTimeOffset" when member is "Now" or "UtcNow" or "Today" =>
            "the clock differs on every build",
        "System.Environment" => "it reads the build machine's environment",
        "System.Guid" when member == "NewGuid" => "it is new on every build",
        "System.Random" => "it is random",
        "System.IO.File" or "System.IO.Directory" or "System.IO.Path" => "it reads the build machine's file system",
        "System.Globalization.CultureInfo" => "it depends on the build machine's culture",
        "System.Diagnostics.Stopwatch" => "the clock differs on every build",
        _ => null,
    };
}
