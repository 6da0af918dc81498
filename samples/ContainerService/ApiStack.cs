using DslInfra;
using DslInfra.Images;

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

    private static readonly Map<string> Labels = new() { ["app"] = "api" };

    public static readonly KubernetesProvider Kubernetes = new() { ConfigPath = "~/.kube/config" };

    public static readonly CustomResource Deployment = new("kubernetes_deployment_v1", "api")
    {
        Blocks =
        [
            new("metadata") { Arguments = new() { ["name"] = "api", ["namespace"] = "default" } },
            new("spec")
            {
                Arguments = new() { ["replicas"] = 3 },
                Blocks =
                [
                    new("selector") { Arguments = new() { ["match_labels"] = Labels } },
                    new("template")
                    {
                        Blocks =
                        [
                            new("metadata") { Arguments = new() { ["labels"] = Labels } },
                            new("spec") { Blocks = [new("container") { Arguments = new() { ["name"] = "api", ["image"] = Api.Uri } }] },
                        ],
                    },
                ],
            },
        ],
    };

    public static readonly Output Image = new("image") { Value = Api.Uri };
}

/// <summary>The Kubernetes provider, declared here the way a team adds a provider DslInfra does not model yet.</summary>
[DslInfra.Schema.TerraformProvider("kubernetes", "hashicorp/kubernetes")]
public sealed record KubernetesProvider : ProviderConfig
{
    /// <summary>The kubeconfig file.</summary>
    public string? ConfigPath { get; init; }
}
