using System.Text;
using Microsoft.CodeAnalysis;

namespace DslInfra.Catalog;

/// <summary>
/// The Terraform names of C# symbols, read the same way by the stack generator and the analyzers (this file is
/// compiled into both): a property's argument name and a record's Terraform type.
/// </summary>
internal static class SymbolNames
{
    private const string TerraformName = "TerraformNameAttribute";
    private const string TerraformType = "TerraformTypeAttribute";

    /// <summary>snake_case of a C# name; an acronym stays one word (HttpURL → http_url).</summary>
    public static string SnakeCase(string name)
    {
        var text = new StringBuilder(name.Length + 8);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c) && i > 0)
            {
                var previousIsLower = char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]);
                var nextIsLower = i + 1 < name.Length && char.IsLower(name[i + 1]);
                if (previousIsLower || (nextIsLower && char.IsUpper(name[i - 1])))
                    text.Append('_');
            }
            text.Append(char.ToLowerInvariant(c));
        }
        return text.ToString();
    }

    /// <summary>The argument name of a property: what its [TerraformName] says (generated records carry one on every property), else snake_case.</summary>
    public static string ArgumentName(ISymbol symbol) => AttributeText(symbol, TerraformName) ?? SnakeCase(symbol.Name);

    /// <summary>The Terraform type a record declares with [TerraformType] (aws_ami), or null.</summary>
    public static string? TypeName(ITypeSymbol type) => AttributeText(type, TerraformType);

    private static string? AttributeText(ISymbol symbol, string attributeName)
    {
        // DslInfra.Schema.<attributeName>, compared by parts: formatting the name allocates, and this is asked of every assignment.
        foreach (var attribute in symbol.GetAttributes())
            if (attribute.AttributeClass is { Name: var name, ContainingNamespace: { Name: "Schema", ContainingNamespace: { Name: "DslInfra", ContainingNamespace.IsGlobalNamespace: true } } }
                && name == attributeName
                && attribute.ConstructorArguments.Length >= 1
                && attribute.ConstructorArguments[0].Value is string text)
                return text;
        return null;
    }
}
