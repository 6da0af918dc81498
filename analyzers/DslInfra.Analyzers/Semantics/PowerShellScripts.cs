using System;
using System.Text.RegularExpressions;

namespace DslInfra.Analyzers.Semantics;

/// <summary>
/// PowerShell text that reaches another computer: Invoke-Command or New-PSSession with -ComputerName (or -HostName,
/// -VMName, -ContainerId), Enter-PSSession, Copy-Item -ToSession. Local scripts and commands sent through an existing
/// -Session (Exchange Online, a SaaS endpoint) stay quiet: the session's own connection is where the target is known.
/// </summary>
internal static class PowerShellScripts
{
    private static readonly Regex Remote = new(
        @"\b(Invoke-Command|icm|New-PSSession|Enter-PSSession|etsn|nsn)\b[^;|\r\n]*?\s-(ComputerName|cn|HostName|VMName|VMId|ContainerId)\b"
        + @"|\bEnter-PSSession\s+[^-\s]"
        + @"|\bCopy-Item\b[^;|\r\n]*?\s-ToSession\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(100));

    /// <summary>What in <paramref name="script"/> reaches another computer, or null.</summary>
    public static string? Classify(string script)
    {
        try
        {
            var match = Remote.Match(script);
            var command = match.Groups[1].Success ? match.Groups[1].Value : match.Value.Split(' ')[0];
            return match.Success ? $"PowerShell remoting ({command})" : null;
        }
        catch (RegexMatchTimeoutException)
        {
            return null;
        }
    }
}
