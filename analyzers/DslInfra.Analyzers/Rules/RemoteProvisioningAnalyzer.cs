using System;
using System.Collections.Immutable;
using System.IO;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Operations;

namespace DslInfra.Analyzers.Rules;

/// <summary>
/// DI2004: SSH or remote provisioning of live machines: SSH.NET clients, ssh/scp/rsync/ansible processes,
/// PowerShell remoting, cloud run-command APIs, and remote-exec/file provisioners or connection blocks in a stack.
/// </summary>
[DiagnosticAnalyzer(LanguageNames.CSharp)]
public sealed class RemoteProvisioningAnalyzer : RuleAnalyzer
{
    /// <summary>The AdditionalFile that extends or silences the built-in list.</summary>
    public const string UserFile = "DslInfra.RemoteApis.txt";

    private static readonly ImmutableHashSet<string> RemoteCommands = ImmutableHashSet.Create(StringComparer.OrdinalIgnoreCase,
        "ssh", "scp", "sftp", "rsync", "ansible", "ansible-playbook", "pssh", "parallel-ssh", "pdsh", "plink", "pscp", "winrs");

    // Terraform blocks that reach into a running machine. (Packer provisioners of an image build are not written this way.)
    private static readonly ImmutableHashSet<string> RemoteBlocks = ImmutableHashSet.Create(StringComparer.Ordinal, "provisioner", "connection");

    /// <inheritdoc/>
    public override ImmutableArray<DiagnosticDescriptor> SupportedDiagnostics => ImmutableArray.Create(DiagnosticDescriptors.RemoteProvisioning);

    /// <inheritdoc/>
    private protected override void Start(CompilationStartAnalysisContext start)
    {
        var apis = ApiList.Load("RemoteProvisioningApis.txt", UserFile, start.Compilation, start.Options.AdditionalFiles, start.CancellationToken);
        var known = new KnownTypes(
            start.Compilation.GetTypeByMetadataName("DslInfra.CustomBlock"),
            start.Compilation.GetTypeByMetadataName("System.Diagnostics.Process"),
            start.Compilation.GetTypeByMetadataName("System.Diagnostics.ProcessStartInfo"));
        start.RegisterOperationAction(c => Creation(c, apis, known), OperationKind.ObjectCreation);
        start.RegisterOperationAction(c => Invocation(c, apis, known), OperationKind.Invocation);
        start.RegisterOperationAction(c => FileNameAssignment(c, known), OperationKind.SimpleAssignment);
    }

    private sealed record KnownTypes(INamedTypeSymbol? CustomBlock, INamedTypeSymbol? Process, INamedTypeSymbol? ProcessStartInfo);

    private static void Creation(OperationAnalysisContext context, ApiList apis, KnownTypes known)
    {
        var creation = (IObjectCreationOperation)context.Operation;
        if (apis.MatchType(creation.Type) is { } what)
        {
            Report(context, what);
            return;
        }
        if (SymbolEqualityComparer.Default.Equals(creation.Type, known.ProcessStartInfo) && creation.Arguments.Length > 0 && RemoteCommand(creation.Arguments[0].Value) is { } command)
            Report(context, $"Starting '{command}'");
        else if (known.CustomBlock is not null && SymbolEqualityComparer.Default.Equals(creation.Type, known.CustomBlock)
            && creation.Arguments.Length > 0 && creation.Arguments[0].Value.ConstantValue.Value is string block && RemoteBlocks.Contains(block))
            Report(context, $"A '{block}' block");
    }

    private static void Invocation(OperationAnalysisContext context, ApiList apis, KnownTypes known)
    {
        var invocation = (IInvocationOperation)context.Operation;
        var method = invocation.TargetMethod;
        if (apis.Match(method) is { } what && apis.MatchType(method.ContainingType) is null)
            Report(context, what);
        else if (method.Name == "Start" && SymbolEqualityComparer.Default.Equals(method.ContainingType, known.Process)
            && invocation.Arguments.Length > 0 && RemoteCommand(invocation.Arguments[0].Value) is { } command)
            Report(context, $"Starting '{command}'");
    }

    private static void FileNameAssignment(OperationAnalysisContext context, KnownTypes known)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is IPropertyReferenceOperation { Property.Name: "FileName" } property
            && SymbolEqualityComparer.Default.Equals(property.Property.ContainingType, known.ProcessStartInfo)
            && RemoteCommand(assignment.Value) is { } command)
            Report(context, $"Starting '{command}'");
    }

    /// <summary>The remote command a file name names, e.g. "/usr/bin/ssh" → "ssh".</summary>
    private static string? RemoteCommand(IOperation fileName)
    {
        if (fileName.ConstantValue.Value is not string text)
            return null;
        var name = Path.GetFileNameWithoutExtension(text.Trim().Split(' ').First());
        return RemoteCommands.Contains(name) ? name : null;
    }

    private static void Report(OperationAnalysisContext context, string what) =>
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.RemoteProvisioning, context.Operation.Syntax.GetLocation(), what));
}
