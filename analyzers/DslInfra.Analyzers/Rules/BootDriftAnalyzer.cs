using System;
using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DslInfra.Analyzers.Rules;

/// <summary>DI2005: user data that installs or upgrades packages or pulls configuration at boot: bake it into the image.</summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class BootDriftAnalyzer : InfrastructureAnalyzer
{
    // Each pattern with the words it cannot match without: a script that has none of them skips the regular expression.
    private static readonly (string[] Needs, Lazy<Regex> Pattern, string What)[] Drifts =
    [
        (["apt"], new Lazy<Regex>(() => new Regex(@"\b(apt-get|apt|aptitude)\s+(-\S+\s+)*(install|upgrade|dist-upgrade|full-upgrade)\b", RegexOptions.IgnoreCase)), "installs or upgrades packages (apt)"),
        (["yum", "dnf", "zypper"], new Lazy<Regex>(() => new Regex(@"\b(yum|dnf|zypper|microdnf)\s+(-\S+\s+)*(install|update|upgrade)\b", RegexOptions.IgnoreCase)), "installs or upgrades packages (yum/dnf)"),
        (["apk"], new Lazy<Regex>(() => new Regex(@"\bapk\s+(-\S+\s+)*(add|upgrade)\b", RegexOptions.IgnoreCase)), "installs packages (apk)"),
        (["pip", "npm", "gem"], new Lazy<Regex>(() => new Regex(@"\b(pip3?|npm|gem)\s+install\b", RegexOptions.IgnoreCase)), "installs packages"),
        (["|"], new Lazy<Regex>(() => new Regex(@"\b(curl|wget)\b[^|\n]*\|\s*(sudo\s+)?(ba|z)?sh\b", RegexOptions.IgnoreCase)), "pipes a download into a shell"),
        (["chef", "puppet", "ansible", "salt"], new Lazy<Regex>(() => new Regex(@"\b(chef-client|chef-solo|puppet\s+(agent|apply)|ansible-pull|salt-call)\b", RegexOptions.IgnoreCase)), "pulls configuration"),
        (["package"], new Lazy<Regex>(() => new Regex(@"^\s*(packages:|package_update:\s*true|package_upgrade:\s*true)", RegexOptions.IgnoreCase | RegexOptions.Multiline)), "installs or upgrades packages (cloud-init)"),
    ];

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(DiagnosticDescriptors.BootDrift);

    /// <inheritdoc/>
    private protected override void Start(CompilationStartAnalysisContext start, DslRecords records) =>
        start.RegisterOperationAction(c => Analyze(c, records), OperationKind.SimpleAssignment);

    private static void Analyze(OperationAnalysisContext context, DslRecords records)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        // By the Terraform argument name, so hand-written DSL records, generated ones and CustomResource maps all count.
        var isUserData = Initializers.Target(assignment) is { } target && records.IsDslType(target.Owner)
                && DslInfra.Catalog.TypeCatalog.UserData.Contains(records.ArgumentName(target.Property))
            || Initializers.IndexKey(assignment) is { } key && DslInfra.Catalog.TypeCatalog.UserData.Contains(key);
        if (!isUserData || Initializers.LiteralText(assignment.Value) is not { } script)
            return;
        foreach (var (needs, pattern, what) in Drifts)
        {
            if (System.Array.Exists(needs, word => script.IndexOf(word, System.StringComparison.OrdinalIgnoreCase) >= 0) && pattern.Value.IsMatch(script))
            {
                context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.BootDrift, assignment.Value.Syntax.GetLocation(), what));
                return;
            }
        }
    }
}
