namespace DslInfra.Analyzers;

/// <summary>The IDs of the immutability (DI2xxx) and hygiene (DI3xxx) rules; each has a page docs/rules/{id}.md.</summary>
internal static class RuleIdentifiers
{
    public const string MutableRecord = "DI2001";
    public const string MutationAfterConstruction = "DI2002";
    public const string InPlaceUpdate = "DI2003";
    public const string RemoteProvisioning = "DI2004";
    public const string BootDrift = "DI2005";
    public const string LifecycleDefeatsImmutability = "DI2006";
    public const string PlaintextSecret = "DI3001";
    public const string UnpinnedImage = "DI3002";
    public const string UnprotectedState = "DI3004";
    public const string UnboundedInstanceLifetime = "DI3005";

    public static string HelpLink(string id) => $"https://github.com/dslinfra/dslinfra/blob/main/docs/rules/{id}.md";
}
