using System.Text;
using Basic.Reference.Assemblies;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace DslInfra.Benchmarks;

/// <summary>Generated user code of a given size: resources that reference each other, interpolate and use nested blocks, as real stacks do.</summary>
internal static class SyntheticStacks
{
    public const int ResourcesPerStack = 100;

    internal static readonly MetadataReference[] References =
        [.. Net80.References.All, .. DslReferences.Both];

    private static readonly CSharpParseOptions Parse = new(LanguageVersion.CSharp12);

    /// <summary>One syntax tree per stack, 100 resources each (a realistic split); <paramref name="variant"/> changes one literal in stack 0.</summary>
    public static SyntaxTree Stack(int index, int resources, int variant = 0)
    {
        var source = new StringBuilder();
        source.Append("using System.Collections.Immutable;\nusing DslInfra;\nusing DslInfra.Aws;\n\n");
        source.Append($"[Stack(\"stack{index}\")]\npublic static class Stack{index}\n{{\n");
        source.Append("    public static readonly Variable<string> Env = new(\"env\") { Default = \"prod\" };\n");
        source.Append($"    public static readonly AwsVpc Vpc = new(\"main\") {{ CidrBlock = \"10.{variant}.0.0/16\", Tags = new() {{ [\"Name\"] = $\"vpc-{{Env}}\" }} }};\n");
        for (var i = 1; i < resources; i++)
        {
            source.Append(i % 2 == 0
                ? $"    public static readonly AwsSubnet Subnet{i} = new(\"subnet_{i}\") {{ VpcId = Vpc.Id, CidrBlock = $\"10.0.{{{i} % 256}}.0/24\", Tags = new() {{ [\"Name\"] = $\"subnet-{i}-{{Env}}\" }} }};\n"
                : $"    public static readonly AwsSecurityGroup Sg{i} = new(\"sg_{i}\") {{ VpcId = Vpc.Id, Ingress = [new() {{ FromPort = {i}, ToPort = {i}, Protocol = \"tcp\", CidrBlocks = [\"10.0.0.0/8\"] }}] }};\n");
        }
        source.Append("}\n");
        return CSharpSyntaxTree.ParseText(source.ToString(), Parse, path: $"/bench/Stack{index}.cs");
    }

    /// <summary>A compilation of <paramref name="totalResources"/> resources in stacks of 100.</summary>
    public static CSharpCompilation Compilation(int totalResources)
    {
        var stacks = Math.Max(1, totalResources / ResourcesPerStack);
        var trees = Enumerable.Range(0, stacks).Select(i => Stack(i, Math.Min(ResourcesPerStack, totalResources)));
        return CSharpCompilation.Create("Bench", trees, References, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
    }

    /// <summary>One stack holding all <paramref name="totalResources"/> resources.</summary>
    public static CSharpCompilation SingleStack(int totalResources) =>
        CSharpCompilation.Create("Bench", [Stack(0, totalResources)], References, new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
}
