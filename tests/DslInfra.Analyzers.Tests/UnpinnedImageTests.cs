using DslInfra.Analyzers.Rules;

namespace DslInfra.Analyzers.Tests;

public class UnpinnedImageTests
{
    [Fact]
    public Task Most_recent_over_a_wildcard_or_a_regex() => Verify<UnpinnedImageAnalyzer>.Diagnostics("""
        public static class S
        {
            public static readonly DataAwsAmi Ubuntu = new("ubuntu")
            {
                Owners = ["099720109477"],
                {|DI3002:MostRecent = true|},
                Filter = [new() { Name = "name", Values = ["ubuntu/images/*ubuntu-noble-24.04-amd64-server-*"] }],
            };
            public static readonly DataAwsAmi Latest = new("latest") { Owners = ["self"], {|DI3002:MostRecent = true|}, NameRegex = "^web-\\d+$" };
        }
        """);

    [Fact]
    public Task A_bake_from_the_newest_wildcard_match() => Verify<UnpinnedImageAnalyzer>.Diagnostics("""
        using DslInfra.Images;

        public static class S
        {
            public static readonly AmazonEbsImage Web = new("web")
            {
                SourceAmiFilter = new() { Name = "ubuntu/images/*noble*", Owners = ["099720109477"], {|DI3002:MostRecent = true|} },
                InstanceType = "t3.small",
                SshUsername = "ubuntu",
            };
            public static readonly AmazonEbsImage Pinned = new("pinned") { SourceAmi = "ami-0123", InstanceType = "t3.small", SshUsername = "ubuntu" };
        }
        """);

    [Fact]
    public Task A_container_base_image_by_latest_or_no_tag() => Verify<UnpinnedImageAnalyzer>.Diagnostics("""
        using DslInfra.Images;

        public static class S
        {
            public static readonly ContainerImage A = new("a") { BaseImage = {|DI3002:"nginx:latest"|}, Repository = "r/a" };
            public static readonly ContainerImage B = new("b") { BaseImage = {|DI3002:"registry.example.com:5000/team/nginx"|}, Repository = "r/b" };
            public static readonly ContainerImage C = new("c") { BaseImage = "nginx:1.27.3", Repository = "r/c" };
            public static readonly ContainerImage D = new("d") { BaseImage = "nginx@sha256:4c0fdaa8b6341bfdeca5f18f7837462c80cff90527ee35ef185571e1c327beac", Repository = "r/d" };
        }
        """);

    [Fact]
    public Task An_exact_name_is_pinned() => Verify<UnpinnedImageAnalyzer>.Diagnostics("""
        public static class S
        {
            public static readonly DataAwsAmi Web = new("web") { Owners = ["self"], Filter = [new() { Name = "name", Values = ["web-3f9c2a1b"] }] };
            public static readonly DataAwsAmi Exact = new("exact") { Owners = ["self"], MostRecent = true, Filter = [new() { Name = "name", Values = ["web-3f9c2a1b"] }] };
        }
        """);
}
