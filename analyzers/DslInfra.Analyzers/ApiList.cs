using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace DslInfra.Analyzers;

/// <summary>
/// A list of APIs in BannedApiAnalyzers' format (documentation-comment ID, ';', message; '//' comments), built in
/// and extended by the user's AdditionalFile of the same name. A '-' before an ID silences a built-in entry.
/// </summary>
internal sealed class ApiList
{
    // Entries are resolved to symbols once per compilation; an entry whose SDK the project does not reference drops out,
    // so a project without cloud SDKs pays nothing per call.
    private readonly Dictionary<ISymbol, string> exact = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<string, List<(INamedTypeSymbol Type, string Message)>> byName = new(StringComparer.Ordinal);
    private readonly Dictionary<ISymbol, string> types = new(SymbolEqualityComparer.Default);

    public bool IsEmpty => exact.Count == 0 && byName.Count == 0 && types.Count == 0;

    /// <summary>The built-in list <paramref name="resource"/> plus the user's AdditionalFiles named <paramref name="userFile"/>.</summary>
    public static ApiList Load(string resource, string userFile, Compilation compilation, IEnumerable<AdditionalText> additionalFiles, CancellationToken cancellation)
    {
        var lines = new List<string>(ReadResource(resource));
        foreach (var file in additionalFiles)
            if (string.Equals(Path.GetFileName(file.Path), userFile, StringComparison.OrdinalIgnoreCase) && file.GetText(cancellation) is { } text)
                lines.AddRange(text.Lines.Select(l => l.ToString()));

        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            var comment = line.IndexOf("//", StringComparison.Ordinal);
            if (comment == 0 || line.Length == 0)
                continue;
            var semicolon = line.IndexOf(';');
            var id = (semicolon >= 0 ? line.Substring(0, semicolon) : line).Trim();
            var message = semicolon >= 0 ? line.Substring(semicolon + 1).Trim() : "";
            if (id.StartsWith("-", StringComparison.Ordinal))
                entries.Remove(id.Substring(1).Trim());
            else
                entries[id] = message;
        }
        var list = new ApiList();
        foreach (var entry in entries)
            list.Add(entry.Key, entry.Value, compilation);
        return list;
    }

    private void Add(string id, string message, Compilation compilation)
    {
        if (id.Length < 3 || id[1] != ':')
            return;
        var name = id.Substring(2);
        switch (id[0])
        {
            case 'T':
                if (compilation.GetTypeByMetadataName(name) is { } type)
                    types[type] = message;
                break;
            case 'M' or 'P' when name.IndexOf('(') < 0:
                var dot = name.LastIndexOf('.');
                if (dot > 0 && compilation.GetTypeByMetadataName(name.Substring(0, dot)) is { } owner)
                {
                    var member = name.Substring(dot + 1);
                    if (!byName.TryGetValue(member, out var owners))
                        byName[member] = owners = new List<(INamedTypeSymbol, string)>();
                    owners.Add((owner, message));
                }
                break;
            default:
                foreach (var symbol in DocumentationCommentId.GetSymbolsForDeclarationId(id, compilation))
                    exact[symbol.OriginalDefinition] = message;
                break;
        }
    }

    /// <summary>The message of the entry <paramref name="member"/> matches, directly, by an implemented interface, or by its type.</summary>
    public string? Match(ISymbol member)
    {
        var definition = member.OriginalDefinition;
        if (definition is IMethodSymbol { ReducedFrom: { } reduced })
            definition = reduced.OriginalDefinition;
        if (exact.TryGetValue(definition, out var message))
            return message;
        var type = definition.ContainingType;
        if (type is null)
            return null;
        // The member's name rejects almost every call before any type is looked at.
        if (byName.TryGetValue(definition.Name, out var owners))
        {
            foreach (var candidate in SelfBasesAndInterfaces(type))
                foreach (var (owner, ownerMessage) in owners)
                    if (SymbolEqualityComparer.Default.Equals(candidate.OriginalDefinition, owner))
                        return ownerMessage;
        }
        return MatchType(type);
    }

    /// <summary>The message of a T: entry for <paramref name="type"/> or one of its base types.</summary>
    public string? MatchType(ITypeSymbol? type)
    {
        if (types.Count == 0)
            return null;
        for (var current = type; current is not null; current = current.BaseType)
            if (types.TryGetValue(current.OriginalDefinition, out var message))
                return message;
        return null;
    }

    private static IEnumerable<INamedTypeSymbol> SelfBasesAndInterfaces(INamedTypeSymbol type)
    {
        for (var current = type; current is not null; current = current.BaseType)
            yield return current;
        foreach (var implemented in type.AllInterfaces)
            yield return implemented;
    }

    private static IEnumerable<string> ReadResource(string name)
    {
        using var stream = typeof(ApiList).Assembly.GetManifestResourceStream(name);
        if (stream is null)
            yield break;
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
            yield return line;
    }
}
