using System.Reflection;
using System.Runtime.Loader;

namespace DslInfra.Build.Tests;

/// <summary>
/// The netstandard2.0 build of the task (what Visual Studio's .NET Framework MSBuild loads) writes, keeps and replaces
/// artifacts like the net8.0 one: its own file-replacement path runs here, loaded in isolation.
/// </summary>
public sealed class NetStandardTaskTests : IDisposable
{
    private readonly string output = Directory.CreateTempSubdirectory("dslinfra-ns20-").FullName;

    public void Dispose() => Directory.Delete(output, recursive: true);

    [Fact]
    public void The_netstandard_build_writes_and_rewrites_artifacts()
    {
        var root = AppContext.BaseDirectory;
        while (!File.Exists(Path.Combine(root, "DslInfra.sln")))
            root = Path.GetDirectoryName(root.TrimEnd(Path.DirectorySeparatorChar))!;
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}") ? "Release" : "Debug";
        var path = Path.Combine(root, "src", "DslInfra.Build", "bin", configuration, "netstandard2.0", "DslInfra.Build.dll");
        Assert.True(File.Exists(path), path);

        var assembly = new AssemblyLoadContext("netstandard2.0 task", isCollectible: true).LoadFromAssemblyPath(path);
        var artifactType = assembly.GetType("DslInfra.Build.StackArtifact")!;
        var writer = assembly.GetType("DslInfra.Build.ArtifactWriter")!.GetMethod("Write", BindingFlags.Public | BindingFlags.Static)!;
        object Artifacts(string content)
        {
            var list = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(artifactType))!;
            list.Add(Activator.CreateInstance(artifactType, "web", "main.tf.json", content));
            return list;
        }

        writer.Invoke(null, [Artifacts("{}\n"), output, new List<string>()]);
        writer.Invoke(null, [Artifacts("{\"changed\": true}\n"), output, new List<string>()]);

        Assert.Equal("{\"changed\": true}\n", File.ReadAllText(Path.Combine(output, "web", "main.tf.json")));
        Assert.Empty(Directory.GetFiles(Path.Combine(output, "web"), "*.tmp"));
    }
}
