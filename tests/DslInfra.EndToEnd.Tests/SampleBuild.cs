namespace DslInfra.EndToEnd.Tests;

/// <summary>
/// Builds samples/WebService with the real `dotnet build` once for all tests: a first build, a second
/// with nothing changed, then `dotnet clean`, recording what each left on disk.
/// </summary>
public sealed class SampleBuild : IDisposable
{
    public SampleBuild()
    {
        Root = Repo.Root;
        Work = Directory.CreateTempSubdirectory("dslinfra-e2e-").FullName;
        OutputDirectory = Path.Combine(Work, "infra") + Path.DirectorySeparatorChar;
        var project = Path.Combine(Root, "samples", "WebService", "WebService.csproj");
        var properties = $"-p:DslInfraOutputPath={OutputDirectory} -p:DslInfraStateFile={Path.Combine(Work, "state.txt")}";

        FirstBuild = Run($"build \"{project}\" {properties}");
        TerraformJson = ReadIfExists("web/main.tf.json");
        ManifestJson = ReadIfExists("web/manifest.json");
        PackerTemplate = ReadIfExists("web/images/web.pkr.json");
        UploadedConfig = ReadIfExists("web/images/files/nginx.conf");
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
    public string? PackerTemplate { get; }
    public string? UploadedConfig { get; }
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

    private (int, string) Run(string arguments) => Repo.Run("dotnet", arguments + " -nologo", Root);
}

[CollectionDefinition(Name)]
public sealed class SampleBuildCollection : ICollectionFixture<SampleBuild>
{
    public const string Name = "sample build";
}
