using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using DslInfra.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DslInfra.Generators.Evaluation;

// Per-member reuse across edits (MemberCache): what a member's evaluation read is recorded while it runs, so that the
// next evaluation can tell whether the kept value still holds.
internal sealed partial class Evaluator
{
    private readonly List<Frame> frames = new();
    private MemberCache.Session? memberCache;

    /// <summary>What one member's evaluation read: other members and their values, other files, and what it spent.</summary>
    private sealed class Frame
    {
        /// <summary>The first value seen of each member read (a Repeat.For may read one member a thousand times).</summary>
        public Dictionary<string, Value> Reads { get; } = new(StringComparer.Ordinal);

        /// <summary>Members read only for their address (<c>Vpc.Id</c>): what of them was used, not their whole value.</summary>
        public Dictionary<string, Value> Addresses { get; } = new(StringComparer.Ordinal);

        public HashSet<SyntaxTree> Trees { get; } = new();

        public int NestedSteps { get; set; }

        public long NestedText { get; set; }

        public bool ReadOtherStacks { get; set; }
    }

    private HashSet<SyntaxTree>? stackTrees;

    /// <summary>The stack's own files: the environment covers them, so a kept member does not list them as inputs.</summary>
    private HashSet<SyntaxTree> StackTrees => stackTrees ??= new HashSet<SyntaxTree>(stack.DeclaringSyntaxReferences.Select(r => r.SyntaxTree));

    /// <summary>Set while a member is read only for its address: <c>Vpc.Id</c> depends on Vpc's address, not its arguments.</summary>
    private bool readingAddressOnly;

    /// <summary>What a read of a member's address depends on: its address and, for a container image, its name.</summary>
    internal static Value AddressOf(Value value) => value is ObjectValue obj
        ? new StringValue("address " + obj.Address + " " + obj.Type.IsContainerImage + " " + obj.GetString("Name"))
        : value;

    /// <summary>Records, in the reading member's frame, that it read <paramref name="member"/> (whole, or only its address).</summary>
    private void RecordRead(string member, Value value, bool addressOnly)
    {
        if (frames.Count == 0)
            return;
        var frame = frames[frames.Count - 1];
        if (frame.Reads.ContainsKey(member))
            return;
        if (!addressOnly)
        {
            frame.Addresses.Remove(member);
            frame.Reads[member] = value;
        }
        else if (!frame.Addresses.ContainsKey(member))
            frame.Addresses[member] = AddressOf(value);
    }

    /// <summary>Reuse members kept from the last evaluation of this stack where their inputs are unchanged, and keep this one's.</summary>
    public void UseMemberCache(MemberCache.Session session) => memberCache = session;

    private MemberCache.Place? PlaceOf(IFieldSymbol field)
    {
        if (field.DeclaringSyntaxReferences.Length != 1
            || field.DeclaringSyntaxReferences[0].GetSyntax(cancellation) is not VariableDeclaratorSyntax { Parent.Parent: FieldDeclarationSyntax declaration } declarator)
            return null;
        return new MemberCache.Place(declaration, declarator);
    }

    /// <summary>The kept value of a member whose declaration, files and the members it read are unchanged; null when it must be evaluated.</summary>
    private Value? Reuse(IFieldSymbol field, MemberCache.Place place)
    {
        if (memberCache!.Find(field.Name) is not { } entry || !place.IsSameText(entry))
            return null;
        var trees = new List<SyntaxTree>();
        foreach (var weak in entry.Trees)
        {
            if (!weak.TryGetTarget(out var tree) || StackTrees.Contains(tree) || !memberCache.Compilation.ContainsSyntaxTree(tree))
                return null;
            trees.Add(tree);
        }
        // The members it read must still have the values it saw; reading them here is not this caller's read.
        frames.Add(new Frame());
        inProgress.Add(field);
        try
        {
            foreach (var (name, seen, addressOnly) in entry.Reads)
            {
                var other = stack.GetMembers(name).OfType<IFieldSymbol>().FirstOrDefault();
                if (other is null || SymbolEqualityComparer.Default.Equals(other, field) || inProgress.Any(f => SymbolEqualityComparer.Default.Equals(f, other)))
                    return null;
                var now = Member(other);
                if (!MemberCache.SameIgnoringPositions(addressOnly ? AddressOf(now) : now, seen))
                    return null;
            }
        }
        finally
        {
            inProgress.RemoveAt(inProgress.Count - 1);
            frames.RemoveAt(frames.Count - 1);
        }
        var value = MemberCache.Move(entry.Value, place.Start - entry.Start, place.Line - entry.Line);
        steps += entry.Steps;
        totalText += entry.Text;
        Dependencies.UnionWith(trees);
        members[field] = value;
        memberCache.Keep(field.Name, entry with { Start = place.Start, Line = place.Line, Value = value, Node = place.Node });
        return value;
    }

    private Value EvaluateAndKeep(IFieldSymbol field, MemberCache.Place place, IOperation? referencedFrom)
    {
        var frame = new Frame();
        var (diagnostics, stepsStart, textStart) = (Diagnostics.Count, steps, totalText);
        frames.Add(frame);
        Value value;
        try
        {
            value = EvaluateMember(field, referencedFrom);
        }
        finally
        {
            frames.RemoveAt(frames.Count - 1);
        }
        Interlocked.Increment(ref MemberCache.Evaluated);
        if (Diagnostics.Count == diagnostics && !exhausted && value is not ErrorValue && !frame.ReadOtherStacks
            && MemberCache.PositionsInside(value, place.Path, place.Span))
        {
            memberCache!.Keep(field.Name, new MemberCache.Entry(
                place.Path, place.Declaration, place.Node, place.Start, place.Line, place.Column, value,
                frame.Reads.Select(r => (r.Key, r.Value, false)).Concat(frame.Addresses.Select(r => (r.Key, r.Value, true))).ToArray(),
                frame.Trees.Where(t => !StackTrees.Contains(t)).Select(t => new WeakReference<SyntaxTree>(t)).ToArray(),
                steps - stepsStart - frame.NestedSteps,
                totalText - textStart - frame.NestedText));
        }
        return value;
    }
}
