using Microsoft.CodeAnalysis;

namespace DslInfra.Analyzers;

/// <summary>Every immutability and hygiene rule; severities are settable in .editorconfig (dotnet_diagnostic.DI2001.severity).</summary>
internal static class DiagnosticDescriptors
{
    private const string Immutability = "DslInfra.Immutability";
    private const string Hygiene = "DslInfra.Hygiene";

    public static readonly DiagnosticDescriptor MutableRecord = Rule(RuleIdentifiers.MutableRecord, Immutability,
        "Infrastructure record is mutable",
        "{0}: use {1} so the record cannot change after it is declared");

    public static readonly DiagnosticDescriptor MutationAfterConstruction = Rule(RuleIdentifiers.MutationAfterConstruction, Immutability,
        "Infrastructure record changed after construction",
        "{0} changes '{1}' after it was built: declare a new value with 'with {{ … }}' instead");

    public static readonly DiagnosticDescriptor InPlaceUpdate = Rule(RuleIdentifiers.InPlaceUpdate, Immutability,
        "Live infrastructure updated in place",
        "'{0}' changes a live resource in place: {1}");

    public static readonly DiagnosticDescriptor RemoteProvisioning = Rule(RuleIdentifiers.RemoteProvisioning, Immutability,
        "Live machine provisioned remotely",
        "{0} changes a running machine from outside: bake the change into a new image and replace the machine");

    public static readonly DiagnosticDescriptor BootDrift = Rule(RuleIdentifiers.BootDrift, Immutability,
        "User data changes the machine at boot",
        "User data {0}: every boot can end differently; bake it into the image and keep user data to configuration");

    public static readonly DiagnosticDescriptor LifecycleDefeatsImmutability = Rule(RuleIdentifiers.LifecycleDefeatsImmutability, Immutability,
        "Lifecycle setting defeats immutability",
        "{0}");

    public static readonly DiagnosticDescriptor PlaintextSecret = Rule(RuleIdentifiers.PlaintextSecret, Hygiene,
        "Secret in plain text",
        "{0} is in plain text in the code and the generated configuration: pass it in through a Variable<string> with Sensitive = true, or, where the provider has a write-only argument (Terraform 1.11+), read it from an ephemeral resource so that it never reaches the state");

    public static readonly DiagnosticDescriptor UnpinnedImage = Rule(RuleIdentifiers.UnpinnedImage, Hygiene,
        "Image is not pinned",
        "{0}: the next build may pick another image; look it up by its exact name with owners you trust");

    public static readonly DiagnosticDescriptor UnprotectedState = Rule(RuleIdentifiers.UnprotectedState, Hygiene,
        "Resource that holds state can be destroyed",
        "{0} holds state that goes with it when a plan destroys or replaces it: set Lifecycle = new() {{ PreventDestroy = true }}");

    public static readonly DiagnosticDescriptor UnboundedInstanceLifetime = Rule(RuleIdentifiers.UnboundedInstanceLifetime, Hygiene,
        "Instances live without a limit",
        "{0} keeps its instances as long as they run: set {1} (e.g. 604800 seconds, 7 days) so that they are replaced regularly instead of drifting");

    private static DiagnosticDescriptor Rule(string id, string category, string title, string message) => new(
        id, title, message, category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: RuleIdentifiers.HelpLink(id));
}
