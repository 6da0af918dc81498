using DslInfra.Analyzers.Rules;

namespace DslInfra.Analyzers.Tests;

public class MutationAfterConstructionTests
{
    [Fact]
    public Task Assignment_collection_mutation_and_reflection_write() => Verify<MutationAfterConstructionAnalyzer>.Diagnostics("""
        public sealed record Box(string Name) : Resource(Name)
        {
            public override string TerraformType => "x_box";
            public string? Size { get; set; }
            public List<string> Tags { get; init; } = new();
        }

        public static class Deploy
        {
            public static void Patch(Box box)
            {
                {|DI2002:box.Size = "large"|};
                {|DI2002:box.Tags.Add("patched")|};
                {|DI2002:typeof(Box).GetProperty("Size")!.SetValue(box, "huge")|};
            }
        }
        """);

    [Fact]
    public Task Initializers_with_and_unrelated_types_are_fine() => Verify<MutationAfterConstructionAnalyzer>.Diagnostics("""
        public sealed record Box(string Name) : Resource(Name)
        {
            public override string TerraformType => "x_box";
            public string? Size { get; init; }
        }

        public sealed class Options { public string? Size { get; set; } public List<string> Tags { get; } = new(); }

        public static class Deploy
        {
            public static Box Build()
            {
                var box = new Box("a") { Size = "small" };
                var bigger = box with { Size = "large" };
                var options = new Options();
                options.Size = "large";
                options.Tags.Add("x");
                typeof(Options).GetProperty("Size")!.SetValue(options, "huge");
                return bigger;
            }
        }
        """);
}
