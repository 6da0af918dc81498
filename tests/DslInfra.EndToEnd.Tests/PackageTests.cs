using System.IO.Compression;

namespace DslInfra.EndToEnd.Tests;

/// <summary>
/// The packed path a user outside this repository takes: pack everything into a local feed, `dotnet new dslinfra`
/// from the installed template pack, restore from that feed only, build, see the artifacts and a warning, run the tool.
/// </summary>
public sealed class PackedFeed : IDisposable
{
    public const string Version = "0.1.0-e2e";

    public PackedFeed()
    {
        Work = Directory.CreateTempSubdirectory("dslinfra-package-").FullName;
        Feed = Path.Combine(Work, "feed");
        // The whole solution, as a user would pack it: exactly the three packages, nothing else (the solution is built first).
        Packs.Add(Repo.Run("dotnet", $"pack \"{Path.Combine(Repo.Root, "DslInfra.sln")}\" --no-build -c Debug -o \"{Feed}\" -p:Version={Version} -nologo", Repo.Root));

        // The README's pack of the library, in a configuration no earlier build left outputs for (as on a fresh clone).
        foreach (var stale in new[] { "src/DslInfra", "src/DslInfra.Build", "generators/DslInfra.Generators", "analyzers/DslInfra.Analyzers", "analyzers/DslInfra.Analyzers.CodeFixes" })
            foreach (var kind in new[] { "bin", "obj" })
                if (Directory.Exists(Path.Combine(Repo.Root, stale, kind, CleanConfiguration)))
                    Directory.Delete(Path.Combine(Repo.Root, stale, kind, CleanConfiguration), recursive: true);
        CleanPack = Repo.Run("dotnet", $"pack \"{Path.Combine(Repo.Root, "src", "DslInfra", "DslInfra.csproj")}\" -c {CleanConfiguration} -o \"{Path.Combine(Work, "clean-feed")}\" -p:Version={Version} -nologo", Repo.Root);

        var hive = Path.Combine(Work, "hive");
        TemplateInstall = Repo.Run("dotnet", $"new install \"{Path.Combine(Feed, $"DslInfra.Templates.{Version}.nupkg")}\" --debug:custom-hive \"{hive}\"", Work);
        App = Path.Combine(Work, "app");
        New = Repo.Run("dotnet", $"new dslinfra -n Acme.Stacks -o \"{App}\" --Framework net10.0 --debug:custom-hive \"{hive}\"", Work);
        Restore = Repo.Run("dotnet", $"restore --source \"{Feed}\" --packages \"{Path.Combine(Work, "packages")}\"", App);
        Build = Repo.Run("dotnet", "build --no-restore -nologo", App);
        NoOpBuild = Repo.Run("dotnet", "build --no-restore -nologo -clp:PerformanceSummary", App);

        File.WriteAllText(Path.Combine(App, "Unpinned.cs"), """
            using DslInfra;
            using DslInfra.Aws;

            namespace Acme.Stacks;

            [Stack("images")]
            public static class Images
            {
                public static readonly DataAwsAmi Ubuntu = new("ubuntu")
                {
                    Owners = ["099720109477"],
                    MostRecent = true,
                    Filter = [new() { Name = "name", Values = ["ubuntu/images/*noble*"] }],
                };
            }
            """);
        BuildWithViolation = Repo.Run("dotnet", "build --no-restore -nologo", App);

        // A value that differs per build, with the settings CI users turn on: the build must fail and keep the last good files.
        var infra = Path.Combine(App, "bin", "Debug", "net10.0", "infra");
        LastGood = Files(infra);
        var stackFile = Path.Combine(App, "InfraStack.cs");
        var editorconfig = Path.Combine(App, ".editorconfig");
        var (stack, settings) = (File.ReadAllText(stackFile), File.ReadAllText(editorconfig));
        File.WriteAllText(stackFile, stack.Replace("$\"infra-{Env}\"", "$\"infra-{Env}-{System.DateTime.Now.Ticks}\""));
        BrokenWithoutAnalyzers = Repo.Run("dotnet", "build --no-restore -nologo -p:RunAnalyzers=false", App);
        AfterBrokenWithoutAnalyzers = Files(infra);
        File.AppendAllText(editorconfig, "\n[*.cs]\ndotnet_diagnostic.DI1001.severity = none\ndotnet_diagnostic.DI1012.severity = none\n");
        BrokenWithSeverityNone = Repo.Run("dotnet", "build --no-restore -nologo", App);
        AfterBrokenWithSeverityNone = Files(infra);
        File.WriteAllText(stackFile, stack);
        File.WriteAllText(editorconfig, settings);
        ToolInstall = Repo.Run("dotnet", $"tool install DslInfra.Cli --version {Version} --tool-path \"{Path.Combine(Work, "tools")}\" --add-source \"{Feed}\"", Work);

        // The template's test project, as its README runs it: DslInfra.Testing from the feed, xunit and gRPC from NuGet.
        var tests = Path.Combine(App, "Acme.Stacks.Tests");
        TestsRestore = Repo.Run("dotnet", $"restore \"{tests}\" --source \"{Feed}\" --source https://api.nuget.org/v3/index.json --packages \"{Path.Combine(Work, "packages")}\"", App);
        TemplateTests = Repo.Run("dotnet", $"test \"{tests}\" --no-restore -nologo", App);
    }

    public string Work { get; }
    public string Feed { get; }
    public string App { get; }
    public List<(int ExitCode, string Output)> Packs { get; } = [];
    public (int ExitCode, string Output) CleanPack { get; }

    /// <summary>Its own configuration, so its outputs are not the solution build's.</summary>
    private const string CleanConfiguration = "PackCheck";
    public (int ExitCode, string Output) TemplateInstall { get; }
    public (int ExitCode, string Output) New { get; }
    public (int ExitCode, string Output) Restore { get; }
    public (int ExitCode, string Output) Build { get; }
    public (int ExitCode, string Output) NoOpBuild { get; }
    public (int ExitCode, string Output) BuildWithViolation { get; }
    public (int ExitCode, string Output) ToolInstall { get; }
    public (int ExitCode, string Output) TestsRestore { get; }
    public (int ExitCode, string Output) TemplateTests { get; }
    public Dictionary<string, byte[]> LastGood { get; }
    public (int ExitCode, string Output) BrokenWithoutAnalyzers { get; }
    public Dictionary<string, byte[]> AfterBrokenWithoutAnalyzers { get; }
    public (int ExitCode, string Output) BrokenWithSeverityNone { get; }
    public Dictionary<string, byte[]> AfterBrokenWithSeverityNone { get; }

    private static Dictionary<string, byte[]> Files(string folder) =>
        Directory.GetFiles(folder, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(folder, f), File.ReadAllBytes);

    public void Dispose() => Directory.Delete(Work, recursive: true);
}

[Collection(SampleBuildCollection.Name)]
public sealed partial class PackageTests(PackedFeed feed) : IClassFixture<PackedFeed>
{
    [Fact]
    public void Everything_packs()
    {
        Assert.All(feed.Packs, pack => Assert.True(pack.ExitCode == 0, pack.Output));
        Assert.True(File.Exists(Path.Combine(feed.Feed, $"DslInfra.{PackedFeed.Version}.nupkg")));
    }

    [Fact]
    public void The_templates_test_project_plans_the_stack_offline_with_dotnet_test()
    {
        Assert.True(feed.TestsRestore.ExitCode == 0, feed.TestsRestore.Output);
        Assert.True(feed.TemplateTests.ExitCode == 0, feed.TemplateTests.Output);
        Assert.Contains("Passed!", feed.TemplateTests.Output);
    }

    [Fact]
    public void A_solution_wide_pack_gives_exactly_the_shipped_packages() =>
        Assert.Equal(
            [$"DslInfra.{PackedFeed.Version}.nupkg", $"DslInfra.Cli.{PackedFeed.Version}.nupkg", $"DslInfra.Offline.{PackedFeed.Version}.nupkg", $"DslInfra.Providers.Aws.{PackedFeed.Version}.nupkg", $"DslInfra.Providers.Azurerm.{PackedFeed.Version}.nupkg",
             $"DslInfra.Providers.Google.{PackedFeed.Version}.nupkg", $"DslInfra.Providers.Kubernetes.{PackedFeed.Version}.nupkg", $"DslInfra.Templates.{PackedFeed.Version}.nupkg", $"DslInfra.Testing.{PackedFeed.Version}.nupkg"],
            Directory.GetFiles(feed.Feed, "*.nupkg").Select(Path.GetFileName).Order(StringComparer.Ordinal));

    [Theory]
    [InlineData("Kubernetes", "kubernetes", "2.38.0")]
    [InlineData("Aws", "aws", "6.47.0")]
    [InlineData("Azurerm", "azurerm", "4.79.0")]
    [InlineData("Google", "google", "6.50.0")]
    public void A_provider_package_ships_with_DslInfra_and_names_the_provider_release_of_its_records(string provider, string name, string release)
    {
        using var package = ZipFile.OpenRead(Path.Combine(feed.Feed, $"DslInfra.Providers.{provider}.{PackedFeed.Version}.nupkg"));
        var entries = package.Entries.Select(e => e.FullName).ToHashSet();
        Assert.Contains($"lib/net8.0/DslInfra.Providers.{provider}.xml", entries);
        var nuspec = new StreamReader(package.Entries.Single(e => e.FullName.EndsWith(".nuspec", StringComparison.Ordinal)).Open()).ReadToEnd();
        // Two numbers: the package's own version, and the provider release its records were generated from.
        Assert.Contains($"<version>{PackedFeed.Version}</version>", nuspec);
        Assert.Contains($"hashicorp/{name} {release}", nuspec);
        Assert.Contains($"<dependency id=\"DslInfra\" version=\"{PackedFeed.Version}\"", nuspec);
        Assert.DoesNotContain("DslInfra.Cli", nuspec); // the generator tool ran at build time only
        // The assembly says which release, for the generator: [assembly: ProviderSchema("aws", "hashicorp/aws", "6.47.0")].
        using var memory = new MemoryStream();
        using (var dll = package.GetEntry($"lib/net8.0/DslInfra.Providers.{provider}.dll")!.Open())
            dll.CopyTo(memory);
        memory.Position = 0;
        using var pe = new System.Reflection.PortableExecutable.PEReader(memory);
        var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
        var arguments = metadata.GetAssemblyDefinition().GetCustomAttributes().Select(h => metadata.GetCustomAttribute(h))
            .Select(a => metadata.GetBlobBytes(a.Value)).ToList();
        byte[] SerString(string text) => [(byte)System.Text.Encoding.UTF8.GetByteCount(text), .. System.Text.Encoding.UTF8.GetBytes(text)];
        byte[] expected = [1, 0, .. SerString(name), .. SerString($"hashicorp/{name}"), .. SerString(release), 0, 0];
        Assert.Contains(arguments, blob => blob.SequenceEqual(expected));
    }

    [Fact]
    public void The_library_packs_from_a_clean_checkout()
    {
        // A configuration nothing built before stands for a fresh clone: the build task must be built for both frameworks by the pack itself.
        Assert.True(feed.CleanPack.ExitCode == 0, feed.CleanPack.Output);
        using var package = ZipFile.OpenRead(Path.Combine(feed.Work, "clean-feed", $"DslInfra.{PackedFeed.Version}.nupkg"));
        var entries = package.Entries.Select(e => e.FullName).ToHashSet();
        Assert.Contains("tasks/netstandard2.0/DslInfra.Build.dll", entries);
        Assert.Contains("tasks/net8.0/DslInfra.Build.dll", entries);
    }

    [Fact]
    public void The_template_project_validates_and_plans_with_real_Terraform()
    {
        var terraform = File.ReadAllText(Path.Combine(feed.App, "bin", "Debug", "net10.0", "infra", "infra", "main.tf.json"));
        Assert.Contains("\"version\": \"~> 6.47\"", terraform);
        TerraformCheck.AssertPlans([Path.Combine(feed.App, "bin", "Debug", "net10.0", "infra", "infra")]);
    }

    /// <summary>What Visual Studio's .NET Framework compiler has loaded or carries itself: the framework and Roslyn's own closure.</summary>
    private static readonly HashSet<string> FrameworkCompilerProvides = new(StringComparer.OrdinalIgnoreCase)
    {
        "mscorlib", "netstandard", "System", "System.Core", "System.Xml", "System.Xml.Linq", "System.Data", "System.Numerics", "System.Runtime.Serialization",
        "Microsoft.CodeAnalysis", "Microsoft.CodeAnalysis.CSharp", "Microsoft.CodeAnalysis.Workspaces", "Microsoft.CodeAnalysis.CSharp.Workspaces",
        "System.Collections.Immutable", "System.Reflection.Metadata", "System.Memory", "System.Buffers", "System.Numerics.Vectors",
        "System.Runtime.CompilerServices.Unsafe", "System.Threading.Tasks.Extensions", "System.Text.Encoding.CodePages",
        "System.Composition", "System.Composition.AttributedModel", // MEF, which the IDE hosts for code fixes
    };

    [Fact]
    public void The_generator_finds_everything_it_references_on_the_NET_Framework_compiler()
    {
        using var package = ZipFile.OpenRead(Path.Combine(feed.Feed, $"DslInfra.{PackedFeed.Version}.nupkg"));
        var shipped = package.Entries.Where(e => e.FullName.StartsWith("analyzers/dotnet/cs/", StringComparison.Ordinal) && e.FullName.EndsWith(".dll", StringComparison.Ordinal))
            .ToDictionary(e => Path.GetFileNameWithoutExtension(e.Name), e => e, StringComparer.OrdinalIgnoreCase);
        var missing = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (name, entry) in shipped)
        {
            using var memory = new MemoryStream();
            using (var stream = entry.Open())
                stream.CopyTo(memory);
            memory.Position = 0;
            using var pe = new System.Reflection.PortableExecutable.PEReader(memory);
            var metadata = System.Reflection.Metadata.PEReaderExtensions.GetMetadataReader(pe);
            foreach (var handle in metadata.AssemblyReferences)
            {
                var reference = metadata.GetString(metadata.GetAssemblyReference(handle).Name);
                if (!shipped.ContainsKey(reference) && !FrameworkCompilerProvides.Contains(reference) && !reference.StartsWith("System.Runtime", StringComparison.Ordinal))
                    missing.Add($"{name} -> {reference}");
            }
        }
        Assert.True(missing.Count == 0, string.Join("\n", missing));
    }

    [Fact]
    public void The_package_puts_every_assembly_where_nuget_and_the_compiler_expect_it()
    {
        using var package = ZipFile.OpenRead(Path.Combine(feed.Feed, $"DslInfra.{PackedFeed.Version}.nupkg"));
        var entries = package.Entries.Select(e => e.FullName).ToHashSet();
        string[] expected =
        [
            "lib/net8.0/DslInfra.dll",
            "analyzers/dotnet/cs/DslInfra.Generators.dll",
            "analyzers/dotnet/cs/Scriban.Signed.dll",
            "analyzers/dotnet/cs/DslInfra.Analyzers.dll",
            "analyzers/dotnet/cs/DslInfra.Analyzers.CodeFixes.dll",
            "tasks/net8.0/DslInfra.Build.dll",
            "tasks/netstandard2.0/DslInfra.Build.dll",
            "build/DslInfra.props", "build/DslInfra.targets",
            "buildTransitive/DslInfra.props", "buildTransitive/DslInfra.targets",
            "README.md",
        ];
        Assert.All(expected, path => Assert.Contains(path, entries));
        Assert.DoesNotContain(entries, e => e.Contains("Tests", StringComparison.Ordinal) || e.Contains("Sample", StringComparison.Ordinal)
            || e.Contains("WebService", StringComparison.Ordinal) || e.Contains("xunit", StringComparison.OrdinalIgnoreCase));
        var nuspec = new StreamReader(package.Entries.Single(e => e.FullName == "DslInfra.nuspec").Open()).ReadToEnd();
        Assert.Contains("<license type=\"expression\">MIT</license>", nuspec);
        Assert.DoesNotContain("<dependency ", nuspec); // generator, analyzers and task travel inside, not as dependencies
    }

    [Fact]
    public void Dotnet_new_creates_a_project_that_builds_from_the_feed_alone_and_writes_artifacts()
    {
        Assert.True(feed.TemplateInstall.ExitCode == 0, feed.TemplateInstall.Output);
        Assert.True(feed.New.ExitCode == 0, feed.New.Output);
        Assert.True(File.Exists(Path.Combine(feed.App, ".editorconfig")));
        Assert.True(feed.Restore.ExitCode == 0, feed.Restore.Output);
        Assert.True(feed.Build.ExitCode == 0, feed.Build.Output);
        Assert.True(File.Exists(Path.Combine(feed.App, "bin", "Debug", "net10.0", "infra", "infra", "main.tf.json")));
        Assert.Contains("DslInfra: 1 stack(s)", feed.Build.Output);
    }

    [Fact]
    public void A_build_with_nothing_changed_writes_nothing()
    {
        Assert.True(feed.NoOpBuild.ExitCode == 0, feed.NoOpBuild.Output);
        Assert.Contains("(0 written, 2 unchanged, 0 removed)", feed.NoOpBuild.Output);
    }

    [Fact]
    public void A_violation_shows_its_warning_in_the_build()
    {
        Assert.True(feed.BuildWithViolation.ExitCode == 0, feed.BuildWithViolation.Output);
        Assert.Matches(@"Unpinned\.cs\(12,\d+\): warning DI3002", feed.BuildWithViolation.Output);
    }

    [Fact]
    public void A_stack_with_errors_fails_the_build_without_analyzers_and_keeps_the_last_good_artifacts()
    {
        Assert.True(feed.BrokenWithoutAnalyzers.ExitCode != 0, feed.BrokenWithoutAnalyzers.Output);
        Assert.Matches(@"InfraStack\.cs\(\d+,\d+\): error DI1012", feed.BrokenWithoutAnalyzers.Output);
        Assert.Contains("main.tf.json", string.Join(" ", feed.LastGood.Keys));
        AssertSameFiles(feed.LastGood, feed.AfterBrokenWithoutAnalyzers);
    }

    [Fact]
    public void A_stack_with_errors_fails_the_build_whatever_the_editorconfig_says_and_keeps_the_last_good_artifacts()
    {
        Assert.True(feed.BrokenWithSeverityNone.ExitCode != 0, feed.BrokenWithSeverityNone.Output);
        // The generator's DI1012 is not configurable and carries the cause the silenced analyzer would have named.
        Assert.Matches(@"InfraStack\.cs\(\d+,\d+\): error DI1012: .*DI1001: 'System\.DateTime\.Now", feed.BrokenWithSeverityNone.Output);
        AssertSameFiles(feed.LastGood, feed.AfterBrokenWithSeverityNone);
    }

    private static void AssertSameFiles(Dictionary<string, byte[]> expected, Dictionary<string, byte[]> actual)
    {
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        Assert.All(expected, file => Assert.Equal(file.Value, actual[file.Key]));
    }

    [Fact]
    public void The_tool_installs_from_the_feed_and_reviews_a_plan()
    {
        Assert.True(feed.ToolInstall.ExitCode == 0, feed.ToolInstall.Output);
        var plan = Path.Combine(feed.Work, "plan.json");
        File.WriteAllText(plan, """{"format_version":"1.2","planned_values":{},"resource_changes":[{"address":"aws_vpc.main","mode":"managed","type":"aws_vpc","name":"main","change":{"actions":["update"],"before":{},"after":{}}}]}""");
        var manifest = Path.Combine(feed.App, "bin", "Debug", "net10.0", "infra");
        var (exit, output) = Repo.Run(Path.Combine(feed.Work, "tools", "dslinfra"), $"review \"{plan}\" --manifest \"{manifest}\"", feed.Work);
        Assert.True(exit == 0, output);
        Assert.Contains("declared at InfraStack.cs:", output);
    }
}
