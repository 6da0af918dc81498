using System.Text.RegularExpressions;

namespace DslInfra.EndToEnd.Tests;

/// <summary>`dotnet build` of samples/MutableLegacy shows every immutability warning with its ID, file and line.</summary>
[Collection(SampleBuildCollection.Name)]
public sealed partial class MutableLegacyBuildTests
{
    private static readonly Lazy<string> BuildOutput = new(Build);

    public static TheoryData<string, int, string> Expected() => new()
    {
        { "Hotfix.cs", 14, "DI2003" },
        { "Hotfix.cs", 19, "DI2004" },
        { "Hotfix.cs", 20, "DI2004" },
        { "Hotfix.cs", 23, "DI2002" },
        { "Hotfix.cs", 24, "DI2002" },
        { "Hotfix.cs", 27, "DI2003" },
        { "LegacyStack.cs", 18, "DI3002" },
        { "LegacyStack.cs", 27, "DI2005" },
        { "LegacyStack.cs", 28, "DI2006" },
        { "LegacyStack.cs", 32, "DI3004" },
        { "LegacyStack.cs", 34, "DI3001" },
        { "LegacyStack.cs", 35, "DI2004" },
        { "LegacyStack.cs", 43, "DI2001" },
        { "LegacyStack.cs", 44, "DI2001" },
    };

    [Theory]
    [MemberData(nameof(Expected))]
    public void Each_expected_warning_is_in_the_build_output(string file, int line, string id) =>
        Assert.Contains(Warnings(), w => w.File == file && w.Line == line && w.Id == id);

    [Fact]
    public void No_other_dslinfra_warning_appears()
    {
        var expected = Expected().Select(row => ((string)row[0], (int)row[1], (string)row[2])).ToHashSet();
        Assert.All(Warnings(), w => Assert.Contains((w.File, w.Line, w.Id), expected));
        Assert.Equal(expected.Count, Warnings().Count);
    }

    private static List<(string File, int Line, string Id)> Warnings() =>
        Warning().Matches(BuildOutput.Value)
            .Select(m => (Path.GetFileName(m.Groups["file"].Value), int.Parse(m.Groups["line"].Value), m.Groups["id"].Value))
            .Distinct().ToList();

    private static string Build()
    {
        var project = Path.Combine(Repo.Root, "samples", "MutableLegacy", "MutableLegacy.csproj");
        var (exit, output) = Repo.Run("dotnet", $"build \"{project}\" --no-incremental -p:BuildProjectReferences=false -nologo -clp:NoSummary", Repo.Root);
        Assert.True(exit == 0, output);
        return output;
    }

    [GeneratedRegex(@"(?<file>[^\s(]+\.cs)\((?<line>\d+),\d+\): warning (?<id>DI\d{4}):")]
    private static partial Regex Warning();
}
