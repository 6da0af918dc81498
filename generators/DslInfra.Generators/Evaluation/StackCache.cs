using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using DslInfra.Generators.Model;
using Microsoft.CodeAnalysis;

namespace DslInfra.Generators.Evaluation;

/// <summary>
/// Keeps each stack's evaluation across edits while none of its inputs changed. The IDE re-runs a
/// [Stack] transform on every keystroke anywhere in the project; without this, every stack is
/// re-evaluated (and its initializers re-bound) for an edit in one of them.
/// </summary>
/// <remarks>
/// An entry is valid only for the very same SyntaxTree instances (unchanged text keeps its tree across
/// IDE edits) and the very same metadata references. A command-line build parses every file anew, so
/// it never reuses an entry: artifacts written to disk always come from a fresh evaluation.
/// </remarks>
internal static class StackCache
{
    private static ConditionalWeakTable<SyntaxTree, List<Entry>> entries = new();

    /// <summary>How often each stack was evaluated rather than taken from the cache; for tests.</summary>
    internal static readonly System.Collections.Concurrent.ConcurrentDictionary<string, int> Evaluations = new();

    /// <summary>Forgets every entry; benchmarks of a cold run use it.</summary>
    internal static void Clear() => entries = new ConditionalWeakTable<SyntaxTree, List<Entry>>();

    public static StackResult GetOrRead(INamedTypeSymbol stack, Compilation compilation, Func<(StackResult Result, HashSet<SyntaxTree> Dependencies)> read, string? environment = null)
    {
        var key = stack.DeclaringSyntaxReferences[0].SyntaxTree;
        // Each environment of a stack is its own evaluation.
        var name = stack.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + (environment is null ? "" : "@" + environment);
        var declaringTrees = stack.DeclaringSyntaxReferences.Select(r => r.SyntaxTree).ToArray();
        var forTree = entries.GetOrCreateValue(key);
        lock (forTree)
        {
            foreach (var entry in forTree)
                if (entry.Matches(name, declaringTrees, compilation))
                    return entry.Result;
        }

        Evaluations.AddOrUpdate(name, 1, (_, count) => count + 1);
        var (result, dependencies) = read();
        var fresh = new Entry(name, declaringTrees, dependencies.Select(t => new WeakReference<SyntaxTree>(t)).ToArray(), compilation.References.ToArray(), result);
        lock (forTree)
        {
            forTree.RemoveAll(e => e.Name == name);
            forTree.Add(fresh);
        }
        return result;
    }

    /// <summary>Whether two lists hold the very same objects in the same order (a re-created reference is a new one).</summary>
    internal static bool SameInstances<T>(T[] a, T[] b)
        where T : class
    {
        if (a.Length != b.Length)
            return false;
        for (var i = 0; i < a.Length; i++)
            if (!ReferenceEquals(a[i], b[i]))
                return false;
        return true;
    }

    private sealed class Entry(string name, SyntaxTree[] declaringTrees, WeakReference<SyntaxTree>[] dependencies, MetadataReference[] references, StackResult result)
    {
        public string Name { get; } = name;

        public StackResult Result { get; } = result;

        public bool Matches(string stackName, SyntaxTree[] trees, Compilation compilation)
        {
            if (Name != stackName || !trees.SequenceEqual(declaringTrees))
                return false;
            foreach (var dependency in dependencies)
                if (!dependency.TryGetTarget(out var tree) || !compilation.ContainsSyntaxTree(tree))
                    return false;
            return SameInstances(compilation.References.ToArray(), references);
        }
    }
}
