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

    // Cloud CLIs whose subcommands run commands on, or copy files to, a running machine: the words must appear in this
    // order among the arguments (options and their values may come between).
    private static readonly (string Tool, string[] Words)[] RemoteSubcommands =
    [
        ("kubectl", ["exec"]), ("kubectl", ["cp"]), ("kubectl", ["attach"]),
        ("az", ["vm", "run-command"]), ("az", ["vm", "extension", "set"]), ("az", ["vmss", "run-command"]),
        ("aws", ["ssm", "send-command"]), ("aws", ["ssm", "start-session"]),
        ("gcloud", ["compute", "ssh"]), ("gcloud", ["compute", "scp"]),
    ];

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
        if (SymbolEqualityComparer.Default.Equals(creation.Type, known.ProcessStartInfo) && creation.Arguments.Length > 0
            && RemoteCommand(creation.Arguments[0].Value, creation.Arguments.Length > 1 ? creation.Arguments[1].Value : null) is { } command)
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
            && invocation.Arguments.Length > 0 && RemoteCommand(invocation.Arguments[0].Value, invocation.Arguments.Length > 1 ? invocation.Arguments[1].Value : null) is { } command)
            Report(context, $"Starting '{command}'");
    }

    private static void FileNameAssignment(OperationAnalysisContext context, KnownTypes known)
    {
        var assignment = (ISimpleAssignmentOperation)context.Operation;
        if (assignment.Target is IPropertyReferenceOperation { Property.Name: "FileName" } property
            && SymbolEqualityComparer.Default.Equals(property.Property.ContainingType, known.ProcessStartInfo)
            && RemoteCommand(assignment.Value, SiblingArguments(assignment)) is { } command)
            Report(context, $"Starting '{command}'");
    }

    // new ProcessStartInfo { FileName = "kubectl", Arguments = "exec …" }: the arguments set beside the file name.
    private static IOperation? SiblingArguments(ISimpleAssignmentOperation fileName) =>
        fileName.Parent is IObjectOrCollectionInitializerOperation initializer
            ? initializer.Initializers.OfType<ISimpleAssignmentOperation>()
                .FirstOrDefault(a => a.Target is IPropertyReferenceOperation { Property.Name: "Arguments" })?.Value
            : null;

    /// <summary>The remote command a file name (and its arguments) names, e.g. "/usr/bin/ssh" → "ssh", "kubectl" "exec …" → "kubectl exec".</summary>
    private static string? RemoteCommand(IOperation fileName, IOperation? arguments)
    {
        if (fileName.ConstantValue.Value is not string text)
            return null;
        var words = text.Trim().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0)
            return null;
        var name = Path.GetFileNameWithoutExtension(words[0]);
        var rest = words.Skip(1).Concat(ArgumentText(arguments) is { } args
            ? args.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries) : []).ToList();
        if (RemoteCommands.Contains(name))
            return IsTunnel(name, rest) ? null : name;
        foreach (var (tool, subcommand) in RemoteSubcommands)
            if (string.Equals(name, tool, StringComparison.OrdinalIgnoreCase) && InOrder(rest, subcommand))
                return tool + " " + string.Join(" ", subcommand);
        return null;
    }

    /// <summary>
    /// The literal text of a process's arguments: one string (<c>"exec -it web -- sh"</c>), or a list of them
    /// (<c>Process.Start("ssh", ["-fN", host, "-L", spec])</c>), the words that are not literals left out.
    /// </summary>
    private static string? ArgumentText(IOperation? arguments)
    {
        if (arguments is null)
            return null;
        if (Initializers.LiteralText(arguments) is { } text)
            return text;
        var words = Initializers.Elements(arguments).Select(Initializers.LiteralText).Where(w => w is not null).ToList();
        return words.Count > 0 ? string.Join(" ", words) : null;
    }

    /// <summary>
    /// <c>ssh -N</c> (also in a cluster such as <c>-fNL</c>) runs no command: it only forwards ports, a tunnel to a
    /// database or a bastion, which changes nothing on the machine.
    /// </summary>
    private static bool IsTunnel(string name, System.Collections.Generic.List<string> words) =>
        (string.Equals(name, "ssh", StringComparison.OrdinalIgnoreCase) || string.Equals(name, "plink", StringComparison.OrdinalIgnoreCase))
        && words.Any(w => w.Length > 1 && w[0] == '-' && w[1] != '-' && w.Skip(1).All(char.IsLetter) && w.IndexOf('N') > 0);

    private static bool InOrder(System.Collections.Generic.List<string> words, string[] wanted)
    {
        var next = 0;
        foreach (var word in words)
            if (next < wanted.Length && string.Equals(word, wanted[next], StringComparison.Ordinal))
                next++;
        return next == wanted.Length;
    }

    private static void Report(OperationAnalysisContext context, string what) =>
        context.ReportDiagnostic(Diagnostic.Create(DiagnosticDescriptors.RemoteProvisioning, context.Operation.Syntax.GetLocation(), what));
}
