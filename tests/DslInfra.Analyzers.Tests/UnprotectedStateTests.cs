using DslInfra.Analyzers.Rules;

namespace DslInfra.Analyzers.Tests;

public class UnprotectedStateTests
{
    [Fact]
    public Task Databases_buckets_and_custom_resources_that_hold_state_need_prevent_destroy() => Verify<UnprotectedStateAnalyzer>.Diagnostics("""
        public static class S
        {
            public static readonly AwsDbInstance Db = {|DI3004:new("main")|} { Engine = "postgres", InstanceClass = "db.t4g.micro" };
            public static readonly AwsS3Bucket Logs = {|DI3004:new AwsS3Bucket("logs")|} { BucketPrefix = "logs-", Lifecycle = new() { CreateBeforeDestroy = true } };
            public static readonly AwsS3Bucket Open = {|DI3004:new("open")|} { Lifecycle = new() { PreventDestroy = false } };
            public static readonly CustomResource Table = {|DI3004:new("aws_dynamodb_table", "sessions")|} { Arguments = new() { ["hash_key"] = "id" } };
        }
        """);

    [Fact]
    public Task Protected_state_compute_and_lookups_are_fine() => Verify<UnprotectedStateAnalyzer>.Diagnostics("""
        public static class S
        {
            private static readonly Lifecycle Keep = new() { PreventDestroy = true };
            public static readonly AwsDbInstance Db = new("main") { Engine = "postgres", InstanceClass = "db.t4g.micro", Lifecycle = new() { PreventDestroy = true } };
            public static readonly AwsS3Bucket Logs = new("logs") { Lifecycle = Keep };
            public static readonly AwsInstance Box = new("box") { Ami = "ami-1", InstanceType = "t3.micro" };
            public static readonly DataAwsS3Bucket Existing = new("existing") { Bucket = "acme-assets" };
            public static readonly CustomResource Queue = new("aws_sqs_queue", "jobs") { Arguments = new() { ["name"] = "jobs" }, Lifecycle = new() { PreventDestroy = true } };
        }
        """);
}
