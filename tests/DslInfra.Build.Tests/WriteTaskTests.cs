using System.Collections;
using Basic.Reference.Assemblies;
using Microsoft.Build.Framework;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DslInfra.Build.Tests;

/// <summary>
/// The task after compile: it writes only when the generator's marker says the generator ran to the end, and
/// otherwise fails the build and leaves the last good artifacts exactly as they were.
/// </summary>
public sealed class WriteTaskTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("dslinfra-task-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private const string Artifact = """[assembly: DslInfra.StackArtifact("web", "main.tf.json", "{}\n")]""";
    private const string Marker = """[assembly: System.Reflection.AssemblyMetadata("DslInfra.Synthesized", "1")]""";
    private const string UsesDslInfra = "public static class Uses { public static readonly System.Type T = typeof(DslInfra.StackAttribute); }";

    private string Build(string name, string source)
    {
        var compilation = CSharpCompilation.Create(name, [CSharpSyntaxTree.ParseText(source)],
            [.. Net80.References.All, MetadataReference.CreateFromFile(typeof(StackArtifactAttribute).Assembly.Location)],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        var path = Path.Combine(directory, name + ".dll");
        var result = compilation.Emit(path);
        Assert.True(result.Success, string.Join("\n", result.Diagnostics));
        return path;
    }

    private (bool Success, BuildEngine Engine) Run(string assembly)
    {
        var engine = new BuildEngine();
        var task = new WriteStackArtifacts
        {
            BuildEngine = engine,
            AssemblyPath = assembly,
            OutputDirectory = Path.Combine(directory, "infra"),
            StateFile = Path.Combine(directory, "state.txt"),
        };
        return (task.Execute(), engine);
    }

    private string Output => Path.Combine(directory, "infra", "web", "main.tf.json");

    [Fact]
    public void With_the_marker_the_artifacts_are_written()
    {
        var (success, engine) = Run(Build("Good", Artifact + "\n" + Marker + "\n" + UsesDslInfra));
        Assert.True(success, string.Join("\n", engine.Errors));
        Assert.Equal("{}\n", File.ReadAllText(Output));
    }

    [Fact]
    public void Without_the_marker_the_build_fails_and_the_last_good_artifacts_stay()
    {
        Assert.True(Run(Build("Good", Artifact + "\n" + Marker + "\n" + UsesDslInfra)).Success);
        var before = File.ReadAllBytes(Output);
        var stamp = File.GetLastWriteTimeUtc(Output);

        // What a generator that threw (CS8785, only a warning) leaves: an assembly that uses DslInfra and carries nothing.
        var (success, engine) = Run(Build("Crashed", UsesDslInfra));

        Assert.False(success);
        Assert.Contains(engine.Errors, e => e.Code == "DI9002");
        Assert.Equal(before, File.ReadAllBytes(Output));
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(Output));
    }

    [Fact]
    public void A_marker_of_an_unknown_version_is_refused_and_writes_nothing()
    {
        Assert.True(Run(Build("Good", Artifact + "\n" + Marker + "\n" + UsesDslInfra)).Success);
        var (success, engine) = Run(Build("Future", Artifact.Replace("{}", "{\\\"x\\\":1}") + "\n" + Marker.Replace("\"1\"", "\"2\"") + "\n" + UsesDslInfra));
        Assert.False(success);
        Assert.Contains(engine.Errors, e => e.Code == "DI9003");
        Assert.Equal("{}\n", File.ReadAllText(Output));
    }

    [Fact]
    public void An_assembly_that_does_not_use_DslInfra_touches_nothing()
    {
        Assert.True(Run(Build("Good", Artifact + "\n" + Marker + "\n" + UsesDslInfra)).Success);
        var (success, _) = Run(Build("Unrelated", "public class C { }"));
        Assert.True(success);
        Assert.True(File.Exists(Output));
    }

    [Fact]
    public void A_refused_artifact_path_writes_none_of_the_others()
    {
        var bad = """[assembly: DslInfra.StackArtifact("web", "../escape.txt", "x")]""";
        var (success, engine) = Run(Build("Bad", Artifact + "\n" + bad + "\n" + Marker + "\n" + UsesDslInfra));
        Assert.False(success);
        Assert.Contains(engine.Errors, e => e.Code == "DI9001");
        Assert.False(File.Exists(Output));
    }

    /// <summary>Collects what the task logs.</summary>
    internal sealed class BuildEngine : IBuildEngine
    {
        public List<BuildErrorEventArgs> Errors { get; } = [];

        public bool ContinueOnError => false;
        public int LineNumberOfTaskNode => 0;
        public int ColumnNumberOfTaskNode => 0;
        public string ProjectFileOfTaskNode => "test.csproj";

        public bool BuildProjectFile(string projectFileName, string[] targetNames, IDictionary globalProperties, IDictionary targetOutputs) => false;
        public void LogCustomEvent(CustomBuildEventArgs e) { }
        public void LogErrorEvent(BuildErrorEventArgs e) => Errors.Add(e);
        public void LogMessageEvent(BuildMessageEventArgs e) { }
        public void LogWarningEvent(BuildWarningEventArgs e) { }
    }
}
