using DslInfra.Bindings.Emit;
using DslInfra.Bindings.Schema;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DslInfra.Generators.Tests.Bindings;

/// <summary>
/// For every type of the four vendored providers, the generated record's [TerraformType] and every [TerraformName]
/// below it (nested blocks and object values included) equal the schema's names: nothing renamed, nothing lost.
/// </summary>
public class RoundTripTests
{
    public static TheoryData<string> Providers() => ["aws", "azurerm", "google", "kubernetes"];

    [Theory]
    [MemberData(nameof(Providers))]
    public void Every_terraform_name_round_trips(string name)
    {
        var provider = ProviderSchemaFile.Read(Path.Combine(RepoPaths.Root, "src", "DslInfra.Providers", "schemas", name + ".schema.json.gz")).Providers.Single();
        var records = BindingGenerator.Generate(provider, new BindingOptions("Check"))
            .SelectMany(f => CSharpSyntaxTree.ParseText(f.Content).GetRoot().DescendantNodes().OfType<RecordDeclarationSyntax>())
            .Where(r => r.Parent is BaseNamespaceDeclarationSyntax)
            .ToDictionary(r => (Attribute(r.AttributeLists, "TerraformType")!, r.BaseList!.Types[0].Type.ToString().Split('(')[0]));
        var types = provider.Types.ToList();
        Assert.Equal(types.Count, records.Count);
        foreach (var type in types)
        {
            var baseType = type.Kind switch { SchemaKind.DataSource => "DataSource", SchemaKind.EphemeralResource => "EphemeralResource", _ => "Resource" };
            Compare(records[(type.Type, baseType)], type.Block, top: true, BindingGenerator.Key(type));
        }
    }

    private static void Compare(RecordDeclarationSyntax record, Block block, bool top, string path)
    {
        var properties = record.Members.OfType<PropertyDeclarationSyntax>().ToDictionary(p => Attribute(p.AttributeLists, "TerraformName") ?? throw new Xunit.Sdk.XunitException($"{path}.{p.Identifier}: no [TerraformName]"));
        var expected = block.Attributes.Where(a => top || !a.IsComputedOnly).Select(a => a.Name)
            .Concat(block.BlockTypes.Where(IsSettable).Select(b => b.Name)).Order(StringComparer.Ordinal).ToList();
        Assert.True(expected.SequenceEqual(properties.Keys.Order(StringComparer.Ordinal)),
            $"{path}: expected [{string.Join(", ", expected)}], generated [{string.Join(", ", properties.Keys.Order(StringComparer.Ordinal))}]");
        foreach (var nested in block.BlockTypes.Where(IsSettable))
            Compare(Nested(record, properties[nested.Name]), nested.Block, top: false, path + "." + nested.Name);
        foreach (var attribute in block.Attributes.Where(a => top || !a.IsComputedOnly))
            if (ObjectIn(attribute.Type) is { } obj && properties[attribute.Name].ExpressionBody is null)
                CompareObject(Nested(record, properties[attribute.Name]), obj, path + "." + attribute.Name);
    }

    private static void CompareObject(RecordDeclarationSyntax record, ObjectType type, string path)
    {
        var properties = record.Members.OfType<PropertyDeclarationSyntax>().ToDictionary(p => Attribute(p.AttributeLists, "TerraformName")!);
        Assert.True(type.Attributes.Select(a => a.Name).SequenceEqual(properties.Keys.Order(StringComparer.Ordinal)), $"{path}: object attributes differ");
        foreach (var attribute in type.Attributes)
            if (ObjectIn(attribute.Type) is { } inner)
                CompareObject(Nested(record, properties[attribute.Name]), inner, path + "." + attribute.Name);
    }

    /// <summary>The record a property's type names (XBlock?, ImmutableArray&lt;XBlock&gt;, Map&lt;XValue&gt;?…), declared inside the parent.</summary>
    private static RecordDeclarationSyntax Nested(RecordDeclarationSyntax parent, PropertyDeclarationSyntax property)
    {
        var type = property.Type.ToString();
        var name = type.Replace("?", "").Replace("ImmutableArray<", "").Replace("Map<", "").Replace(">", "");
        return parent.Members.OfType<RecordDeclarationSyntax>().SingleOrDefault(r => r.Identifier.Text == name)
            ?? throw new Xunit.Sdk.XunitException($"{parent.Identifier}.{property.Identifier}: no nested record {name}");
    }

    private static ObjectType? ObjectIn(CtyType type) => type switch
    {
        ObjectType obj => obj,
        Collection collection => ObjectIn(collection.Element),
        _ => null,
    };

    private static bool IsSettable(BlockType block) =>
        block.Block.Attributes.Any(a => !a.IsComputedOnly) || block.Block.BlockTypes.Any(IsSettable);

    private static string? Attribute(SyntaxList<AttributeListSyntax> lists, string name) =>
        lists.SelectMany(l => l.Attributes).Where(a => a.Name.ToString() == name)
            .Select(a => ((LiteralExpressionSyntax)a.ArgumentList!.Arguments[0].Expression).Token.ValueText).FirstOrDefault();
}

/// <summary>Every record of every vendored provider compiles without an error or a warning (the generator's names are legal C# for all of them).</summary>
public class ProviderCompileTests
{
    [Theory]
    [MemberData(nameof(RoundTripTests.Providers), MemberType = typeof(RoundTripTests))]
    public void All_records_compile_cleanly(string name)
    {
        var provider = ProviderSchemaFile.Read(Path.Combine(RepoPaths.Root, "src", "DslInfra.Providers", "schemas", name + ".schema.json.gz")).Providers.Single();
        var trees = BindingGenerator.Generate(provider, new BindingOptions("Check." + name))
            .Select(f => CSharpSyntaxTree.ParseText(f.Content, Harness.ParseOptions, path: f.Name));
        var compilation = CSharpCompilation.Create("Check", trees, Harness.References,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));
        var problems = compilation.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).Take(10).ToList();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
