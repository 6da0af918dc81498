using System;
using Microsoft.CodeAnalysis;

namespace DslInfra.Analyzers.Semantics;

/// <summary>The families of clients whose calls act on live infrastructure, recognised by namespace.</summary>
internal enum Family
{
    Aws,
    Azure,
    Google,
    Kubernetes,
    Docker,
    Ssh,
}

/// <summary>
/// Who a call reaches: the family of the client it is made on, read from the namespace of the type that declares the
/// method (or, for an extension method, of the type it extends). A namespace is what an SDK cannot rename without
/// breaking every user, and new services arrive inside the same families, so no list of methods is needed.
/// </summary>
internal static class ControlPlanes
{
    // Google's control planes; the other Google.Cloud libraries (Storage, PubSub, BigQuery, Firestore…) move data.
    private static readonly string[] GoogleControlPlanes =
    [
        "Compute", "Container", "Sql", "SQLAdmin", "Run", "CloudRun", "Functions", "CloudFunctions", "Dns", "ResourceManager",
        "CloudResourceManager", "Redis", "Memcache", "Filestore", "File", "AppEngine", "Appengine", "Iam", "GkeHub",
    ];

    /// <summary>The family of the client <paramref name="method"/> belongs to, or null for everything else.</summary>
    public static Family? Of(IMethodSymbol method)
    {
        var type = method.IsExtensionMethod && method.Parameters.Length > 0 ? method.Parameters[0].Type as INamedTypeSymbol : method.ContainingType;
        if (method.ReducedFrom is { } reduced && reduced.Parameters.Length > 0)
            type = reduced.Parameters[0].Type as INamedTypeSymbol;
        return type is null ? null : Of(type) ?? Of(method.ContainingType);
    }

    public static Family? Of(INamedTypeSymbol? type)
    {
        if (type is null)
            return null;
        var ns = type.ContainingNamespace?.ToDisplayString() ?? "";
        if (Under(ns, "Amazon") && IsAwsClient(type))
            return Family.Aws;
        if (Under(ns, "Azure.ResourceManager") || Under(ns, "Microsoft.Azure.Management") || Under(ns, "Microsoft.WindowsAzure.Management"))
            return Family.Azure;
        if (IsGoogleControlPlane(ns))
            return Family.Google;
        if (Under(ns, "k8s") || Under(ns, "KubeClient"))
            return Family.Kubernetes;
        if (Under(ns, "Docker.DotNet"))
            return Family.Docker;
        if (Under(ns, "Renci.SshNet") || Under(ns, "Tamir.SharpSsh") || Under(ns, "Rebex.Net") || Under(ns, "FluentSsh"))
            return Family.Ssh;
        return null;
    }

    // AWS's service clients are IAmazon<Service> and Amazon<Service>Client; the rest of Amazon.* (the runtime, Lambda's
    // event types, DynamoDB's object persistence, the S3 transfer utility) is not a control plane.
    private static bool IsAwsClient(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
            if (IsClientName(current.Name))
                return true;
        foreach (var implemented in type.AllInterfaces)
            if (IsClientName(implemented.Name))
                return true;
        return false;
    }

    private static bool IsClientName(string name) =>
        (name.StartsWith("IAmazon", StringComparison.Ordinal) && name.Length > 7 && name != "IAmazonService")
        || (name.StartsWith("Amazon", StringComparison.Ordinal) && name.EndsWith("Client", StringComparison.Ordinal) && name != "AmazonServiceClient");

    private static bool IsGoogleControlPlane(string ns)
    {
        foreach (var root in new[] { "Google.Cloud.", "Google.Apis." })
            if (ns.StartsWith(root, StringComparison.Ordinal))
            {
                var product = ns.Substring(root.Length);
                var dot = product.IndexOf('.');
                if (dot > 0)
                    product = product.Substring(0, dot);
                foreach (var plane in GoogleControlPlanes)
                    if (string.Equals(product, plane, StringComparison.OrdinalIgnoreCase))
                        return true;
            }
        return false;
    }

    public static bool Under(string ns, string root) =>
        ns.StartsWith(root, StringComparison.Ordinal) && (ns.Length == root.Length || ns[root.Length] == '.');
}
