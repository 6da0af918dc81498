using System.Diagnostics;
using System.Text;

namespace DslInfra.Cli.Tests;

/// <summary>
/// The real tools some tests read output back with: the repository's root, npm packages installed under .tools/
/// (by tests/tools/install.sh, or here when missing), and running a program with a time limit.
/// </summary>
internal static class ExternalTools
{
    private static readonly object InstallLock = new();

    public static string Root
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "DslInfra.sln")))
                directory = directory.Parent;
            return directory!.FullName;
        }
    }

    /// <summary>.tools/<paramref name="folder"/>, with <paramref name="packages"/> installed from npm when its first package is missing.</summary>
    public static string NpmTool(string folder, params string[] packages)
    {
        var home = Path.Combine(Root, ".tools", folder);
        var first = Path.Combine(home, "node_modules", packages[0][..packages[0].LastIndexOf('@')]);
        lock (InstallLock)
        {
            if (!Directory.Exists(first))
            {
                Directory.CreateDirectory(home);
                Run("npm", ["install", "--silent", "--no-audit", "--no-fund", .. packages], home, null, 300_000);
            }
        }
        Assert.True(Directory.Exists(first), $"{string.Join(" ", packages)} could not be installed into {home} (run tests/tools/install.sh)");
        return home;
    }

    /// <summary>Runs a program; its output and error together. A program that cannot start gives exit -1 and says why.</summary>
    public static (int Exit, string Output) Run(string program, string[] arguments, string directory, (string Name, string Value)? environment, int timeout)
    {
        var start = new ProcessStartInfo(program) { WorkingDirectory = directory, RedirectStandardOutput = true, RedirectStandardError = true, StandardOutputEncoding = new UTF8Encoding(false) };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        if (environment is { } variable)
            start.Environment[variable.Name] = variable.Value;
        try
        {
            using var process = Process.Start(start)!;
            var error = process.StandardError.ReadToEndAsync();
            var output = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(timeout))
                process.Kill(entireProcessTree: true);
            return (process.ExitCode, output + error.Result);
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            return (-1, $"{program} could not be started: {exception.Message}");
        }
    }
}
