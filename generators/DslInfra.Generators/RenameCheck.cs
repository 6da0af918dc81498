using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Threading;
using DslInfra.Generators.Diagnostics;
using DslInfra.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;

namespace DslInfra.Generators;

/// <summary>
/// DI2007: a member whose Terraform name changed since the last good build. Terraform sees a new address and would
/// destroy the old resource and create another (with whatever state it held); a moved block keeps it. The last good
/// manifests reach the analyzer as AdditionalFiles (DslInfra.Build.targets adds infra/*/manifest.json).
/// </summary>
internal static class RenameCheck
{
    /// <summary>The diagnostic property the code fix reads: the address of the last good build.</summary>
    public const string FromProperty = "From";

    /// <summary>The diagnostic property the code fix reads: the member, as C# names it (<c>Subnets[0]</c> for a Repeat.For element).</summary>
    public const string MemberProperty = "Member";

    // A manifest bigger than this is not one DslInfra wrote for a stack a person edits: skip it rather than stall typing.
    private const int MaxManifestCharacters = 16 * 1024 * 1024;

    public static void Report(SymbolAnalysisContext context, StackModel stack, IReadOnlyDictionary<string, SyntaxTree> trees)
    {
        if (stack.HasErrors || stack.Resources.Count == 0)
            return;
        var before = LastGood(context.Options.AdditionalFiles, stack.Name, context.CancellationToken);
        if (before.Count == 0)
            return;
        var declared = new HashSet<string>(stack.Resources.Select(r => r.Address), StringComparer.Ordinal);
        var handled = new HashSet<string>(stack.StateBlocks.Where(b => b.Kind is "moved" or "removed").Select(b => b.Address), StringComparer.Ordinal);
        foreach (var resource in stack.Resources)
        {
            if (resource.IsData || resource.IsEphemeral || !before.TryGetValue(resource.Member, out var old))
                continue;
            if (old.Address == resource.Address || old.Type != resource.Type || declared.Contains(old.Address) || handled.Contains(old.Address))
                continue;
            var properties = ImmutableDictionary<string, string?>.Empty.Add(FromProperty, old.Address).Add(MemberProperty, resource.Member);
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.RenameDestroys, resource.Span?.Locate(trees) ?? Location.None, properties,
                resource.Member, old.Address, resource.Address));
        }
    }

    /// <summary>Member → (address, type) of the managed resources in the last good manifest of this stack.</summary>
    private static IReadOnlyDictionary<string, (string Address, string Type)> LastGood(ImmutableArray<AdditionalText> files, string stack, CancellationToken cancellation)
    {
        foreach (var file in files)
        {
            if (!string.Equals(Path.GetFileName(file.Path), ArtifactContract.ManifestFile, StringComparison.Ordinal))
                continue;
            var text = file.GetText(cancellation);
            if (text is null || text.Length > MaxManifestCharacters)
                continue;
            // The analyzer runs on every edit; a manifest changes only when a build writes it. Parse each text once.
            var manifest = Parsed.GetValue(text, Parse);
            if (manifest.Stack == stack)
                return manifest.Members;
        }
        return Empty;
    }

    private sealed record LastGoodManifest(string? Stack, IReadOnlyDictionary<string, (string Address, string Type)> Members);

    private static readonly ConditionalWeakTable<SourceText, LastGoodManifest> Parsed = new();

    private static readonly IReadOnlyDictionary<string, (string Address, string Type)> Empty = new Dictionary<string, (string, string)>();

    private static LastGoodManifest Parse(SourceText text)
    {
        var members = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        try
        {
            using var document = JsonDocument.Parse(text.ToString());
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("format_version", out _)
                || !root.TryGetProperty("stack", out var name) || name.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("resources", out var resources) || resources.ValueKind != JsonValueKind.Array)
                return new LastGoodManifest(null, Empty);
            foreach (var resource in resources.EnumerateArray())
                if (resource.ValueKind == JsonValueKind.Object && Text(resource, "mode") == "managed"
                    && Text(resource, "member") is { } member && Text(resource, "address") is { } address && Text(resource, "type") is { } type)
                    members[member] = (address, type);
            return new LastGoodManifest(name.GetString(), members);
        }
        catch (JsonException)
        {
            // Not a manifest DslInfra wrote (or one cut short): there is nothing to compare with.
            return new LastGoodManifest(null, Empty);
        }
    }

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
