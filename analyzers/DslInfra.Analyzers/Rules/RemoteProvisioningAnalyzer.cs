using System;
using System.Collections.Immutable;
using DslInfra.Analyzers.Semantics;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DslInfra.Analyzers.Rules;

/// <summary>
/// DI2004: a command run on, or a file copied onto, a running machine or container: SSH libraries and CLIs, exec
/// through a cluster or container client, run-command APIs, PowerShell remoting, WMI, remote registry and
/// administrative shares, and remote-exec/file provisioners or connection blocks in a stack. docs/rules/DI2004.md
/// describes the grammar.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RemoteProvisioningAnalyzer : RuleAnalyzer
{
    /// <summary>The AdditionalFile that adds reports for a team's own APIs or silences the grammar's.</summary>
    public const string UserFile = "DslInfra.RemoteApis.txt";

    // Terraform blocks that reach into a running machine. (Packer provisioners of an image build are not written this way.)
    private static readonly ImmutableHashSet<string> RemoteBlocks = ImmutableHashSet.Create(StringComparer.Ordinal, "provisioner", "connection");

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(DiagnosticDescriptors.RemoteProvisioning);

    /// <inheritdoc/>
    private protected override void Start(CompilationStartAnalysisContext start)
    {
        var judge = new Judge(start.Compilation, ApiList.Load(UserFile, start.Compilation, start.Options.AdditionalFiles, start.CancellationToken), Effect.RemoteExecution);
        var customBlock = start.Compilation.GetTypeByMetadataName("DslInfra.CustomBlock");
        start.RegisterOperationAction(c =>
        {
            if (c.Operation is IObjectCreationOperation creation && customBlock is not null && SymbolEqualityComparer.Default.Equals(creation.Type, customBlock)
                && creation.Arguments.Length > 0 && creation.Arguments[0].Value.ConstantValue.Value is string block && RemoteBlocks.Contains(block))
            {
                Report(c, $"A '{block}' block", creation.Syntax.GetLocation());
                return;
            }
            if (!judge.MayMatter(c.Operation))
                return;
            foreach (var (verdict, location) in judge.Verdicts(c.Operation))
                if (verdict.Effect == Effect.RemoteExecution)
                    Report(c, verdict.What, location);
        }, Judge.Kinds);
    }

    private static void Report(OperationAnalysisContext context, string what, Location location) =>
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.RemoteProvisioning, location, what));
}
