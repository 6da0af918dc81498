namespace DslInfra.Analyzers.Semantics;

/// <summary>What a call does to live infrastructure, as the rules decide it.</summary>
internal enum Effect
{
    /// <summary>Changes a live resource's configuration in place (DI2003).</summary>
    InPlaceUpdate,

    /// <summary>Runs a command on, or copies a file onto, a running machine or container (DI2004).</summary>
    RemoteExecution,
}

/// <summary>One finding: its effect, what was called (for the message) and what to do instead.</summary>
internal sealed record Verdict(Effect Effect, string What, string Advice);
