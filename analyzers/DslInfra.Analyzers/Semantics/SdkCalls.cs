using System;
using System.Collections.Generic;
using Microsoft.CodeAnalysis;

namespace DslInfra.Analyzers.Semantics;

/// <summary>
/// Judges a call on a control-plane client by who it reaches (<see cref="ControlPlanes"/>) and what its name's verb does
/// (<see cref="Verbs"/>), less the <see cref="Exceptions"/>.
/// </summary>
internal static class SdkCalls
{
    public static Verdict? Classify(IMethodSymbol method, SyntaxNode site)
    {
        if (ControlPlanes.Of(method) is not { } family)
            return null;
        var declaring = method.ReducedFrom ?? method;
        var ns = declaring.ContainingType?.ContainingNamespace?.ToDisplayString() ?? "";
        if (Exceptions.Reason(family, ns, method.Name) is not null)
            return null;
        var words = Verbs.Words(method.Name);
        if (family == Family.Ssh)
            return Ssh(method, words);
        if (family == Family.Docker && method.Name.StartsWith("ExtractArchiveToContainer", StringComparison.Ordinal))
            return Remote($"'{method.Name}' (a copy into a running container)", site);
        if (IsExecution(family, method.Name, words) || AttachesToProcess(family, words))
            return Remote($"'{method.Name}' ({Describe(family)} exec)", site);
        var kind = Verbs.Classify(words);
        if (family == Family.Azure && RunsOnTheMachine(method.ContainingType?.Name ?? "") && (kind == VerbKind.Change || Verbs.Is(words[0], "create")))
            return new Verdict(Effect.RemoteExecution, $"'{method.Name}' (a VM extension or run command on a running machine)", "");
        return kind == VerbKind.Change
            ? new Verdict(Effect.InPlaceUpdate, method.Name, Advice(family))
            : null;
    }

    // Docker runs an exec in two calls: ExecCreateContainer makes it and StartAndAttachContainerExec runs it. The
    // creation is where it is judged, once; inspecting or resizing an exec is not another one.
    private static bool IsExecution(Family family, string name, List<string> words) =>
        family == Family.Docker ? name.StartsWith("Exec", StringComparison.Ordinal) && Verbs.IsExecution(words) : Verbs.IsExecution(words);

    // kubectl attach: joining a running container's process (pods in Kubernetes, containers in Docker).
    private static bool AttachesToProcess(Family family, List<string> words) =>
        (family == Family.Kubernetes || family == Family.Docker)
        && words.Exists(w => Verbs.Is(w, "attach")) && words.Exists(w => Verbs.Is(w, "pod") || Verbs.Is(w, "container"))
        && !words.Exists(w => Verbs.Is(w, "volume"));

    // A VM extension (CustomScript, VMAccess) or a managed run command is a script the agent runs on the live machine:
    // putting one is remote execution, not configuration.
    private static bool RunsOnTheMachine(string type) =>
        type.IndexOf("RunCommand", StringComparison.Ordinal) >= 0
        || (type.IndexOf("Extension", StringComparison.Ordinal) >= 0 && (type.StartsWith("VirtualMachine", StringComparison.Ordinal) || type.StartsWith("VM", StringComparison.Ordinal)));

    private static Verdict? Ssh(IMethodSymbol method, List<string> words)
    {
        var type = method.ContainingType?.Name ?? "";
        // SFTP is file exchange with a server, not a command on it (downloads and drops of reports).
        if (type.IndexOf("Sftp", StringComparison.OrdinalIgnoreCase) >= 0 || words.Count == 0)
            return null;
        var verb = words[0];
        if ((Verbs.Is(verb, "run") || Verbs.Is(verb, "create") || Verbs.Is(verb, "execute") || Verbs.Is(verb, "send"))
            && words.Exists(w => Verbs.Is(w, "command") || Verbs.Is(w, "shell") || Verbs.Is(w, "exec")))
            return new Verdict(Effect.RemoteExecution, $"'{method.Name}' (an SSH command)", "");
        if (type.IndexOf("Scp", StringComparison.OrdinalIgnoreCase) >= 0 && (Verbs.Is(verb, "upload") || Verbs.Is(verb, "put") || Verbs.Is(verb, "to")))
            return new Verdict(Effect.RemoteExecution, $"'{method.Name}' (an SCP upload)", "");
        return null;
    }

    private static Verdict? Remote(string what, SyntaxNode site) =>
        Liveness.CreatedBySameMember(site) ? null : new Verdict(Effect.RemoteExecution, what, "");

    private static string Describe(Family family) => family switch
    {
        Family.Kubernetes => "Kubernetes",
        Family.Docker => "Docker",
        Family.Aws => "AWS",
        Family.Azure => "Azure",
        Family.Google => "Google Cloud",
        _ => "remote",
    };

    public static string Advice(Family family) => family switch
    {
        Family.Kubernetes => "change the manifest in the stack and let a reviewed plan apply it; a new pod template rolls out new pods",
        Family.Docker => "build a new image and replace the container",
        _ => "declare it in a stack and let a reviewed plan change it; what runs on it is replaced from a new image or template version",
    };
}
