using System;
using System.Linq;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DslInfra.Analyzers.Semantics;

/// <summary>
/// Remote execution that is not a process or a control-plane client: PowerShell remoting (a WSMan or SSH connection to
/// another computer, Invoke-Command -ComputerName in a script), WMI's Win32_Process.Create, writes into another
/// machine's registry, and writes onto its administrative shares (\\host\c$, \\host\admin$).
/// </summary>
internal static class RemoteTargets
{
    private const string Runspaces = "System.Management.Automation.Runspaces";

    // Endpoints that are SaaS admin sessions (Exchange Online, Security & Compliance), not machines.
    private static readonly string[] SaasEndpoints = ["Microsoft.Exchange", "outlook.com", "office365.com", "protection.outlook", "compliance.protection", "ps.compliance"];

    private static readonly Regex AdminShare = new(@"^\\\\[^\\]+\\([A-Za-z]|admin)\$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(50));

    /// <summary>new WSManConnectionInfo(…) or new SSHConnectionInfo(…) to another computer.</summary>
    public static Verdict? Connection(IObjectCreationOperation creation)
    {
        if (creation.Type is not INamedTypeSymbol { Name: "WSManConnectionInfo" or "SSHConnectionInfo" } type || type.ContainingNamespace?.ToDisplayString() != Runspaces)
            return null;
        var values = creation.Arguments.Select(a => a.Value)
            .Concat(creation.Initializer?.Initializers.OfType<ISimpleAssignmentOperation>().Select(a => a.Value) ?? []).ToList();
        // WSManConnectionInfo() is the local computer.
        if (values.Count == 0)
            return null;
        var text = string.Join(" ", values.Select(v => CommandText.Of(v, null)));
        if (SaasEndpoints.Any(e => text.IndexOf(e, StringComparison.OrdinalIgnoreCase) >= 0) || IsLocalHost(text))
            return null;
        return Remote($"PowerShell remoting ({type.Name})");
    }

    private static bool IsLocalHost(string text)
    {
        var hosts = text.Split(new[] { ' ', '/', ':' }, StringSplitOptions.RemoveEmptyEntries);
        return hosts.Any(h => h is "localhost" or "127.0.0.1" or "." or "::1") && text.IndexOf(CommandText.Unknown) < 0;
    }

    /// <summary>AddScript("Invoke-Command -ComputerName …"), or AddCommand("Invoke-Command").AddParameter("ComputerName", …).</summary>
    public static Verdict? PowerShell(IInvocationOperation call)
    {
        var ns = call.TargetMethod.ContainingType?.ContainingNamespace?.ToDisplayString() ?? "";
        if (!ControlPlanes.Under(ns, "System.Management.Automation") || call.Arguments.Length == 0)
            return null;
        var first = CommandText.Of(call.Arguments[0].Value, null);
        switch (call.TargetMethod.Name)
        {
            case "AddScript":
                return PowerShellScripts.Classify(first) is { } what ? Remote(what) : null;
            case "AddCommand" when first is "Invoke-Command" or "New-PSSession" or "Enter-PSSession" or "Copy-Item":
                for (var current = call.Parent; current is IInvocationOperation or IArgumentOperation or IConversionOperation; current = current.Parent)
                    if (current is IInvocationOperation { TargetMethod.Name: "AddParameter" } parameter && parameter.Arguments.Length > 0
                        && CommandText.Of(parameter.Arguments[0].Value, null) is "ComputerName" or "cn" or "HostName" or "VMName" or "ContainerId" or "ToSession")
                        return Remote($"PowerShell remoting ({first})");
                return null;
            default:
                return null;
        }
    }

    /// <summary>ManagementClass("Win32_Process").InvokeMethod("Create", …): WMI starting a process, the classic remote exec.</summary>
    public static Verdict? Wmi(IInvocationOperation call)
    {
        if (call.TargetMethod is not { Name: "InvokeMethod", ContainingType.ContainingNamespace: { Name: "Management", ContainingNamespace.Name: "System" } }
            || call.Arguments.Length == 0 || CommandText.Of(call.Arguments[0].Value, null) != "Create")
            return null;
        return Mentions(call.Instance, "Win32_Process", 0) ? Remote("WMI Win32_Process.Create") : null;
    }

    private static bool Mentions(IOperation? operation, string text, int depth)
    {
        if (operation is null || depth > 4)
            return false;
        foreach (var part in operation.DescendantsAndSelf())
        {
            if (part.ConstantValue is { HasValue: true, Value: string s } && s.IndexOf(text, StringComparison.OrdinalIgnoreCase) >= 0)
                return true;
            if (part is ILocalReferenceOperation local && CommandText.Initializer(local) is { } initial && Mentions(initial, text, depth + 1))
                return true;
        }
        return false;
    }

    /// <summary>SetValue, CreateSubKey, DeleteValue… on a key opened with RegistryKey.OpenRemoteBaseKey for another machine.</summary>
    public static Verdict? Registry(IInvocationOperation call)
    {
        if (call.TargetMethod is not { ContainingType: { Name: "RegistryKey", ContainingNamespace.Name: "Win32" } } method
            || method.Name is not ("SetValue" or "CreateSubKey" or "DeleteValue" or "DeleteSubKey" or "DeleteSubKeyTree"))
            return null;
        return OpenedRemotely(call.Instance, 0) ? Remote($"A write into another machine's registry ('{method.Name}')") : null;
    }

    private static bool OpenedRemotely(IOperation? key, int depth)
    {
        while (key is IConversionOperation conversion)
            key = conversion.Operand;
        if (key is null || depth > 5)
            return false;
        return key switch
        {
            IInvocationOperation { TargetMethod.Name: "OpenRemoteBaseKey" } open => open.Arguments.Length > 1 && IsAnotherMachine(open.Arguments[1].Value),
            IInvocationOperation { TargetMethod.Name: "OpenSubKey" or "CreateSubKey" } sub => OpenedRemotely(sub.Instance, depth + 1),
            ILocalReferenceOperation local => CommandText.Initializer(local) is { } initial && OpenedRemotely(initial, depth + 1),
            _ => false,
        };
    }

    // OpenRemoteBaseKey(hive, null), "" or Environment.MachineName is this machine.
    private static bool IsAnotherMachine(IOperation machine)
    {
        while (machine is IConversionOperation conversion)
            machine = conversion.Operand;
        if (machine.ConstantValue is { HasValue: true } constant)
            return constant.Value is string name && name.Length > 0 && name is not ("." or "localhost" or "127.0.0.1");
        return machine is not IPropertyReferenceOperation { Property.Name: "MachineName" };
    }

    /// <summary>File.Copy(…, @"\\host\c$\…"), Directory.CreateDirectory(@"\\host\admin$\…") and other writes onto an administrative share.</summary>
    public static Verdict? ShareWrite(IOperation operation)
    {
        IOperation? destination = operation switch
        {
            IInvocationOperation { TargetMethod: { ContainingType: { Name: "File" or "Directory" or "FileInfo" or "DirectoryInfo", ContainingNamespace.Name: "IO" } } method } call
                when method.Name is "Copy" or "Move" or "Replace" or "CopyTo" or "MoveTo" => call.Arguments.Length > 1 && method.IsStatic ? call.Arguments[1].Value : call.Arguments.FirstOrDefault()?.Value,
            IInvocationOperation { TargetMethod: { ContainingType: { Name: "File" or "Directory", ContainingNamespace.Name: "IO" } } method } call
                when method.Name.StartsWith("Write", StringComparison.Ordinal) || method.Name.StartsWith("Append", StringComparison.Ordinal)
                    || method.Name is "Create" or "CreateDirectory" or "CreateText" or "OpenWrite" => call.Arguments.FirstOrDefault()?.Value,
            IObjectCreationOperation { Type: { Name: "StreamWriter" or "FileStream", ContainingNamespace.Name: "IO" } } creation
                when creation.Arguments.Length > 0 && creation.Arguments[0].Value.Type?.SpecialType == SpecialType.System_String => creation.Arguments[0].Value,
            _ => null,
        };
        if (destination is null)
            return null;
        var path = CommandText.Of(destination, null);
        return AdminShare.IsMatch(path) ? Remote("A write onto another machine's administrative share") : null;
    }

    /// <summary>An HTTP POST or PUT of a package to an app's deployment endpoint (Kudu zipdeploy, wardeploy, publish).</summary>
    public static Verdict? DeploymentEndpoint(IInvocationOperation call)
    {
        if (call.TargetMethod is not { Name: "PostAsync" or "PutAsync" or "Post" or "Put", ContainingType: { Name: "HttpClient", ContainingNamespace.Name: "Http" } }
            || call.Arguments.Length == 0)
            return null;
        var url = CommandText.Of(call.Arguments[0].Value, null);
        return url.IndexOf(".scm.azurewebsites.net", StringComparison.OrdinalIgnoreCase) >= 0 || url.IndexOf("/api/zipdeploy", StringComparison.OrdinalIgnoreCase) >= 0
            || url.IndexOf("/api/wardeploy", StringComparison.OrdinalIgnoreCase) >= 0 || url.IndexOf("/api/publish", StringComparison.OrdinalIgnoreCase) >= 0
            ? new Verdict(Effect.InPlaceUpdate, "a push to the app's deployment endpoint", "publish a new version through the stack (a new image or package that a slot or revision swaps to)")
            : null;
    }

    private static Verdict Remote(string what) => new(Effect.RemoteExecution, what, "");
}
