using DslInfra.Schema;

namespace DslInfra.Azurerm;

/// <summary>The Azure Resource Manager provider (hashicorp/azurerm). Its typed records (<c>AzurermResourceGroup</c>…) come in the DslInfra.Providers.Azurerm package.</summary>
[TerraformProvider("azurerm", "hashicorp/azurerm")]
public sealed record AzurermProvider : ProviderConfig
{
    /// <summary>The provider's feature switches; azurerm requires the block, even empty: <c>Features = new()</c>.</summary>
    [Required, NestedBlock] public AzurermFeatures? Features { get; init; }

    /// <summary>The subscription resources are created in.</summary>
    public Expr<string>? SubscriptionId { get; init; }

    /// <summary>The Azure AD tenant.</summary>
    public Expr<string>? TenantId { get; init; }
}

/// <summary>The azurerm provider's features block (empty keeps the provider's defaults).</summary>
public sealed record AzurermFeatures
{
}
