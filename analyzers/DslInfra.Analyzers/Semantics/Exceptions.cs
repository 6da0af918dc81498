using System;
using System.Collections.Generic;

namespace DslInfra.Analyzers.Semantics;

/// <summary>
/// What stays a list: the calls a family's grammar would report but that do not change live infrastructure. Each entry
/// says why; docs/rules/DI2003.md and DI2004.md list them.
/// </summary>
internal static class Exceptions
{
    private sealed record Entry(Family Family, string Namespace, string[] Names, string Reason);

    // A name is matched after Async and WithHttpMessagesAsync are dropped; "*" ends a prefix.
    private static readonly Entry[] Entries =
    [
        new(Family.Aws, "Amazon.S3", ["PutObject*", "CopyObject", "PutObjectAcl", "PutObjectTagging", "PutObjectRetention", "PutObjectLegalHold", "UploadPart*"], "objects in a bucket are data, not the bucket's configuration"),
        new(Family.Aws, "Amazon.DynamoDBv2", ["PutItem", "UpdateItem", "BatchWriteItem", "TransactWriteItems"], "items are a table's data"),
        new(Family.Aws, "Amazon.SQS", ["ChangeMessageVisibility*"], "messages are a queue's data"),
        new(Family.Aws, "Amazon.Kinesis", ["PutRecord*"], "records are a stream's data"),
        new(Family.Aws, "Amazon.KinesisFirehose", ["PutRecord*"], "records are a stream's data"),
        new(Family.Aws, "Amazon.CloudWatch", ["PutMetricData"], "metric data points are data"),
        new(Family.Aws, "Amazon.CloudWatchLogs", ["PutLogEvents"], "log events are data"),
        new(Family.Aws, "Amazon.EventBridge", ["PutEvents"], "events are messages, not configuration"),
        new(Family.Aws, "Amazon.CloudWatchEvents", ["PutEvents"], "events are messages, not configuration"),
        new(Family.Aws, "Amazon.SecretsManager", ["PutSecretValue"], "a secret's value is rotated data; its policy and settings still report"),
        new(Family.Aws, "Amazon.SimpleSystemsManagement", ["PutParameter", "UpdateInstanceInformation"], "Parameter Store values are data an application reads; an agent reporting itself changes nothing"),
        new(Family.Aws, "Amazon.CognitoIdentityProvider", ["*"], "user-pool users and their attributes are an application's data"),
        new(Family.Aws, "Amazon.CloudFormation", ["*"], "CloudFormation applies a declarative template, as Terraform applies a plan"),
        new(Family.Azure, "Azure.ResourceManager.Resources", ["CreateOrUpdate*"], "an ARM deployment applies a declarative template"),
        new(Family.Kubernetes, "k8s", ["*Status", "*StatusAsync"], "a controller writing an object's status reports what it sees; it changes no configuration"),
        new(Family.Docker, "Docker.DotNet", ["TagImage"], "images are addressed by content; a tag is a new name, not a change to a running container"),
    ];

    /// <summary>Google API requests are built by the verb (Patch, Update) and sent by Execute; the verb was already judged.</summary>
    private static readonly HashSet<string> RequestSenders = new(StringComparer.Ordinal) { "Execute", "ExecuteAsync", "ExecuteAsStream", "ExecuteAsStreamAsync" };

    /// <summary>The reason <paramref name="name"/> in <paramref name="ns"/> is not reported, or null.</summary>
    public static string? Reason(Family family, string ns, string name)
    {
        if (family == Family.Google && RequestSenders.Contains(name))
            return "sending a Google API request: the request's own verb is what is judged";
        var bare = Verbs.Bare(name);
        foreach (var entry in Entries)
        {
            if (entry.Family != family || !ControlPlanes.Under(ns, entry.Namespace))
                continue;
            foreach (var pattern in entry.Names)
                if (Matches(pattern, bare))
                    return entry.Reason;
        }
        return null;
    }

    private static bool Matches(string pattern, string name) =>
        pattern == "*"
        || (pattern.StartsWith("*", StringComparison.Ordinal) && name.EndsWith(pattern.Substring(1), StringComparison.Ordinal))
        || (pattern.EndsWith("*", StringComparison.Ordinal) && name.StartsWith(pattern.Substring(0, pattern.Length - 1), StringComparison.Ordinal))
        || string.Equals(pattern, name, StringComparison.Ordinal);
}
