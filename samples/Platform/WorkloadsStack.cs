using DslInfra;
using DslInfra.Kubernetes;

namespace Platform;

/// <summary>
/// Workloads on the cluster stack's cluster: the kubernetes provider is configured from that stack's outputs (endpoint,
/// CA certificate, a token from `aws eks get-token`), so this stack deploys after it and needs no kubeconfig.
/// </summary>
[Stack("workloads", TerraformVersion = ">= 1.10.0")]
public static class WorkloadsStack
{
    public static readonly KubernetesProvider Kubernetes = new()
    {
        Host = ClusterStack.Endpoint,
        ClusterCaCertificate = ClusterStack.CaCertificate,
        Exec = new() { ApiVersion = "client.authentication.k8s.io/v1beta1", Command = "aws", Args = ["eks", "get-token", "--cluster-name", ClusterStack.ClusterName] },
    };

    private const string Image = "nginx@sha256:4c0fdaa8b6341bfdeca5f18f7837462c80cff90527ee35ef185571e1c327beac";

    // Named by Kubernetes (generate_name): every object below reads the name Kubernetes gave it, and waits for it.
    public static readonly KubernetesNamespaceV1 Orders = new("orders") { Metadata = new() { GenerateName = "orders-", Labels = new() { ["team"] = "orders" } } };

    public static readonly KubernetesDeploymentV1 Api = new("api")
    {
        Metadata = new() { Name = "orders-api", Namespace = Orders.Metadata!.Name, Labels = new() { ["app"] = "orders-api" } },
        Spec = new()
        {
            Replicas = "3",
            Selector = new() { MatchLabels = new() { ["app"] = "orders-api" } },
            Template = new()
            {
                Metadata = new() { Labels = new() { ["app"] = "orders-api" } },
                Spec = new() { Container = [new() { Name = "api", Image = Image, Port = [new() { ContainerPort = 8080 }] }] },
            },
        },
    };
}
