using DslInfra;
using DslInfra.Kubernetes;
using MultiCloud.K8s;

namespace MultiCloud;

/// <summary>A Kubernetes deployment of an image pinned by digest, in its own namespace.</summary>
[Stack("apps")]
public static class AppsStack
{
    public static readonly KubernetesProvider Kubernetes = new() { ConfigPath = "~/.kube/config" };

    private const string Image = "nginx@sha256:4c0fdaa8b6341bfdeca5f18f7837462c80cff90527ee35ef185571e1c327beac";

    public static readonly KubernetesNamespaceV1 Web = new("web") { Metadata = new() { Name = "web" } };

    public static readonly KubernetesDeploymentV1 Nginx = new("nginx")
    {
        Metadata = new() { Name = "nginx", Namespace = Web.Id, Labels = new() { ["app"] = "nginx" } },
        Spec = new()
        {
            Replicas = "3",
            Selector = new() { MatchLabels = new() { ["app"] = "nginx" } },
            Template = new()
            {
                Metadata = new() { Labels = new() { ["app"] = "nginx" } },
                Spec = new() { Container = [new() { Name = "nginx", Image = Image, Port = [new() { ContainerPort = 80 }] }] },
            },
        },
    };
}
