using System.Collections.Generic;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Operations;

namespace DslInfra.Analyzers.Semantics;

/// <summary>
/// Everything DI2003 and DI2004 decide about one operation, in one place: the control-plane call's verb, the process's
/// command line, and the other ways of reaching a running machine. The user's lists add reports and silence them.
/// </summary>
internal sealed class Judge(Compilation compilation, ApiList userList, Effect listed)
{
    private readonly Launches launches = new(compilation);

    // Most calls are on types of no family; the namespace of each type is read once per compilation.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<INamedTypeSymbol, bool> inFamily = new(SymbolEqualityComparer.Default);

    /// <summary>The operation kinds a rule using the judge registers for.</summary>
    public static readonly OperationKind[] Kinds = [OperationKind.Invocation, OperationKind.MethodReference, OperationKind.ObjectCreation, OperationKind.SimpleAssignment];

    /// <summary>Calls alone: what a field or property initializer is looked at for when it cannot hold a process.</summary>
    public static readonly OperationKind[] CallKinds = [OperationKind.Invocation, OperationKind.MethodReference];

    /// <summary>Whether a field or property (its initializer) can hold a process or its start info.</summary>
    public static bool MayStartProcess(ISymbol owner) =>
        (owner switch { IFieldSymbol f => f.Type, IPropertySymbol p => p.Type, _ => null }) is not { } type
        || type.Name is "ProcessStartInfo" or "Process" or "Lazy" or "Func" or "Action" || type.SpecialType == SpecialType.System_Object;

    // The only types whose creation can start a process, open a remote session or write onto a share. A stack
    // creates tens of thousands of records; each is turned away by one lookup of its type's name.
    private static readonly HashSet<string> CreationsThatMatter = new(System.StringComparer.Ordinal)
    {
        "ProcessStartInfo", "WSManConnectionInfo", "SSHConnectionInfo", "FileStream", "StreamWriter",
    };

    /// <summary>Whether <paramref name="operation"/> can be anything the rules judge: a cheap test before any work.</summary>
    public bool MayMatter(IOperation operation) => operation switch
    {
        IInvocationOperation or IMethodReferenceOperation => true,
        IObjectCreationOperation creation => creation.Type is { } type && (CreationsThatMatter.Contains(type.Name) || userList.HasTypes),
        ISimpleAssignmentOperation { Target: IPropertyReferenceOperation { Property.Name: "FileName" } } => true,
        _ => false,
    };

    public IEnumerable<(Verdict Verdict, Location Location)> Verdicts(IOperation operation)
    {
        switch (operation)
        {
            case IInvocationOperation call:
                if (userList.Silences(call.TargetMethod))
                    yield break;
                if (userList.Match(call.TargetMethod) is { } advice)
                {
                    yield return (new Verdict(listed, call.TargetMethod.Name, advice), call.Syntax.GetLocation());
                    yield break;
                }
                var found = (MayBeClient(call.TargetMethod) ? SdkCalls.Classify(call.TargetMethod, call.Syntax) : null)
                    ?? RemoteTargets.PowerShell(call) ?? RemoteTargets.Wmi(call) ?? RemoteTargets.Registry(call)
                    ?? RemoteTargets.ShareWrite(call) ?? RemoteTargets.DeploymentEndpoint(call);
                if (found is not null)
                {
                    yield return (found, call.Syntax.GetLocation());
                    yield break;
                }
                foreach (var verdict in Processes(call))
                    yield return verdict;
                break;
            case IMethodReferenceOperation reference:
                // ec2.ModifyInstanceAttributeAsync passed as a delegate is the same call, made later.
                if (!userList.Silences(reference.Method) && (userList.Match(reference.Method) is { } message
                        ? new Verdict(listed, reference.Method.Name, message) : SdkCalls.Classify(reference.Method, reference.Syntax)) is { } referenced)
                    yield return (referenced, reference.Syntax.GetLocation());
                break;
            case IObjectCreationOperation creation:
                if (userList.MatchType(creation.Type) is { } type)
                {
                    yield return (new Verdict(listed, type, ""), creation.Syntax.GetLocation());
                    yield break;
                }
                if ((RemoteTargets.Connection(creation) ?? RemoteTargets.ShareWrite(creation)) is { } remote)
                {
                    yield return (remote, creation.Syntax.GetLocation());
                    yield break;
                }
                foreach (var verdict in Processes(creation))
                    yield return verdict;
                break;
            case ISimpleAssignmentOperation:
                foreach (var verdict in Processes(operation))
                    yield return verdict;
                break;
        }
    }

    private bool MayBeClient(IMethodSymbol method) =>
        method.IsExtensionMethod || method.ReducedFrom is not null
        || method.ContainingType is { } type && inFamily.GetOrAdd(type, t => ControlPlanes.Of(t) is not null);

    private IEnumerable<(Verdict, Location)> Processes(IOperation operation)
    {
        foreach (var launch in launches.Find(operation))
        {
            var (program, arguments) = launch.Text();
            if (OpsCommands.Classify(program, arguments) is not { } verdict)
                continue;
            if (verdict.Effect == Effect.RemoteExecution && verdict.What.IndexOf(" exec'", System.StringComparison.Ordinal) > 0 && Liveness.CreatedBySameMember(launch.Site))
                continue;
            yield return (verdict, launch.Site.GetLocation());
        }
    }
}
