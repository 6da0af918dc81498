using System.Diagnostics;
using System.Text;

namespace DslInfra.Cli.Tests.Blast;

/// <summary>
/// Reads diagrams back with the real parsers: Mermaid's own (mermaid.parse under jsdom, installed from npm into
/// .tools/mermaid by tests/tools/install.sh, or here when missing) and Graphviz's dot (Debian's graphviz).
/// </summary>
internal static class Diagrams
{
    private static string Root => ExternalTools.Root;

    private static string MermaidHome() => ExternalTools.NpmTool("mermaid", "mermaid@12.3.0", "jsdom@24.1.3");

    public static void AssertMermaidParses(string diagram)
    {
        var file = Path.Combine(Path.GetTempPath(), $"dslinfra-{Guid.NewGuid():N}.mmd");
        File.WriteAllText(file, diagram, new UTF8Encoding(false));
        try
        {
            var (exit, output) = Run("node", [Path.Combine(Root, "tests", "mermaid-check", "check.mjs"), file], Root, ("MERMAID_HOME", MermaidHome()), 120_000);
            Assert.True(exit == 0, $"Mermaid rejected the diagram: {output}\n{diagram}");
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>
    /// Mermaid's verdict on many diagrams in one run of its parser (starting it costs a second): the ones it rejected,
    /// with its message.
    /// </summary>
    public static IReadOnlyList<(string Diagram, string Message)> MermaidRejects(IReadOnlyList<string> diagrams)
    {
        if (diagrams.Count == 0)
            return [];
        var folder = Directory.CreateTempSubdirectory("dslinfra-mermaid-").FullName;
        try
        {
            var files = diagrams.Select((d, i) =>
            {
                var file = Path.Combine(folder, $"{i}.mmd");
                File.WriteAllText(file, d, new UTF8Encoding(false));
                return file;
            }).ToList();
            var (exit, output) = Run("node", [Path.Combine(Root, "tests", "mermaid-check", "check.mjs"), .. files], Root, ("MERMAID_HOME", MermaidHome()), 600_000);
            var verdicts = output.Split('\n').Where(l => l.StartsWith("ok ", StringComparison.Ordinal) || l.StartsWith("error ", StringComparison.Ordinal)).ToList();
            Assert.True(verdicts.Count == files.Count, $"Mermaid's parser did not read every diagram (exit {exit}): {output}");
            return files.Select((f, i) => (f, i)).Where(x => verdicts.Any(v => v.StartsWith($"error {x.f}:", StringComparison.Ordinal)))
                .Select(x => (diagrams[x.i], verdicts.First(v => v.StartsWith($"error {x.f}:", StringComparison.Ordinal)))).ToList();
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>Graphviz's message when dot rejects the diagram, or null when it lays it out.</summary>
    public static string? DotRejects(string diagram)
    {
        var file = Path.Combine(Path.GetTempPath(), $"dslinfra-{Guid.NewGuid():N}.dot");
        File.WriteAllText(file, diagram, new UTF8Encoding(false));
        try
        {
            var (exit, output) = Run("dot", ["-Tsvg", "-o/dev/null", file], Root, null, 120_000);
            return exit == 0 ? null : $"exit {exit}: {output}";
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>Lays the graph out with dot and returns the SVG it drew (the labels as Graphviz read them).</summary>
    public static string AssertDotParses(string diagram)
    {
        var file = Path.Combine(Path.GetTempPath(), $"dslinfra-{Guid.NewGuid():N}.dot");
        File.WriteAllText(file, diagram, new UTF8Encoding(false));
        try
        {
            var (exit, output) = Run("dot", ["-Tsvg", file], Root, null, 120_000);
            Assert.True(exit == 0, $"Graphviz rejected the diagram (apt-get install graphviz): {output}\n{diagram}");
            return output;
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static (int Exit, string Output) Run(string program, string[] arguments, string directory, (string, string)? environment, int timeout) =>
        ExternalTools.Run(program, arguments, directory, environment, timeout);
}
