using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;

namespace DslInfra.Analyzers;

/// <summary>
/// The user's own list of APIs in BannedApiAnalyzers' format (documentation-comment ID, ';', message; '//' comments),
/// read from an AdditionalFile. An entry adds a report the rule's grammar does not make (a team's own wrapper that
/// changes live infrastructure); a '-' before an ID silences whatever the rule would report for it, by the grammar or
/// by an entry. A member name may hold '*' (any run of characters): <c>M:Ops.Cmdb.Patch*</c> is every Patch method of
/// that type; <c>-M:k8s.CoreV1OperationsExtensions.*Status*</c> silences what it matches.
/// </summary>
internal sealed class ApiList
{
    // Entries are resolved to symbols once per compilation; an entry whose type the project does not have drops out,
    // so a project without a list pays nothing per call.
    private readonly Dictionary<ISymbol, string> exact = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<string, List<(INamedTypeSymbol Type, string Message)>> byName = new(StringComparer.Ordinal);
    private readonly Dictionary<ISymbol, string> types = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ISymbol, List<(string Pattern, string Message)>> patterns = new(SymbolEqualityComparer.Default);
    private readonly Dictionary<ISymbol, List<string>> silenced = new(SymbolEqualityComparer.Default);
    private readonly HashSet<ISymbol> silencedExact = new(SymbolEqualityComparer.Default);

    public bool IsEmpty => exact.Count == 0 && byName.Count == 0 && types.Count == 0 && patterns.Count == 0;

    /// <summary>Whether the list names any type (T: entries).</summary>
    public bool HasTypes => types.Count > 0;

    /// <summary>Whether a '-' entry silences <paramref name="member"/>.</summary>
    public bool Silences(IMethodSymbol member)
    {
        var definition = (member.ReducedFrom ?? member).OriginalDefinition;
        return silencedExact.Contains(definition) || definition.ContainingType is { } type && Silenced(type, definition.Name);
    }

    /// <summary>The user's AdditionalFiles named <paramref name="userFile"/>.</summary>
    public static ApiList Load(string userFile, Compilation compilation, IEnumerable<AdditionalText> additionalFiles, CancellationToken cancellation)
    {
        var lines = new List<string>();
        foreach (var file in additionalFiles)
            if (string.Equals(Path.GetFileName(file.Path), userFile, StringComparison.OrdinalIgnoreCase) && file.GetText(cancellation) is { } text)
                lines.AddRange(text.Lines.Select(l => l.ToString()));

        var entries = new Dictionary<string, string>(StringComparer.Ordinal);
        var silencing = new List<string>();
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
            {
                entries.Remove(id.Substring(1).Trim());
                silencing.Add(id.Substring(1).Trim());
            }
            else
                entries[id] = message;
        }
        var list = new ApiList();
        foreach (var entry in entries)
            list.Add(entry.Key, entry.Value, compilation);
        foreach (var pattern in silencing)
        {
            if (list.Owner(pattern, compilation) is { } owner)
                (list.silenced.TryGetValue(owner.Type, out var members) ? members : list.silenced[owner.Type] = new List<string>()).Add(owner.Member);
            else if (pattern.IndexOf('(') >= 0)
                foreach (var symbol in DocumentationCommentId.GetSymbolsForDeclarationId(pattern, compilation))
                    list.silencedExact.Add(symbol.OriginalDefinition);
        }
        return list;
    }

    /// <summary>The type and member name of an M: or P: ID without a parameter list, when the compilation has the type.</summary>
    private (INamedTypeSymbol Type, string Member)? Owner(string id, Compilation compilation)
    {
        if (id.Length < 3 || id[1] != ':' || id[0] is not ('M' or 'P') || id.IndexOf('(') >= 0)
            return null;
        var name = id.Substring(2);
        var dot = name.LastIndexOf('.');
        return dot > 0 && compilation.GetTypeByMetadataName(name.Substring(0, dot)) is { } owner ? (owner, name.Substring(dot + 1)) : null;
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
                if (Owner(id, compilation) is not { } found)
                    break;
                if (found.Member.IndexOf('*') >= 0)
                {
                    (patterns.TryGetValue(found.Type, out var list) ? list : patterns[found.Type] = new List<(string, string)>()).Add((found.Member, message));
                    break;
                }
                if (!byName.TryGetValue(found.Member, out var owners))
                    byName[found.Member] = owners = new List<(INamedTypeSymbol, string)>();
                owners.Add((found.Type, message));
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
                        return Silenced(type, definition.Name) ? null : ownerMessage;
        }
        if (patterns.Count > 0)
            foreach (var candidate in SelfBasesAndInterfaces(type))
                if (patterns.TryGetValue(candidate.OriginalDefinition, out var list))
                    foreach (var (pattern, patternMessage) in list)
                        if (Glob(pattern, definition.Name))
                            return Silenced(type, definition.Name) ? null : patternMessage;
        return MatchType(type);
    }

    private bool Silenced(INamedTypeSymbol type, string member)
    {
        if (silenced.Count == 0)
            return false;
        foreach (var candidate in SelfBasesAndInterfaces(type))
            if (silenced.TryGetValue(candidate.OriginalDefinition, out var list) && list.Any(pattern => Glob(pattern, member)))
                return true;
        return false;
    }

    /// <summary>Whether <paramref name="name"/> matches <paramref name="pattern"/>, where '*' is any run of characters.</summary>
    internal static bool Glob(string pattern, string name)
    {
        var parts = pattern.Split('*');
        if (!name.StartsWith(parts[0], StringComparison.Ordinal))
            return false;
        var at = parts[0].Length;
        for (var i = 1; i < parts.Length - 1; i++)
        {
            var found = name.IndexOf(parts[i], at, StringComparison.Ordinal);
            if (found < 0)
                return false;
            at = found + parts[i].Length;
        }
        var last = parts[parts.Length - 1];
        return parts.Length == 1 ? name.Length == at : name.Length - at >= last.Length && name.EndsWith(last, StringComparison.Ordinal);
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

}
