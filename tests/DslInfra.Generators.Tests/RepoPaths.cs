namespace DslInfra.Generators.Tests;

internal static class RepoPaths
{
    /// <summary>The repository root: the folder holding DslInfra.sln above the test assembly.</summary>
    public static string Root { get; } = Find();

    private static string Find()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "DslInfra.sln")))
                return directory.FullName;
        throw new InvalidOperationException("DslInfra.sln not found above " + AppContext.BaseDirectory);
    }
}
