using System.Diagnostics;

namespace DslInfra.EndToEnd.Tests;

/// <summary>The repository under test, and running its real tools (dotnet, dslinfra) as a user would.</summary>
internal static class Repo
{
    /// <summary>The folder that holds DslInfra.sln.</summary>
    public static string Root { get; } = FindRoot();

    /// <summary>Runs a program to its end (five minutes at most) and returns its exit code and everything it printed.</summary>
    public static (int ExitCode, string Output) Run(string program, string arguments, string directory)
    {
        var start = new ProcessStartInfo(program, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = directory };
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        Process process;
        try
        {
            process = Process.Start(start)!;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return (-1, $"{program} not found on PATH: bash tests/tools/install.sh installs the tools the tests read artifacts back with");
        }
        using var _ = process;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, $"timed out: {program} {arguments}");
        }
        return (process.ExitCode, output.Result + error.Result);
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "DslInfra.sln")))
                return directory.FullName;
        throw new InvalidOperationException("DslInfra.sln not found above " + AppContext.BaseDirectory);
    }
}
