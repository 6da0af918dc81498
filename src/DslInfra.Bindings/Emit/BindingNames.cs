using System.Text;

namespace DslInfra.Bindings.Emit;

/// <summary>
/// How Terraform names become C# names. Every generated member also carries its exact Terraform name
/// ([TerraformType], [TerraformName]), so a C# name is free to differ: the rules below only keep C# legal and
/// unambiguous, and the Terraform name always round-trips.
/// </summary>
public static class BindingNames
{
    /// <summary>
    /// Members a generated record must not declare: the DSL's Resource and DataSource members, and what C# gives
    /// every record. An attribute that would take one gets the suffix "Argument" (aws `name` → NameArgument, since
    /// the positional Name is the Terraform label).
    /// </summary>
    public static readonly IReadOnlySet<string> ResourceMembers = new HashSet<string>(StringComparer.Ordinal)
    {
        "Name", "DependsOn", "Lifecycle", "Provider", "Count", "ForEach", "TerraformType", "Address", "Attr", "SnakeCase",
        "EqualityContract", "Equals", "GetHashCode", "ToString", "GetType", "Deconstruct", "PrintMembers", "MemberwiseClone", "Finalize", "Clone",
    };

    /// <summary>What a nested block or object record must not declare: only what C# gives every record.</summary>
    public static readonly IReadOnlySet<string> RecordMembers = new HashSet<string>(StringComparer.Ordinal)
    {
        "EqualityContract", "Equals", "GetHashCode", "ToString", "GetType", "Deconstruct", "PrintMembers", "MemberwiseClone", "Finalize", "Clone",
    };

    /// <summary>snake_case (or kebab-case) to PascalCase: aws_s3_bucket → AwsS3Bucket; a leading digit gets an underscore.</summary>
    public static string Pascal(string name)
    {
        var text = new StringBuilder(name.Length);
        var upper = true;
        foreach (var c in name)
        {
            if (c is '_' or '-' or '.' or ' ' or '/')
            {
                upper = true;
                continue;
            }
            if (!char.IsLetterOrDigit(c))
                continue;
            text.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }
        if (text.Length == 0 || char.IsDigit(text[0]))
            text.Insert(0, '_');
        return text.ToString();
    }

    /// <summary>The record of a type: resources by their Terraform name, data sources prefixed Data (as the address is).</summary>
    public static string Record(Schema.TypeSchema type) => type.Kind switch
    {
        Schema.SchemaKind.DataSource => "Data" + Pascal(type.Type),
        Schema.SchemaKind.EphemeralResource => "Ephemeral" + Pascal(type.Type),
        _ => Pascal(type.Type),
    };

    /// <summary>
    /// Hands out member names inside one record: each unique, none a reserved member or the record's own name.
    /// Names are claimed in the schema's (ordinal) order, so the result is stable across runs.
    /// </summary>
    internal sealed class Scope(string recordName, IReadOnlySet<string> reserved)
    {
        private readonly HashSet<string> taken = new(StringComparer.Ordinal) { recordName };

        public string Claim(string wanted, string suffix)
        {
            var name = reserved.Contains(wanted) || taken.Contains(wanted) ? wanted + suffix : wanted;
            for (var i = 2; reserved.Contains(name) || taken.Contains(name); i++)
                name = wanted + suffix + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            taken.Add(name);
            return name;
        }
    }
}
