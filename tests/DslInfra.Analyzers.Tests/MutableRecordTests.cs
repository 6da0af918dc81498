using DslInfra.Analyzers.CodeFixes;
using DslInfra.Analyzers.Rules;

namespace DslInfra.Analyzers.Tests;

public class MutableRecordTests
{
    [Fact]
    public Task Setter_field_and_mutable_collections_on_a_resource_record() => Verify<MutableRecordAnalyzer>.Diagnostics("""
        [DslInfra.Schema.TerraformType("aws_cloudwatch_log_group")]
        public sealed record LogGroup(string Name) : Resource(Name)
        {
            public string? GroupName { get; {|DI2001:set|}; }
            public {|DI2001:List<string>|} Subscribers { get; init; } = new();
            public {|DI2001:Dictionary<string, string>|}? Labels { get; init; }
            public {|DI2001:string[]|}? Zones { get; init; }
            public int {|DI2001:retries|};
            public ImmutableArray<string> Fine { get; init; }
        }
        """);

    [Fact]
    public Task A_record_held_by_a_resource_is_infrastructure_too() => Verify<MutableRecordAnalyzer>.Diagnostics("""
        public sealed record Rule { public int Port { get; {|DI2001:set|}; } }

        [DslInfra.Schema.TerraformType("x_firewall")]
        public sealed record Firewall(string Name) : Resource(Name)
        {
            public ImmutableArray<Rule> Rules { get; init; }
        }
        """);

    [Fact]
    public Task Look_alikes_are_not_flagged() => Verify<MutableRecordAnalyzer>.Diagnostics("""
        public sealed class DeployOptions { public string? Region { get; set; } public List<string> Hosts { get; } = new(); }
        public sealed record NotInfrastructure { public int Count { get; set; } }
        public sealed record Tidy(string Name) : Resource(Name) { public override string TerraformType => "x_tidy"; public ImmutableArray<string> Items { get; init; } }
        """);

    [Fact]
    public Task Fix_turns_set_into_init() => Verify<MutableRecordAnalyzer>.Fix<MutableRecordCodeFix>("""
        public sealed record Disk(string Name) : Resource(Name) { public override string TerraformType => "x_disk"; public int Size { get; {|DI2001:set|}; } }
        """, """
        public sealed record Disk(string Name) : Resource(Name) { public override string TerraformType => "x_disk"; public int Size { get; init; } }
        """);

    [Fact]
    public Task Fix_makes_a_field_readonly() => Verify<MutableRecordAnalyzer>.Fix<MutableRecordCodeFix>("""
        public sealed record Disk(string Name) : Resource(Name) { public override string TerraformType => "x_disk"; public int {|DI2001:size|}; }
        """, """
        public sealed record Disk(string Name) : Resource(Name) { public override string TerraformType => "x_disk"; public readonly int size; }
        """);

    [Fact]
    public Task Fix_all_replaces_mutable_collections_with_immutable_ones() => Verify<MutableRecordAnalyzer>.Fix<MutableRecordCodeFix>("""
        public sealed record Disk(string Name) : Resource(Name)
        {
            public override string TerraformType => "x_disk";
            public {|DI2001:List<string>|}? Paths { get; init; }
            public {|DI2001:HashSet<int>|}? Ports { get; init; }
            public {|DI2001:IDictionary<string, int>|}? Sizes { get; init; }
            public {|DI2001:List<int>|} Sizes2 { get; init; } = new();
            public {|DI2001:Dictionary<string, string>|} Labels { get; init; } = new Dictionary<string, string>();
        }
        """, """
        public sealed record Disk(string Name) : Resource(Name)
        {
            public override string TerraformType => "x_disk";
            public ImmutableArray<string> Paths { get; init; }
            public ImmutableHashSet<int>? Ports { get; init; }
            public ImmutableDictionary<string, int>? Sizes { get; init; }
            public ImmutableArray<int> Sizes2 { get; init; } = [];
            public ImmutableDictionary<string, string> Labels { get; init; } = ImmutableDictionary<string, string>.Empty;
        }
        """);
}
