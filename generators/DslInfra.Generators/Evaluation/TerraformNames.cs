using DslInfra.Catalog;
using Microsoft.CodeAnalysis;

namespace DslInfra.Generators.Evaluation;

/// <summary>How C# names become Terraform names, and what Terraform accepts as one.</summary>
internal static class TerraformNames
{
    /// <summary>snake_case of a C# name; an acronym stays one word (HttpURL → http_url).</summary>
    public static string SnakeCase(string name) => SymbolNames.SnakeCase(name);

    /// <summary>Terraform's identifier rule: a letter or underscore, then letters, digits, underscores or hyphens.</summary>
    /// <summary>What a name must look like, for DI1003's message.</summary>
    public const string IdentifierRule = "use letters, digits, underscores and hyphens, starting with a letter or underscore";

    /// <summary>
    /// Names Terraform's documentation reserves for input variables, because a module call's block uses them as
    /// meta-arguments: "source, version, providers, count, for_each, lifecycle, depends_on, locals".
    /// </summary>
    public static bool IsReservedVariableName(string name) =>
        name is "source" or "version" or "providers" or "count" or "for_each" or "lifecycle" or "depends_on" or "locals";

    public static bool IsIdentifier(string? name)
    {
        if (string.IsNullOrEmpty(name))
            return false;
        if (!(IsAsciiLetter(name![0]) || name[0] == '_'))
            return false;
        foreach (var c in name)
            if (!(IsAsciiLetter(c) || (c >= '0' && c <= '9') || c == '_' || c == '-'))
                return false;
        return true;
    }

    /// <summary>The name a [TerraformName] attribute gives, else snake_case.</summary>
    public static string Of(ISymbol symbol) => SymbolNames.ArgumentName(symbol);

    private static bool IsAsciiLetter(char c) => (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
