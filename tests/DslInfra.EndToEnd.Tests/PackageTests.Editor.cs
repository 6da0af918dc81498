using System.Diagnostics;
using System.Text.Json.Nodes;

namespace DslInfra.EndToEnd.Tests;

/// <summary>
/// DslInfra's diagnostics in a real editor: csharp-ls 0.28.0 (a .NET tool, installed into .tools/csharp-ls by tests/tools/install.sh
/// or here) on the project `dotnet new dslinfra` made, driven over LSP as an editor does while the user types.
/// </summary>
public sealed partial class PackageTests
{
    private static readonly SemaphoreSlim OneServer = new(1, 1);

    private static string CsharpLs()
    {
        var folder = Path.Combine(Repo.Root, ".tools", "csharp-ls");
        var program = Path.Combine(folder, "csharp-ls");
        if (!File.Exists(program))
            Repo.Run("dotnet", $"tool install csharp-ls --version 0.28.0 --tool-path \"{folder}\"", Repo.Root);
        Assert.True(File.Exists(program), $"csharp-ls could not be installed into {folder} (dotnet tool install csharp-ls --version 0.28.0)");
        return program;
    }

    private static JsonObject Settings(bool analyzers) => new() { ["csharp"] = new JsonObject { ["analyzersEnabled"] = analyzers } };

    /// <summary>Pulls diagnostics until <paramref name="done"/> holds or <paramref name="within"/> passes; returns the last codes.</summary>
    private static async Task<List<string>> Until(LanguageServer server, string uri, Func<List<string>, bool> done, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        var codes = await server.DiagnosticCodes(uri);
        while (!done(codes) && clock.Elapsed < within)
        {
            await Task.Delay(250);
            codes = await server.DiagnosticCodes(uri);
        }
        return codes;
    }

    [Fact]
    public async Task A_DI_error_appears_in_csharp_ls_as_the_user_types_and_goes_when_it_is_undone()
    {
        Assert.True(feed.Build.ExitCode == 0, feed.Build.Output);
        var file = Path.Combine(feed.App, "InfraStack.cs");
        var uri = new Uri(file).AbsoluteUri;
        var clean = File.ReadAllText(file);
        var broken = clean.Replace("$\"infra-{Env}\"", "$\"infra-{Env}-{System.DateTime.Now.Ticks}\"");
        Assert.NotEqual(clean, broken);

        await OneServer.WaitAsync();
        try
        {
            using var server = new LanguageServer(CsharpLs(), feed.App, Settings(analyzers: true));
            await server.Initialize(new Uri(feed.App + "/").AbsoluteUri);
            server.Open(uri, clean);
            // Loading the project takes the server a few seconds: wait until it reports the document at all.
            await Until(server, uri, codes => codes.Count > 0, TimeSpan.FromSeconds(60));
            Assert.DoesNotContain("DI1001", await server.DiagnosticCodes(uri));

            server.Change(uri, 2, broken); // unsaved: nothing is built
            var clock = Stopwatch.StartNew();
            var typed = await Until(server, uri, codes => codes.Contains("DI1001"), TimeSpan.FromSeconds(10));
            Assert.Contains("DI1001", typed);
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"DI1001 took {clock.Elapsed.TotalSeconds:F1} s to show");

            server.Change(uri, 3, clean);
            Assert.DoesNotContain("DI1001", await Until(server, uri, codes => !codes.Contains("DI1001"), TimeSpan.FromSeconds(10)));

            server.Change(uri, 4, broken);
            Assert.Contains("DI1001", await Until(server, uri, codes => codes.Contains("DI1001"), TimeSpan.FromSeconds(10)));
        }
        finally
        {
            OneServer.Release();
        }
    }

    [Fact]
    public async Task Csharp_ls_shows_no_DI_rule_while_its_analyzers_setting_is_off_as_the_editor_docs_say()
    {
        Assert.True(feed.Build.ExitCode == 0, feed.Build.Output);
        var file = Path.Combine(feed.App, "InfraStack.cs");
        var uri = new Uri(file).AbsoluteUri;
        // A DslInfra error and a compiler error: the compiler's shows that the project is loaded and analysed.
        var broken = File.ReadAllText(file)
            .Replace("$\"infra-{Env}\"", "$\"infra-{Env}-{System.DateTime.Now.Ticks}\"")
            .Replace("    public static readonly Output VpcId", "    public static readonly int Oops = \"x\";\n\n    public static readonly Output VpcId");

        await OneServer.WaitAsync();
        try
        {
            using var server = new LanguageServer(CsharpLs(), feed.App, Settings(analyzers: false));
            await server.Initialize(new Uri(feed.App + "/").AbsoluteUri);
            server.Open(uri, broken);
            var codes = await Until(server, uri, codes => codes.Contains("CS0029"), TimeSpan.FromSeconds(60));
            Assert.Contains("CS0029", codes);
            await Task.Delay(1000);
            Assert.DoesNotContain(await server.DiagnosticCodes(uri), c => c.StartsWith("DI", StringComparison.Ordinal));
        }
        finally
        {
            OneServer.Release();
        }
    }
}
