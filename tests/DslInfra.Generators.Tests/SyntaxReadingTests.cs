using DslInfra.Generators.Evaluation;

namespace DslInfra.Generators.Tests;

/// <summary>
/// Members in the common shapes are read from syntax without binding (Evaluator.Syntax.cs). Every test of this project
/// checks such members against the operation walk (SyntaxReadingCheck); these cases aim at the places where the two could
/// part — numbers converted to Expr&lt;double&gt;, escaped braces, shadowed names, hidden properties, overloads — and
/// say which shapes must be read from syntax (or the large stacks it exists for would bind again) and which must not.
/// </summary>
[Collection(nameof(MemberCacheTests))] // the count of members read from syntax is process-wide
public class SyntaxReadingTests
{
    private const string Prelude = """
            public static readonly Variable<string> Env = new("env") { Default = "prod" };
            public static readonly AwsVpc Vpc = new("main") { CidrBlock = "10.0.0.0/16" };

        """;

    /// <summary>Synthesizes a stack of the prelude and <paramref name="member"/>; the artifacts and how many members were read from syntax.</summary>
    private static (Dictionary<string, string> Artifacts, int FromSyntax) Synthesize(string member, string outside = "")
    {
        var compilation = Harness.Compile(Harness.Usings + outside + "\n[Stack(\"s\")]\npublic static class S\n{\n" + Prelude + member + "\n}\n");
        var before = Evaluator.SyntaxReadMembers;
        var artifacts = Harness.Artifacts(compilation);
        return (artifacts, Evaluator.SyntaxReadMembers - before);
    }

    /// <summary>One pair of bench/scale's stack, as make_stacks.py writes it.</summary>
    private const string ScalePair = """
        public static readonly DataAwsAmi Ami = new("base") { Owners = ["099720109477"], Filter = [new() { Name = "name", Values = ["ubuntu/images/*"] }] };
        public static readonly AwsLaunchTemplate Lt0 = new("lt_0")
        {
            NamePrefix = "app-0-",
            ImageId = Ami.Id,
            InstanceType = "t3.small",
            UserData = "IyEvYmluL2Jhc2gKZWNobyBoZWxsbwo=",
            TagSpecifications = [new() { ResourceType = "instance", Tags = new() { ["Name"] = "app-0" } }],
            Lifecycle = new() { CreateBeforeDestroy = true },
        };
        public static readonly AwsAutoscalingGroup Asg0 = new("asg_0")
        {
            NamePrefix = "app-0-",
            MinSize = 1,
            MaxSize = 3,
            MaxInstanceLifetime = 604800,
            VpcZoneIdentifier = ["eu-west-1a", "eu-west-1b", "eu-west-1c"],
            LaunchTemplate = new() { Id = Lt0.Id, Version = $"{Lt0.LatestVersion}" },
            Tag = [new() { Key = "Name", Value = "app-0", PropagateAtLaunch = true }],
            InstanceRefresh = new() { Strategy = "Rolling" },
        };
        """;

    [Theory]
    [InlineData("public static readonly AwsAutoscalingGroup G = new(\"g\") { MinSize = 1, MaxSize = -3, MaxInstanceLifetime = 604800, DesiredCapacity = 2L, HealthCheckGracePeriod = 0 };")]
    [InlineData("public static readonly AwsLaunchTemplate Lt = new(\"lt\") { Lifecycle = new() { CreateBeforeDestroy = true, PreventDestroy = false } };")]
    [InlineData("public static readonly AwsSubnet Sn = new(\"a\") { VpcId = Vpc.Id, CidrBlock = $\"{Vpc.Arn}\", Tags = new() { [\"b\"] = \"2\", [\"a\"] = \"1\", [\"b\"] = \"3\" } };")]
    [InlineData("public static readonly AwsSubnet Sn = new(\"a\") { VpcId = Vpc.Id, Tags = new() { [\"x\"] = $\"{{braces}} }}{Vpc.Id}{{\", [\"v\"] = $@\"\"\"q\"\"{{{Env}}}\", [\"e\"] = Env } };")]
    [InlineData("public static readonly AwsSubnet Sn = new AwsSubnet(\"a\") { VpcId = Vpc.Id, AvailabilityZone = $\"{Env}-{Vpc.Arn}\", MapPublicIpOnLaunch = true };")]
    [InlineData("public static readonly AwsLaunchTemplate Lt = new(\"lt\") { ImageId = Ami.Id, TagSpecifications = [new() { ResourceType = \"instance\", Tags = new() { [\"Name\"] = \"app\" } }], VpcSecurityGroupIds = [Vpc.DefaultSecurityGroupId, \"sg-1\"] };\n"
        + "public static readonly DataAwsAmi Ami = new(\"base\") { Owners = [\"099720109477\"], Filter = [new() { Name = \"name\", Values = [\"ubuntu/*\"] }] };")]
    [InlineData("public static readonly Output<string> Out = new(\"vpc_id\") { Value = Vpc.Id, Description = \"the vpc\" };")]
    [InlineData(ScalePair)]
    [InlineData("public static readonly AwsProvider Aws = new() { Region = \"eu-west-1\", DefaultTags = new() { Tags = new() { [\"team\"] = \"platform\" } } };\n"
        + "public static readonly S3Backend State = new() { Bucket = \"acme-tf\", Key = \"scale.tfstate\", Region = \"eu-west-1\" };")]
    [InlineData("public static readonly AwsSubnet Sn = new(\"a\") { VpcId = Vpc.Id, CidrBlock = $\"{Prefix}-x\", AvailabilityZone = Prefix };\npublic const string Prefix = \"${p}\";")] // C# folds it
    [InlineData("public static readonly AwsSubnet Sn = new(\"a\") { VpcId = Vpc.Id, CidrBlock = $\"{Net.Prefix}.{Net.Octet}.{Net.Ratio}.{Net.On}/{Vpc.Id}\", MapPublicIpOnLaunch = Net.On, Tags = new() { [\"n\"] = Net.Prefix } };",
        "public static class Net { public const string Prefix = \"10\"; public const int Octet = 7; public const double Ratio = 0.5; public const bool On = true; }")]
    [InlineData("public static readonly AwsAutoscalingGroup G = new(\"g\") { MinSize = Net.Min, MaxSize = Net.Max, MaxInstanceLifetime = Net.Week };",
        "internal static class Net { public const int Min = 1; public const long Max = 3L; internal const double Week = 604800; }")]
    public void Common_shapes_are_read_from_syntax_and_agree_with_the_operation_walk(string member, string outside = "")
    {
        var members = 2 + member.Split("public static readonly").Length - 1;
        Assert.Equal(members, Synthesize(member, outside).FromSyntax);
    }

    [Theory]
    [InlineData("public static readonly AwsSubnet Sn = new(\"a\") { VpcId = Vpc.Id, CidrBlock = $\"\\u007B{Vpc.Id}\" };")] // a brace written as an escape
    [InlineData("public static readonly AwsSubnet Sn = new(\"a\") { VpcId = Vpc.Id, CidrBlock = 1 > 0 ? \"a\" : \"b\" };")]
    [InlineData("public static readonly AwsSubnet Sn = new(\"a\") { VpcId = Vpc.Id, CidrBlock = \"10.0.\" + \"1.0/24\" };")]
    [InlineData("public static readonly Mine M = new(\"m\") { Size = 3 };", "[DslInfra.Schema.TerraformType(\"my_thing\")] public sealed record Mine(string Name, string Zone = \"z\") : Resource(Name) { public Expr<double>? Size { get; init; } }")]
    [InlineData("public static readonly AwsSubnet Sn = new(\"a\") { VpcId = Vpc.Id, CidrBlock = Net.Prefix };\npublic static readonly AwsVpc Net = new(\"n\") { CidrBlock = \"10.1.0.0/16\" };",
        "public static class Net { public const string Prefix = \"not-this\"; }")] // a stack member hides the class: C# reads the member (an error here)
    [InlineData("public static readonly AwsSubnet Sn = new(\"a\") { VpcId = Vpc.Id, CidrBlock = $\"{Net.Letter}\" };", "public static class Net { public const char Letter = 'x'; }")]
    [InlineData("public static readonly ImmutableArray<AwsSubnet> Subnets = Repeat.For(2, i => new AwsSubnet($\"s{i}\") { VpcId = Vpc.Id });")]
    public void Other_shapes_are_left_to_the_operation_walk_with_the_same_result(string member, string outside = "")
    {
        var members = 2 + member.Split("public static readonly").Length - 1;
        var (artifacts, fromSyntax) = Synthesize(member, outside);
        Assert.Equal(members - 1, fromSyntax); // all but the case's first member
        Assert.Contains("aws_vpc", artifacts["s/main.tf.json"], StringComparison.Ordinal);
    }

    [Fact]
    public void Numbers_reach_every_numeric_property_type_as_the_operation_walk_converts_them()
    {
        var (artifacts, fromSyntax) = Synthesize(
            "public static readonly Sizes N = new(\"n\") { A = 1, B = 2, C = 3, D = 4, E = 5L, F = -6, G = 7.5, H = 8, I = 9, J = 10, K = 11L, L = \"x\", M = true, O = 12, P = -4, Q = -2.5 };",
            """
            [DslInfra.Schema.TerraformType("my_sizes")]
            public sealed record Sizes(string Name) : Resource(Name)
            {
                public int A { get; init; }
                public long B { get; init; }
                public double C { get; init; }
                public double? D { get; init; }
                public long? E { get; init; }
                public int? F { get; init; }
                public Expr<double>? G { get; init; }
                public Expr<double>? H { get; init; }
                public Expr<long>? I { get; init; }
                public Expr<int>? J { get; init; }
                public Expr<double>? K { get; init; }
                public Expr? L { get; init; }
                public Expr? M { get; init; }
                public Expr? O { get; init; }
                public double? P { get; init; }
                public Expr<double>? Q { get; init; }
            }
            """);
        Assert.Equal(3, fromSyntax); // and each value agreed with the operation walk (SyntaxReadingCheck)
        Assert.Contains("\"g\": 7.5", artifacts["s/main.tf.json"], StringComparison.Ordinal);
    }

    /// <summary>
    /// Random stacks made only of the shapes read from syntax, with hostile text, every kind of number, escaped braces,
    /// duplicate map keys, constants and cross references: every member must be read from syntax, and (the check) agree
    /// with the operation walk. Fixed seeds, so a failure names its stack.
    /// </summary>
    public static TheoryData<int> Seeds() => [.. Enumerable.Range(1, 24)];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Random_stacks_in_the_common_shapes_are_read_from_syntax_and_agree(int seed)
    {
        var random = new Random(seed);
        // As written in C# source: escapes, hostile Terraform, a line separator, an emoji, a bidi override.
        string[] texts = ["plain", "${var.x}", "%{ if true }", "quote \\\"q\\\"", "back\\\\slash", "tab\\t", "line\\u2028sep", "🚀", "\\u202e", "", "{braces}", "a b"];
        string Text() => "\"" + texts[random.Next(texts.Length)] + "\"";
        string Number() => random.Next(6) switch { 0 => "0", 1 => "-7", 2 => "2147483647", 3 => "9000000000L", 4 => "1.25", _ => "Net.Port" };
        string Reference(int upTo) => upTo == 0 ? "Vpc.Id" : random.Next(3) switch { 0 => "Vpc.Id", 1 => $"Sg{random.Next(upTo)}.Id", _ => $"Sg{random.Next(upTo)}.Arn" };
        string Interpolated(int upTo) => random.Next(4) switch
        {
            0 => $"$\"{{{{x}}}}-{{{Reference(upTo)}}}-{{Env}}\"",
            1 => $"$@\"\"\"q\"\"{{Net.Prefix}}-{{{Reference(upTo)}}}\"",
            2 => "$\"{Net.Prefix}-{Net.Port}-{Net.On}\"",
            _ => $"$\"pre {{{Reference(upTo)}}} post\"",
        };
        string Value(int upTo) => random.Next(4) switch { 0 => Text(), 1 => Reference(upTo), 2 => Interpolated(upTo), _ => "Net.Prefix" };
        string Tags(int upTo)
        {
            var entries = Enumerable.Range(0, random.Next(4)).Select(_ => $"[{(random.Next(2) == 0 ? "\"k\"" : Text())}] = {Value(upTo)}");
            return $"new() {{ {string.Join(", ", entries)} }}";
        }

        var members = new System.Text.StringBuilder();
        var count = random.Next(3, 12);
        for (var i = 0; i < count; i++)
        {
            var ports = Enumerable.Range(0, random.Next(3)).Select(_ =>
                $"new() {{ FromPort = {Number()}, ToPort = {Number()}, Protocol = {Text()}, CidrBlocks = [{Value(i)}, {Text()}] }}");
            members.Append(random.Next(3) switch
            {
                0 => $"public static readonly AwsSecurityGroup Sg{i} = new(\"sg_{i}\") {{ VpcId = {Reference(i)}, Ingress = [{string.Join(", ", ports)}], Tags = {Tags(i)} }};\n",
                1 => $"public static readonly AwsSecurityGroup Sg{i} = new AwsSecurityGroup(\"sg_{i}\") {{ Description = {Interpolated(i)}, RevokeRulesOnDelete = {(random.Next(2) == 0 ? "true" : "Net.On")}, Lifecycle = new() {{ CreateBeforeDestroy = true }} }};\n",
                _ => $"public static readonly AwsSecurityGroup Sg{i} = new(\"sg_{i}\") {{ NamePrefix = {Value(i)}, Tags = {Tags(i)}, TagsAll = new() }};\n",
            });
        }
        var (artifacts, fromSyntax) = Synthesize(members.ToString(),
            "public static class Net { public const string Prefix = \"${p}\"; public const int Port = 443; public const bool On = true; }");
        Assert.Equal(2 + count, fromSyntax);
        Assert.Contains("aws_security_group", artifacts["s/main.tf.json"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_property_hidden_by_a_derived_record_is_the_one_set()
    {
        var (artifacts, fromSyntax) = Synthesize(
            "public static readonly Tagged T = new(\"t\") { Label = \"derived\" };",
            """
            [DslInfra.Schema.TerraformType("my_tagged")]
            public record TaggedBase(string Name) : Resource(Name) { [DslInfra.Schema.TerraformName("base_label")] public Expr<string>? Label { get; init; } }
            [DslInfra.Schema.TerraformType("my_tagged")]
            public sealed record Tagged(string Name) : TaggedBase(Name) { [DslInfra.Schema.TerraformName("label")] public new Expr<string>? Label { get; init; } }
            """);
        Assert.Equal(3, fromSyntax);
        Assert.Contains("\"label\": \"derived\"", artifacts["s/main.tf.json"], StringComparison.Ordinal);
        Assert.DoesNotContain("base_label", artifacts["s/main.tf.json"], StringComparison.Ordinal);
    }

    [Fact]
    public void A_type_named_like_a_member_does_not_change_what_the_member_means()
    {
        var (artifacts, fromSyntax) = Synthesize(
            "public static readonly AwsSubnet Sn = new(\"a\") { VpcId = Net.Id };\npublic static readonly AwsVpc Net = new(\"net\") { CidrBlock = \"10.1.0.0/16\" };",
            "public static class Net { public static string Id => \"not-this\"; }");
        Assert.Equal(4, fromSyntax);
        Assert.Contains("${aws_vpc.net.id}", artifacts["s/main.tf.json"], StringComparison.Ordinal);
    }

    [Fact]
    public void What_would_be_reported_is_left_to_the_operation_walk_which_reports_it()
    {
        var diagnostics = Harness.Diagnostics("""
            [Stack("s")]
            public static class S
            {
                public static readonly AwsVpc Vpc = new("main") { CidrBlock = "\uD800" };
                public static readonly AwsSubnet Sn = new("a") { VpcId = Vpc.Id, CidrBlock = $"{Vpc}" };
                public static readonly AwsSubnet A = new("x") { VpcId = B.Id };
                public static readonly AwsSubnet B = new("y") { VpcId = A.Id };
            }
            """);
        var ids = diagnostics.Select(d => d.Id).ToList();
        Assert.Equal(2, ids.Count(id => id == "DI1007")); // the lone surrogate, and a whole resource in a string
        Assert.DoesNotContain("DI1000", ids);
        Assert.Single(diagnostics, d => d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("A → B → A", StringComparison.Ordinal)
            || d.GetMessage(System.Globalization.CultureInfo.InvariantCulture).Contains("B → A → B", StringComparison.Ordinal));
    }
}
