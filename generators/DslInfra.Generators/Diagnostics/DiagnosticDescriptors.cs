using System.Collections.Generic;
using System.Collections.Immutable;
using Microsoft.CodeAnalysis;

namespace DslInfra.Generators.Diagnostics;

/// <summary>Every rule of the synthesis, DI1xxx: the stack cannot be turned into Terraform as written.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "DslInfra.Synthesis";

    public static readonly DiagnosticDescriptor InternalError = Rule(
        RuleIdentifiers.InternalError,
        "DslInfra could not synthesize the stack",
        "DslInfra could not synthesize stack '{0}': {1}. This is a bug in DslInfra; please report it with the stack's code.");

    public static readonly DiagnosticDescriptor NotEvaluable = Rule(
        RuleIdentifiers.NotEvaluable,
        "Value cannot be evaluated at compile time",
        "'{0}' cannot be evaluated at compile time: {1}");

    public static readonly DiagnosticDescriptor DuplicateName = Rule(
        RuleIdentifiers.DuplicateName,
        "Name declared twice in the stack",
        "{0} '{1}' is declared twice in stack '{2}' (also by {3}): give each one its own name");

    public static readonly DiagnosticDescriptor InvalidIdentifier = Rule(
        RuleIdentifiers.InvalidIdentifier,
        "Not a valid Terraform name",
        "'{0}' is not a valid Terraform name for {1}: {2}");

    public static readonly DiagnosticDescriptor OutsideStack = Rule(
        RuleIdentifiers.OutsideStack,
        "Reference to something outside the stack",
        "'{0}' is outside stack '{1}': {2}");

    public static readonly DiagnosticDescriptor ReferenceCycle = Rule(
        RuleIdentifiers.ReferenceCycle,
        "Members refer to each other in a cycle",
        "Stack members refer to each other in a cycle ({0}), so neither C# nor Terraform can order them: break the cycle, e.g. move one rule into a resource of its own");

    public static readonly DiagnosticDescriptor RequiredMissing = Rule(
        RuleIdentifiers.RequiredMissing,
        "Required attribute missing",
        "{0} needs '{1}' ({2}): set it in the initializer");

    public static readonly DiagnosticDescriptor WrongValueType = Rule(
        RuleIdentifiers.WrongValueType,
        "Value of the wrong type",
        "{0}: {1}");

    public static readonly DiagnosticDescriptor MutableMember = Rule(
        RuleIdentifiers.MutableMember,
        "Stack member is not a static readonly field",
        "Stack member '{0}' is {1}: declare it as 'public static readonly' so the stack is one immutable value");

    public static readonly DiagnosticDescriptor DuplicateStack = new(
        RuleIdentifiers.DuplicateStack,
        "Two stacks share a name",
        "Stack name '{0}' is also used by {1}: both would write the same artifact folder; give each [Stack] its own name",
        Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
        helpLinkUri: RuleIdentifiers.HelpLink(RuleIdentifiers.DuplicateStack),
        customTags: [WellKnownDiagnosticTags.CompilationEnd, WellKnownDiagnosticTags.NotConfigurable]);

    public static readonly DiagnosticDescriptor UploadedFileMissing = Rule(
        RuleIdentifiers.UploadedFileMissing,
        "Uploaded file not found",
        "Image '{0}' uploads '{1}', which is not among the project's AdditionalFiles: add <AdditionalFiles Include=\"{1}\" /> (its contents are part of the image's hash)");

    public static readonly DiagnosticDescriptor TemplateError = Rule(
        RuleIdentifiers.TemplateError,
        "Template error",
        "Template '{0}' cannot be rendered for stack '{1}': {2}");

    public static readonly DiagnosticDescriptor NotSynthesized = Rule(
        RuleIdentifiers.NotSynthesized,
        "Stack not synthesized",
        "Stack '{0}' was not synthesized, so this build writes no artifacts and keeps the last good ones: {1}");

    public static readonly DiagnosticDescriptor OverBudget = Rule(
        RuleIdentifiers.OverBudget,
        "Stack exceeds the evaluation budget",
        "'{0}' exceeds what the generator evaluates inside the compiler: {1}; compute less at compile time, or pass the value in through a Variable<T>");

    public static readonly DiagnosticDescriptor StateBlockMismatch = Rule(
        RuleIdentifiers.StateBlockMismatch,
        "A moved, import or removed block does not match the stack",
        "The {0} block {1}: {2}");

    public static readonly DiagnosticDescriptor RenameDestroys = Immutability(
        RuleIdentifiers.RenameDestroys,
        "A rename would destroy the resource and create another",
        "'{0}' was {1} in the last build and is now {2}: Terraform would destroy {1} and create {2}, losing what it holds; add a Moved block (From = \"{1}\") to keep it, or a Removed block if it really goes");

    public static readonly DiagnosticDescriptor UnusedImage = Hygiene(
        RuleIdentifiers.UnusedImage,
        "Image nothing uses",
        "Image '{0}' is baked but nothing in stack '{1}' uses it: use its AmiId, or remove it");

    public static readonly DiagnosticDescriptor ProviderVersionExcludesRecords = Hygiene(
        RuleIdentifiers.ProviderVersionExcludesRecords,
        "Provider version excludes the release the records were generated from",
        "The {0} provider's version '{1}' excludes {2}, the release its DslInfra records were generated from, so they may name arguments that provider lacks: leave Version out (DslInfra writes '{3}'), admit {2}, or generate records for your release with dslinfra bindings");

    public static readonly DiagnosticDescriptor TerraformVersionTooLow = Hygiene(
        RuleIdentifiers.TerraformVersionTooLow,
        "Required Terraform version is older than the stack needs",
        "Stack '{0}' allows Terraform '{1}', but it uses {2}, which needs Terraform {3} or later: write TerraformVersion = \">= {3}\", or leave it out and DslInfra writes the minimum");

    public static readonly DiagnosticDescriptor VariableDefaultRead = Hygiene(
        RuleIdentifiers.VariableDefaultRead,
        "A variable's default read at build time",
        "'{0}.Default' is the variable's default, decided when the stack is built: -var and tfvars will not change it here; use '{0}' itself (a comparison, a Fn call, ForEach over it) so that Terraform decides at deploy time");

    public static ImmutableArray<DiagnosticDescriptor> All { get; } = ImmutableArray.Create(
        InternalError, NotEvaluable, DuplicateName, InvalidIdentifier, OutsideStack,
        ReferenceCycle, RequiredMissing, WrongValueType, MutableMember, DuplicateStack, UploadedFileMissing, TemplateError, NotSynthesized, OverBudget, StateBlockMismatch, RenameDestroys, UnusedImage,
        ProviderVersionExcludesRecords, TerraformVersionTooLow, VariableDefaultRead);

    private static readonly Dictionary<string, DiagnosticDescriptor> ByIdMap = BuildMap();

    public static DiagnosticDescriptor ById(string id) => ByIdMap[id];

    private static Dictionary<string, DiagnosticDescriptor> BuildMap()
    {
        var map = new Dictionary<string, DiagnosticDescriptor>();
        foreach (var descriptor in All)
            map[descriptor.Id] = descriptor;
        return map;
    }

    // Warnings: the artifacts are correct as written, but not what the author most likely means; severities are theirs to set.
    private static DiagnosticDescriptor Hygiene(string id, string title, string message) => Warning(id, title, message, "DslInfra.Hygiene");

    private static DiagnosticDescriptor Immutability(string id, string title, string message) => Warning(id, title, message, "DslInfra.Immutability");

    private static DiagnosticDescriptor Warning(string id, string title, string message, string category) => new(
        id, title, message, category, DiagnosticSeverity.Warning, isEnabledByDefault: true, helpLinkUri: RuleIdentifiers.HelpLink(id));

    // No correct artifact can be written past any of these, so no severity setting may turn them off.
    private static DiagnosticDescriptor Rule(string id, string title, string message) => new(
        id, title, message, Category, DiagnosticSeverity.Error, isEnabledByDefault: true,
        helpLinkUri: RuleIdentifiers.HelpLink(id), customTags: WellKnownDiagnosticTags.NotConfigurable);
}
