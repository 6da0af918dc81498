using DslInfra;
using MultiCloud.Aws;
using AwsProvider = DslInfra.Aws.AwsProvider;

namespace MultiCloud;

/// <summary>A serverless API on AWS: a Lambda function in front of an Aurora PostgreSQL cluster.</summary>
[Stack("api", TerraformVersion = ">= 1.5.0")]
public static class ApiStack
{
    public static readonly AwsProvider Aws = new() { Region = "eu-west-1" };
    public static readonly Variable<string> Env = new("env") { Default = "prod" };
    public static readonly Variable<string> DbPassword = new("db_password") { Sensitive = true, Description = "The cluster's master password." };
    public static readonly Variable<string> Package = new("package") { Description = "The function's zip, built by CI (its hash names it)." };

    public static readonly DataAwsCallerIdentity Account = new("current");

    public static readonly DataAwsIamPolicyDocument AssumeByLambda = new("assume_by_lambda")
    {
        Statement = [new() { Actions = ["sts:AssumeRole"], Principals = [new() { Type = "Service", Identifiers = ["lambda.amazonaws.com"] }] }],
    };

    public static readonly AwsIamRole Role = new("api") { NamePrefix = $"api-{Env}-", AssumeRolePolicy = AssumeByLambda.Json };

    public static readonly AwsCloudwatchLogGroup Logs = new("api") { NameArgument = $"/aws/lambda/api-{Env}", RetentionInDays = 30 };

    public static readonly AwsRdsCluster Db = new("db")
    {
        ClusterIdentifierPrefix = $"api-{Env}-",
        Engine = "aurora-postgresql",
        EngineVersion = "16.4",
        DatabaseName = "api",
        MasterUsername = "api",
        MasterPassword = DbPassword,
        StorageEncrypted = true,
        Lifecycle = new() { PreventDestroy = true },
        DeletionProtection = true,
        Tags = new() { ["owner"] = Fn.Format<string>("account-%s", Account.AccountId) },
    };

    public static readonly AwsLambdaFunction Function = new("api")
    {
        FunctionName = $"api-{Env}",
        Role = Role.Arn,
        Runtime = "dotnet8",
        Handler = "Api::Api.Function::Handle",
        Filename = Package,
        SourceCodeHash = Fn.Filebase64sha256(Package),
        Environment = new() { Variables = new() { ["DB_HOST"] = Db.Endpoint, ["DB_NAME"] = "api" } },
        DependsOn = [Logs],
    };

    public static readonly Output FunctionArn = new("function_arn") { Value = Function.Arn };
}
