namespace DslInfra.Kubernetes;

/// <summary>The Kubernetes provider (hashicorp/kubernetes). Its resources: `dslinfra bindings --provider kubernetes`.</summary>
[Schema.TerraformProvider("kubernetes", "hashicorp/kubernetes")]
public sealed record KubernetesProvider : ProviderConfig
{
    /// <summary>The kubeconfig file.</summary>
    public Expr<string>? ConfigPath { get; init; }

    /// <summary>The kubeconfig context.</summary>
    public Expr<string>? ConfigContext { get; init; }
}
