using DslInfra.Analyzers.Rules;

namespace DslInfra.Analyzers.Tests;

public class PlaintextSecretTests
{
    [Fact]
    public Task Keys_passwords_and_private_keys_in_plain_text() => Verify<PlaintextSecretAnalyzer>.Diagnostics("""
        public static class S
        {
            public static readonly CustomResource Db = new("aws_db_instance", "db")
            {
                Arguments = new() { ["username"] = "admin", ["password"] = {|DI3001:"hunter2"|}, ["engine"] = "postgres" },
            };
            public static readonly AwsInstance Box = new("box") { Ami = "ami-1", InstanceType = "t3.micro", UserData = {|DI3001:"export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE"|} };
            public static readonly Variable<string> DeployKey = new("deploy_private_key") { Default = {|DI3001:"-----BEGIN OPENSSH PRIVATE KEY-----\nabc\n-----END OPENSSH PRIVATE KEY-----"|} };
            public static readonly Variable<string> ApiToken = new("api_token") { Default = {|DI3001:"tok_123"|} };
        }
        """);

    [Fact]
    public Task References_sensitive_variables_and_look_alikes_are_fine() => Verify<PlaintextSecretAnalyzer>.Diagnostics("""
        public static class S
        {
            public static readonly Variable<string> DbPassword = new("db_password") { Sensitive = true };
            public static readonly CustomResource Db = new("aws_db_instance", "db")
            {
                Arguments = new() { ["password"] = DbPassword, ["password_length"] = 32, ["token_ttl"] = "1h" },
            };
            public static readonly Variable<string> Region = new("region") { Default = "eu-west-1" };
        }
        public sealed class Settings { public string? Password { get; set; } }
        public static class Local { public static Settings Make() => new() { Password = "not infrastructure" }; }
        """);
}

/// <summary>DI3001 from the provider schema's own "sensitive" flag, which generated records carry as [Sensitive].</summary>
public class SensitiveArgumentTests
{
    [Fact]
    public Task A_literal_into_an_argument_the_schema_marks_sensitive() => Verify<PlaintextSecretAnalyzer>.Diagnostics("""
        using DslInfra.Schema;

        [TerraformType("acme_database")]
        public sealed record AcmeDatabase(string Name) : Resource(Name)
        {
            [TerraformName("admin_credential"), Sensitive] public Expr<string>? AdminCredential { get; init; }
            [TerraformName("admin_user")] public Expr<string>? AdminUser { get; init; }
        }

        public static class S
        {
            public static readonly Variable<string> Credential = new("credential") { Sensitive = true };
            public static readonly AcmeDatabase Literal = new("a") { AdminUser = "admin", AdminCredential = {|DI3001:"s3cr3t-value"|} };
            public static readonly AcmeDatabase FromVariable = new("b") { AdminUser = "admin", AdminCredential = Credential };
        }
        """);
}
