using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DslInfra.Analyzers.Rules;

/// <summary>DI3001: a secret written as a literal into a resource attribute or a variable default.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class PlaintextSecretAnalyzer : InfrastructureAnalyzer
{
    private static readonly Regex AccessKeyId = new(@"\b(AKIA|ASIA|AGPA|AIDA|AROA|ANPA)[0-9A-Z]{16}\b");
    private static readonly Regex PrivateKey = new(@"-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY-----");
    private static readonly string[] SecretSuffixes =
        ["password", "passwd", "passphrase", "secret", "token", "privatekey", "private_key", "accesskey", "access_key", "accesskeyid", "access_key_id", "secretkey", "secret_key", "apikey", "api_key"];

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(DiagnosticDescriptors.PlaintextSecret);

    /// <inheritdoc/>
    private protected override void Start(CompilationStartAnalysisContext start, DslRecords records) =>
        start.RegisterOperationAction(c => Analyze(c, records), OperationKind.SimpleAssignment);

    private static void Analyze(OperationAnalysisContext context, DslRecords records)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (Initializers.Target(assignment) is not { } target)
            return;
        if (Initializers.LiteralText(assignment.Value) is not { Length: > 0 } text)
            return; // cheap first: most assignments have no literal text
        if (!records.IsInfrastructure(target.Owner, context.Compilation) && !IsMap(target.Owner))
            return;

        // Cheap substring checks before any regular expression: nearly every literal has none of these.
        string? what = null;
        if (text.Length >= 20 && (text.Contains("AKIA") || text.Contains("ASIA") || text.Contains("AGPA") || text.Contains("AIDA") || text.Contains("AROA") || text.Contains("ANPA"))
            && AccessKeyId.IsMatch(text))
            what = "An AWS access key ID";
        else if (text.Contains("PRIVATE KEY-----") && PrivateKey.IsMatch(text))
            what = "A private key";
        else if (Initializers.Unwrap(assignment.Value).ConstantValue.HasValue && records.IsSensitive(target.Property))
            what = $"'{target.Property.Name}', which the provider marks sensitive,"; // the schema says so, whatever its name
        else if (Initializers.Unwrap(assignment.Value).ConstantValue.HasValue && IsSecretName(NameOf(assignment, target.Property, target.Owner)))
            what = $"'{NameOf(assignment, target.Property, target.Owner)}'";
        if (what is not null)
            context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.PlaintextSecret, assignment.Value.Syntax.GetLocation(), what));
    }

    private static bool IsSecretName(string name) =>
        System.Array.Exists(SecretSuffixes, suffix => name.EndsWith(suffix, System.StringComparison.OrdinalIgnoreCase));

    private static bool IsMap(ITypeSymbol type) => type.Name == "Map" && type.ContainingNamespace?.ToDisplayString() == "DslInfra";

    /// <summary>The name the value is stored under: the map key, the variable's name for its Default, or the property.</summary>
    private static string NameOf(ISimpleAssignmentOperation assignment, IPropertySymbol property, ITypeSymbol owner)
    {
        if (Initializers.IndexKey(assignment) is { } key)
            return key;
        if (property.Name == "Default" && owner.OriginalDefinition.ToDisplayString() == "DslInfra.Variable<T>"
            && assignment.Parent?.Parent is IObjectCreationOperation { Arguments.Length: > 0 } creation
            && creation.Arguments[0].Value.ConstantValue.Value is string variable)
            return variable;
        return property.Name;
    }
}
