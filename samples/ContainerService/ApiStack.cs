using DslInfra;
using DslInfra.Images;
using DslInfra.Kubernetes;

namespace ContainerService;

/// <summary>A container built from a generated Dockerfile, run on Kubernetes by its content-addressed tag: a change is a new tag and a rollout.</summary>
[Stack("api")]
public static class ApiStack
{
    public static readonly ContainerImage Api = new("api")
    {
        // Pinned by digest: the same template always builds on the same base.
        BaseImage = "nginx@sha256:4c0fdaa8b6341bfdeca5f18f7837462c80cff90527ee35ef185571e1c327beac",
        Repository = "123456789012.dkr.ecr.eu-west-1.amazonaws.com/api",
        PackageManager = PackageManager.Apt,
        Packages = ["curl"],
        Files = [new() { Source = "app/index.html", Destination = "/usr/share/nginx/html/index.html" }],
        Environment = new() { ["GREETING"] = "hello \"world\" from $HOSTNAME" },
        Ports = [80],
        User = "nginx",
        Command = ["nginx", "-g", "daemon off;"],
    };

    public static readonly KubernetesProvider Kubernetes = new() { ConfigPath = "~/.kube/config" };

    // Typed from the kubernetes provider's schema (the DslInfra.Providers.Kubernetes package). A new image is a new
    // tag, so the deployment's template changes and Kubernetes rolls new pods; nothing is patched in place.
    public static readonly KubernetesDeploymentV1 Deployment = new("api")
    {
        Metadata = new() { Name = "api", Namespace = "default" },
        Spec = new()
        {
            Replicas = "3",
            Selector = new() { MatchLabels = new() { ["app"] = "api" } },
            Template = new()
            {
                Metadata = new() { Labels = new() { ["app"] = "api" } },
                Spec = new() { Container = [new() { Name = "api", Image = Api.Uri }] },
            },
        },
    };

    public static readonly Output Image = new("image") { Value = Api.Uri };
}
