using System.Collections.Immutable;
using DslInfra;
using DslInfra.Aws;
using DslInfra.Schema;

namespace MutableLegacy;

/// <summary>A stack written the old way: it builds, and every line that would mutate live infrastructure is a warning.</summary>
[Stack("legacy")]
public static class LegacyStack
{
    public static readonly AwsProvider Aws = new() { Region = "eu-west-1" };

    // DI3002: the newest image matching a wildcard: a different image whenever Canonical publishes one.
    public static readonly DataAwsAmi Ubuntu = new("ubuntu")
    {
        Owners = ["099720109477"],
        MostRecent = true,
        Filter = [new() { Name = "name", Values = ["ubuntu/images/*ubuntu-noble-24.04-amd64-server-*"] }],
    };

    // DI2005: packages installed at every boot. DI2006: image changes ignored, and destroyed before replaced.
    public static readonly AwsInstance Web = new("web")
    {
        Ami = Ubuntu.Id,
        InstanceType = "t3.small",
        UserData = "#!/bin/bash\napt-get update && apt-get install -y nginx\n",
        Lifecycle = new() { IgnoreChanges = ["ami"], CreateBeforeDestroy = false },
    };

    // DI3001: a password in plain text. DI2004: a provisioner that runs commands on the live machine. DI3004: nothing keeps a plan from destroying the database.
    public static readonly CustomResource Db = new("aws_db_instance", "db")
    {
        Arguments = new() { ["engine"] = "postgres", ["username"] = "admin", ["password"] = "hunter2", ["instance_class"] = "db.t3.micro", ["allocated_storage"] = 20 },
        Blocks = [new("provisioner") { Blocks = [new("local-exec") { Arguments = new() { ["command"] = "ssh admin@db.internal 'sudo systemctl restart postgresql'" } }] }],
    };
}

/// <summary>DI2001: a hand-written resource type with a setter and a mutable list.</summary>
[TerraformType("aws_cloudwatch_log_group")]
public sealed record LogGroup(string Name) : Resource(Name)
{
    [TerraformName("name")] public string? GroupName { get; set; }
    public List<string> Subscribers { get; init; } = new();
}
