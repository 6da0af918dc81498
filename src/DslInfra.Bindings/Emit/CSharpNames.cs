using System.Globalization;

namespace DslInfra.Bindings.Emit;

/// <summary>C#'s own rules for the names bindings writes: identifiers, namespaces, and what a generated name must not hide.</summary>
public static class CSharpNames
{
    /// <summary>C#'s reserved keywords: never an identifier without '@'.</summary>
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const", "continue",
        "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern", "false", "finally",
        "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface", "internal", "is", "lock",
        "long", "namespace", "new", "null", "object", "operator", "out", "override", "params", "private", "protected",
        "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc", "static", "string",
        "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked", "unsafe", "ushort",
        "using", "virtual", "void", "volatile", "while",
    };

    /// <summary>
    /// The type names generated code uses without qualification (the DSL's base types, value types and attributes). A
    /// record or a namespace part of the user's output that took one would hide the DSL's in every generated file: such a
    /// record gets a suffix, and such a namespace is refused. (The usings are resolved outside the namespace, and the
    /// generated code names no namespace, so namespaces like DslInfra.Aws are fine.)
    /// </summary>
    public static readonly IReadOnlySet<string> Hidden = new HashSet<string>(StringComparer.Ordinal)
    {
        "Resource", "DataSource", "EphemeralResource", "Expr", "Reference", "Map", "ImmutableArray",
        "TerraformType", "TerraformName", "Required", "NestedBlock", "Computed", "Sensitive", "WriteOnly", "ReplaceOnly", "AttributesAsBlocks",
        "TerraformTypeAttribute", "TerraformNameAttribute", "RequiredAttribute", "NestedBlockAttribute", "ComputedAttribute",
        "SensitiveAttribute", "WriteOnlyAttribute", "ReplaceOnlyAttribute", "AttributesAsBlocksAttribute", "ObsoleteAttribute", "Obsolete",
    };

    /// <summary>An identifier by C#'s grammar: a letter or '_' first, then letters, digits, connectors, combining marks or formatting characters; not a keyword.</summary>
    public static bool IsIdentifier(string name)
    {
        if (name.Length == 0 || Keywords.Contains(name))
            return false;
        for (var i = 0; i < name.Length; i++)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(name, i);
            var isLetter = category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber;
            var ok = i == 0
                ? isLetter || name[i] == '_'
                : isLetter || category is UnicodeCategory.DecimalDigitNumber or UnicodeCategory.ConnectorPunctuation
                    or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.Format;
            if (!ok)
                return false;
            if (char.IsHighSurrogate(name[i]))
                i++;
        }
        return true;
    }

    /// <summary>Why <paramref name="name"/> cannot be the records' namespace, or null when it can.</summary>
    public static string? NamespaceProblem(string name)
    {
        if (name.Length == 0)
            return "it is empty";
        foreach (var part in name.Split('.'))
        {
            if (!IsIdentifier(part))
                return part.Length == 0 ? "it has an empty part" : Keywords.Contains(part) ? $"'{part}' is a C# keyword" : $"'{part}' is not a C# identifier";
            if (part == "global")
                return "'global' names the global namespace in C#";
            if (Hidden.Contains(part))
                return $"a namespace part named '{part}' would hide DslInfra's own '{part}' from the generated records";
        }
        return null;
    }
}
