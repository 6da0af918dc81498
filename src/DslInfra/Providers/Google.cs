namespace DslInfra.Google;

/// <summary>The Google Cloud provider (hashicorp/google). Its typed records (<c>GoogleComputeNetwork</c>…) come in the DslInfra.Providers.Google package.</summary>
[Schema.TerraformProvider("google", "hashicorp/google")]
public sealed record GoogleProvider : ProviderConfig
{
    /// <summary>The default project.</summary>
    public Expr<string>? Project { get; init; }

    /// <summary>The default region.</summary>
    public Expr<string>? Region { get; init; }

    /// <summary>The default zone.</summary>
    public Expr<string>? Zone { get; init; }
}
