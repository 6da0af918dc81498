using DslInfra;
using DslInfra.Azurerm;
using MultiCloud.Azure;

namespace MultiCloud;

/// <summary>A Linux scale set on Azure, replaced by rolling upgrades from a pinned image.</summary>
[Stack("scaleset")]
public static class ScaleSetStack
{
    public static readonly AzurermProvider Azure = new() { Features = new() };
    public static readonly Variable<string> SshKey = new("ssh_public_key");

    public static readonly DataAzurermResourceGroup Group = new("web") { NameArgument = "web-prod" };
    public static readonly DataAzurermSubnet Subnet = new("web") { NameArgument = "web", VirtualNetworkName = "web-prod", ResourceGroupName = Group.NameArgument };

    public static readonly AzurermLinuxVirtualMachineScaleSet Web = new("web")
    {
        NameArgument = "web",
        ResourceGroupName = Group.NameArgument,
        Location = Group.Location,
        Sku = "Standard_B2s",
        Instances = 3,
        AdminUsername = "web",
        UpgradeMode = "Rolling",
        AdminSshKey = [new() { Username = "web", PublicKey = SshKey }],
        SourceImageReference = new() { Publisher = "Canonical", Offer = "ubuntu-24_04-lts", Sku = "server", Version = "24.04.202411110" },
        OsDisk = new() { Caching = "ReadWrite", StorageAccountType = "Premium_LRS" },
        NetworkInterface = [new() { Name = "web", Primary = true, IpConfiguration = [new() { Name = "web", Primary = true, SubnetId = Subnet.Id }] }],
        RollingUpgradePolicy = new() { MaxBatchInstancePercent = 34, MaxUnhealthyInstancePercent = 34, MaxUnhealthyUpgradedInstancePercent = 34, PauseTimeBetweenBatches = "PT1M" },
    };

    public static readonly Output ScaleSetId = new("scale_set_id") { Value = Web.Id };
}
