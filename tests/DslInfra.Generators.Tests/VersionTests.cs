using System.Text.Json.Nodes;
using DslInfra.Generators.Model;

namespace DslInfra.Generators.Tests;

/// <summary>
/// required_providers and required_version: owned by the provider packages (the records' schema release) and by what
/// the stack uses; DI3006 and DI3007 where what the user states disagrees.
/// </summary>
public class VersionTests
{
    [Theory]
    [InlineData("~> 6.47", "6.47.0", true)]
    [InlineData("~> 6.47", "6.99.3", true)]
    [InlineData("~> 6.47", "7.0.0", false)]
    [InlineData("~> 6.47", "6.46.9", false)]
    [InlineData("~> 6.47.0", "6.47.9", true)]
    [InlineData("~> 6.47.0", "6.48.0", false)]
    [InlineData("~> 5.0", "6.47.0", false)]
    [InlineData("~> 6", "6.47.0", true)]
    [InlineData(">= 6.0, < 7.0", "6.47.0", true)]
    [InlineData(">= 6.0, != 6.47.0", "6.47.0", false)]
    [InlineData("6.47.0", "6.47.0", true)]
    [InlineData("= 6.47.1", "6.47.0", false)]
    [InlineData("> 6.47", "6.47.0", false)]
    [InlineData("<= 6.47", "6.47.0", true)]
    [InlineData(">= 1.11.0", "1.11.0-beta1", false)]
    public void A_constraint_admits_what_Terraform_admits(string constraint, string version, bool admitted) =>
        Assert.Equal(admitted, VersionConstraint.Parse(constraint)!.Admits(ReleaseVersion.Parse(version)!.Value.Version));

    [Theory]
    [InlineData(">= 1.5.0", "1.10.0", true)]
    [InlineData(">= 1.10", "1.10.0", false)]
    [InlineData("~> 1.10", "1.10.0", false)]
    [InlineData("~> 1.9", "1.10.0", true)]
    [InlineData("< 2.0", "1.10.0", true)]
    [InlineData("> 1.9.8", "1.10.0", true)]
    [InlineData("= 1.11.4", "1.10.0", false)]
    [InlineData(">= 1.0, != 1.9.0", "1.10.0", true)]
    public void A_constraint_that_admits_an_older_Terraform_is_found(string constraint, string minimum, bool older) =>
        Assert.Equal(older, VersionConstraint.Parse(constraint)!.AdmitsOlderThan(ReleaseVersion.Parse(minimum)!.Value.Version));

    [Theory]
    [InlineData("")]
    [InlineData("latest")]
    [InlineData(">= 1.x")]
    [InlineData("~>")]
    public void Text_Terraform_rejects_is_no_constraint(string constraint) => Assert.Null(VersionConstraint.Parse(constraint));

    [Fact]
    public void Unstated_versions_admit_the_records_release_and_the_oldest_Terraform_the_stack_needs()
    {
        var terraform = Terraform("""
            [Stack("s")]
            public static class S
            {
                public static readonly AwsProvider Aws = new() { Region = "eu-west-1" };
                public static readonly AwsVpc Vpc = new("main") { CidrBlock = "10.0.0.0/16" };
            }
            """);
        Assert.Equal("hashicorp/aws", (string?)terraform["required_providers"]!["aws"]!["source"]);
        Assert.Equal("~> 6.47", (string?)terraform["required_providers"]!["aws"]!["version"]);
        Assert.Equal(">= 1.0.0", (string?)terraform["required_version"]);
    }

    [Fact]
    public void Records_without_a_provider_configuration_still_require_their_provider()
    {
        var terraform = Terraform("""
            [Stack("s")]
            public static class S
            {
                public static readonly AwsVpc Vpc = new("main") { CidrBlock = "10.0.0.0/16" };
            }
            """);
        Assert.Equal("~> 6.47", (string?)terraform["required_providers"]!["aws"]!["version"]);
    }

    [Fact]
    public void A_stated_provider_version_is_written_as_stated()
    {
        var terraform = Terraform("""
            [Stack("s")]
            public static class S
            {
                public static readonly AwsProvider Aws = new() { Region = "eu-west-1", Version = ">= 6.47, < 6.60" };
                public static readonly AwsVpc Vpc = new("main") { CidrBlock = "10.0.0.0/16" };
            }
            """);
        Assert.Equal(">= 6.47, < 6.60", (string?)terraform["required_providers"]!["aws"]!["version"]);
    }

    [Theory]
    [InlineData("""public static readonly S3Backend State = new() { Bucket = "b", Key = "k", Region = "eu-west-1", UseLockfile = true };""", ">= 1.10.0")]
    [InlineData("""public static readonly Removed Old = new() { From = "aws_vpc.old", Destroy = false };""", ">= 1.7.0")]
    [InlineData("""public static readonly Import Adopt = new() { To = Vpc, Id = "vpc-0123" };""", ">= 1.5.0")]
    [InlineData("""public static readonly Check Up = new("up") { Assertions = [new(Vpc.Id != "", "no vpc")] };""", ">= 1.5.0")]
    [InlineData("""public static readonly Moved Renamed = new() { From = "aws_vpc.old", To = Vpc };""", ">= 1.1.0")]
    public void The_written_minimum_follows_the_features_the_stack_uses(string member, string expected)
    {
        var terraform = Terraform($$"""
            [Stack("s")]
            public static class S
            {
                public static readonly AwsVpc Vpc = new("main") { CidrBlock = "10.0.0.0/16" };
                {{member}}
            }
            """);
        Assert.Equal(expected, (string?)terraform["required_version"]);
    }

    [Fact]
    public Task DI3006_a_provider_version_that_excludes_the_records_release() => Verify.Diagnostics("""
        [Stack("s")]
        public static class S
        {
            public static readonly AwsProvider Aws = new() { Region = "eu-west-1", Version = {|DI3006:"~> 5.0"|} };
            public static readonly AwsVpc Vpc = new("main") { CidrBlock = "10.0.0.0/16" };
        }
        """);

    [Fact]
    public Task DI3006_is_silent_when_the_version_admits_the_records_release() => Verify.Diagnostics("""
        [Stack("s")]
        public static class S
        {
            public static readonly AwsProvider Aws = new() { Region = "eu-west-1", Version = ">= 6.0, < 7.0" };
            public static readonly AwsVpc Vpc = new("main") { CidrBlock = "10.0.0.0/16" };
        }
        """);

    [Fact]
    public Task DI3007_a_terraform_version_below_what_the_backend_needs() => Verify.Diagnostics("""
        [Stack("s", TerraformVersion = {|DI3007:">= 1.5.0"|})]
        public static class S
        {
            public static readonly S3Backend State = new() { Bucket = "b", Key = "k", Region = "eu-west-1", UseLockfile = true };
            public static readonly AwsVpc Vpc = new("main") { CidrBlock = "10.0.0.0/16" };
        }
        """);

    [Fact]
    public Task DI3007_is_silent_when_the_stated_version_is_enough() => Verify.Diagnostics("""
        [Stack("s", TerraformVersion = "~> 1.10")]
        public static class S
        {
            public static readonly S3Backend State = new() { Bucket = "b", Key = "k", Region = "eu-west-1", UseLockfile = true };
            public static readonly AwsVpc Vpc = new("main") { CidrBlock = "10.0.0.0/16" };
        }
        """);

    private static JsonNode Terraform(string source) => JsonNode.Parse(Harness.TerraformOf(source))!["terraform"]!;
}
