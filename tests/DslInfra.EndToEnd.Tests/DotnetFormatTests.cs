namespace DslInfra.EndToEnd.Tests;

/// <summary>The DI2001 code fix through a real client: `dotnet format analyzers` rewrites a project's files.</summary>
[Collection(SampleBuildCollection.Name)]
public sealed class DotnetFormatTests : IDisposable
{
    private readonly string work = Directory.CreateTempSubdirectory("dslinfra-format-").FullName;

    public void Dispose() => Directory.Delete(work, recursive: true);

    [Fact]
    public void Dotnet_format_applies_the_fixes_to_every_violation()
    {
        var root = Repo.Root;
        File.WriteAllText(Path.Combine(work, "Infra.csproj"), $"""
            <Project Sdk="Microsoft.NET.Sdk">
              <PropertyGroup>
                <TargetFramework>net10.0</TargetFramework>
                <Nullable>enable</Nullable>
              </PropertyGroup>
              <ItemGroup>
                <ProjectReference Include="{root}/src/DslInfra/DslInfra.csproj" />
                <ProjectReference Include="{root}/analyzers/DslInfra.Analyzers/DslInfra.Analyzers.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
                <ProjectReference Include="{root}/analyzers/DslInfra.Analyzers.CodeFixes/DslInfra.Analyzers.CodeFixes.csproj" OutputItemType="Analyzer" ReferenceOutputAssembly="false" />
              </ItemGroup>
            </Project>
            """);
        File.WriteAllText(Path.Combine(work, "Disk.cs"), """
            using System.Collections.Generic;
            using DslInfra;

            public sealed record Disk(string Name) : Resource(Name)
            {
                public override string TerraformType => "x_disk";
                public int Size { get; set; }
                public List<string> Paths { get; init; } = new();
                public string? label;
            }
            """);

        var (exit, output) = Repo.Run("dotnet", $"format analyzers \"{Path.Combine(work, "Infra.csproj")}\" --diagnostics DI2001 --severity warn -v:q", work);

        Assert.True(exit == 0, output);
        var fixedText = File.ReadAllText(Path.Combine(work, "Disk.cs"));
        Assert.Contains("public int Size { get; init; }", fixedText);
        Assert.True(fixedText.Contains("public ImmutableArray<string> Paths { get; init; } = [];"), fixedText);
        Assert.Contains("public readonly string? label;", fixedText);
        Assert.Contains("using System.Collections.Immutable;", fixedText);
    }

}
