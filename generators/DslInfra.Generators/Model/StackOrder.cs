using System;
using System.Collections.Generic;
using System.Linq;

namespace DslInfra.Generators.Model;

/// <summary>
/// The order stacks deploy in, from which outputs each reads. Stacks that read each other in a cycle can never deploy:
/// each waits for the other's state.
/// </summary>
internal static class StackOrder
{
    /// <summary>For each stack on a cycle, the cycle as it reads (<c>app → network → app</c>).</summary>
    public static Dictionary<string, string> Cycles(IEnumerable<(string Stack, IEnumerable<string> Reads)> stacks)
    {
        var reads = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var (stack, read) in stacks)
            reads[stack] = read.Distinct(StringComparer.Ordinal).OrderBy(r => r, StringComparer.Ordinal).ToList();
        var cycles = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var start in reads.Keys.OrderBy(k => k, StringComparer.Ordinal))
        {
            // Depth-first from each stack: a path back to it is its cycle.
            var path = new List<string> { start };
            if (Back(start, start, reads, path, new HashSet<string>(StringComparer.Ordinal)))
                cycles[start] = string.Join(" → ", path);
        }
        return cycles;
    }

    private static bool Back(string start, string at, Dictionary<string, List<string>> reads, List<string> path, HashSet<string> seen)
    {
        if (!reads.TryGetValue(at, out var next))
            return false;
        foreach (var stack in next)
        {
            path.Add(stack);
            if (stack == start)
                return true;
            if (seen.Add(stack) && Back(start, stack, reads, path, seen))
                return true;
            path.RemoveAt(path.Count - 1);
        }
        return false;
    }
}
