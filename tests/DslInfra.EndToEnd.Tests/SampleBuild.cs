using System.Diagnostics;

namespace DslInfra.EndToEnd.Tests;

/// <summary>
/// Builds samples/WebService with the real `dotnet build` once for all tests: a first build, a second
/// with nothing changed, then `dotnet clean`, recording what each left on disk.
/// </summary>
public sealed class SampleBuild : IDisposable
{
    public SampleBuild()
    {
        Root = FindRoot();
        Work = Directory.CreateTempSubdirectory("dslinfra-e2e-").FullName;
        OutputDirectory = Path.Combine(Work, "infra") + Path.DirectorySeparatorChar;
        var project = Path.Combine(Root, "samples", "WebService", "WebService.csproj");
        var properties = $"-p:DslInfraOutputPath={OutputDirectory} -p:DslInfraStateFile={Path.Combine(Work, "state.txt")}";

        FirstBuild = Run($"build \"{project}\" {properties}");
        TerraformJson = ReadIfExists("web/main.tf.json");
        ManifestJson = ReadIfExists("web/manifest.json");
        FirstWriteTimes = WriteTimes();

        SecondBuild = Run($"build \"{project}\" {properties} --no-restore");
        SecondWriteTimes = WriteTimes();

        // Keep the referenced DslInfra projects built: other test assemblies use them.
        Clean = Run($"clean \"{project}\" {properties} -p:BuildProjectReferences=false");
        FilesAfterClean = Directory.Exists(OutputDirectory) ? Directory.GetFiles(OutputDirectory, "*", SearchOption.AllDirectories) : [];
    }

    public string Root { get; }
    public string Work { get; }
    public string OutputDirectory { get; }
    public (int ExitCode, string Output) FirstBuild { get; }
    public (int ExitCode, string Output) SecondBuild { get; }
    public (int ExitCode, string Output) Clean { get; }
    public string? TerraformJson { get; }
    public string? ManifestJson { get; }
    public Dictionary<string, DateTime> FirstWriteTimes { get; }
    public Dictionary<string, DateTime> SecondWriteTimes { get; }
    public string[] FilesAfterClean { get; }

    public void Dispose() => Directory.Delete(Work, recursive: true);

    private string? ReadIfExists(string relative)
    {
        var path = Path.Combine(OutputDirectory, relative);
        return File.Exists(path) ? File.ReadAllText(path) : null;
    }

    private Dictionary<string, DateTime> WriteTimes() =>
        Directory.Exists(OutputDirectory)
            ? Directory.GetFiles(OutputDirectory, "*", SearchOption.AllDirectories).ToDictionary(f => f, File.GetLastWriteTimeUtc)
            : [];

    private (int, string) Run(string arguments)
    {
        var start = new ProcessStartInfo("dotnet", arguments + " -nologo")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Root,
        };
        start.Environment["MSBUILDDISABLENODEREUSE"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            return (-1, "timed out: dotnet " + arguments);
        }
        return (process.ExitCode, stdout.Result + stderr.Result);
    }

    private static string FindRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
            if (File.Exists(Path.Combine(directory.FullName, "DslInfra.sln")))
                return directory.FullName;
        throw new InvalidOperationException("DslInfra.sln not found");
    }
}

[CollectionDefinition(Name)]
public sealed class SampleBuildCollection : ICollectionFixture<SampleBuild>
{
    public const string Name = "sample build";
}
