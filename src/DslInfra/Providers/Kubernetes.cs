namespace DslInfra.Kubernetes;

/// <summary>The Kubernetes provider (hashicorp/kubernetes). Its typed records (<c>KubernetesNamespaceV1</c>…) come in the DslInfra.Providers.Kubernetes package.</summary>
[Schema.TerraformProvider("kubernetes", "hashicorp/kubernetes")]
public sealed record KubernetesProvider : ProviderConfig
{
    /// <summary>The kubeconfig file.</summary>
    public Expr<string>? ConfigPath { get; init; }

    /// <summary>The kubeconfig context.</summary>
    public Expr<string>? ConfigContext { get; init; }
}
