namespace DslInfra.Offline.Planning;

/// <summary>Input an offline plan cannot use (no terraform, no artifacts, a broken configuration): one line that says what to do.</summary>
public sealed class OfflinePlanException(string message) : Exception(message);
