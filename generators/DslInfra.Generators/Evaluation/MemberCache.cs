using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using DslInfra.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace DslInfra.Generators.Evaluation;

/// <summary>
/// Keeps each stack member's value across edits, so that a keystroke in one member of a 2,000-resource stack
/// re-evaluates (and re-binds) that member, not the whole stack. <see cref="StackCache"/> keeps whole stacks while
/// none of their trees changed; this is the level below it, for the tree being edited.
/// </summary>
/// <remarks>
/// A member's value is reused only when everything it was computed from is unchanged:
/// <list type="bullet">
/// <item>its own declaration, to the character (modifiers, type, name, initializer, comments inside it);</item>
/// <item>the rest of the stack's files: everything in them but the stack's evaluated members (usings, constants,
///   [InfraFunction]s, other classes), compared as text;</item>
/// <item>the very same metadata references and parse options;</item>
/// <item>every other file the member read (a constant, a helper), as the very same syntax tree;</item>
/// <item>the values of the other members it read (compared without their source positions, which it does not use), or
///   only their addresses where it read nothing else of them (<c>Vpc.Id</c>).</item>
/// </list>
/// A member that reported anything, or whose value holds a position outside its own declaration (an object made by a
/// helper elsewhere, another member's object), is never kept. When lines or characters were added above a member, the
/// positions inside its kept value move with it, so the manifest's lines and the diagnostics' spans stay exact.
/// Only StackAnalyzer keeps members (the IDE's path); the generator evaluates afresh, so what a build writes to disk
/// never comes from a kept value.
/// </remarks>
internal static class MemberCache
{
    private static readonly ConcurrentDictionary<string, StackMembers> Stacks = new(StringComparer.Ordinal);

    /// <summary>The most stacks whose members are kept at once.</summary>
    private const int MaxStacks = 64;

    /// <summary>How many members were evaluated rather than reused; for tests.</summary>
    internal static int Evaluated;

    /// <summary>Forgets everything; benchmarks of a cold run use it.</summary>
    internal static void Clear() => Stacks.Clear();

    /// <summary>The kept members of a stack, when they are valid in this compilation; otherwise an empty set that will be filled.</summary>
    public static Session Open(INamedTypeSymbol stack, Compilation compilation, System.Threading.CancellationToken cancellation, string? deployment = null)
    {
        var key = compilation.AssemblyName + "|" + stack.ToDisplayString(SymbolDisplayFormat.FullyQualifiedFormat) + (deployment is null ? "" : "@" + deployment);
        var environment = Environment.Of(stack, compilation, cancellation);
        var kept = Stacks.TryGetValue(key, out var members) && members.Environment.Matches(environment)
            ? members.Entries
            : new Dictionary<string, Entry>(StringComparer.Ordinal);
        return new Session(key, environment, kept, compilation);
    }

    /// <summary>What one evaluation of a stack read from the cache and what it adds back.</summary>
    internal sealed class Session(string key, Environment environment, Dictionary<string, Entry> kept, Compilation compilation)
    {
        private readonly Dictionary<string, Entry> next = new(StringComparer.Ordinal);

        public Compilation Compilation => compilation;

        public Entry? Find(string member) => kept.TryGetValue(member, out var entry) ? entry : null;

        public void Keep(string member, Entry entry) => next[member] = entry;

        /// <summary>Stores what this evaluation kept and made, replacing the stack's previous set.</summary>
        public void Commit()
        {
            // Each set holds its stack's latest tree; a compiler server that builds many projects keeps a few, not all.
            if (Stacks.Count >= MaxStacks && !Stacks.ContainsKey(key))
                Stacks.Clear();
            Stacks[key] = new StackMembers(environment, next);
        }
    }

    internal sealed record StackMembers(Environment Environment, Dictionary<string, Entry> Entries);

    /// <summary>
    /// One member's value and what it was computed from. <see cref="Start"/>, <see cref="Line"/> and
    /// <see cref="Column"/> are where its declaration began, so that a moved declaration's positions can follow it.
    /// </summary>
    internal sealed record Entry(
        string Path,
        string Declaration,
        SyntaxNode Node,
        int Start,
        int Line,
        int Column,
        Value Value,
        (string Member, Value Value, bool AddressOnly)[] Reads,
        WeakReference<SyntaxTree>[] Trees,
        int Steps,
        long Text);

    /// <summary>Where a member is declared now; its text is read only when it cannot be told unchanged more cheaply.</summary>
    internal sealed class Place
    {
        private readonly SyntaxNode node;
        private string? declaration;

        public Place(FieldDeclarationSyntax declaration, VariableDeclaratorSyntax declarator)
        {
            // One declarator: the whole declaration (attributes, modifiers, type, initializer). Several: the
            // declarator, whose own position moves when one before it in the same declaration changes length.
            node = declaration.Declaration.Variables.Count == 1 ? declaration : declarator;
            Path = node.SyntaxTree.FilePath;
            Start = node.SpanStart;
            var position = node.SyntaxTree.GetText().Lines.GetLinePosition(Start);
            Line = position.Line;
            Column = position.Character;
            Span = node.Span;
        }

        public string Path { get; }

        public int Start { get; }

        public int Line { get; }

        public int Column { get; }

        public Microsoft.CodeAnalysis.Text.TextSpan Span { get; }

        public SyntaxNode Node => node;

        /// <summary>The declaration's text (with the type when the declaration has several declarators).</summary>
        public string Declaration => declaration ??= node is FieldDeclarationSyntax
            ? node.ToString()
            : ((FieldDeclarationSyntax)node.Parent!.Parent!).Modifiers + " " + ((VariableDeclarationSyntax)node.Parent).Type + " " + node;

        /// <summary>
        /// Whether the entry was made from this very text. An incremental re-parse (the IDE's) reuses an unchanged
        /// declaration's node as it is, which says so without reading the text.
        /// </summary>
        public bool IsSameText(Entry entry) =>
            entry.Path == Path && entry.Column == Column
            && (node.IsIncrementallyIdenticalTo(entry.Node) || entry.Declaration == Declaration);
    }

    /// <summary>Everything a stack's members are evaluated in, apart from the members themselves.</summary>
    internal sealed class Environment
    {
        private readonly MetadataReference[] references;
        private readonly ParseOptions? options;
        private readonly string[] skeletons;

        private Environment(MetadataReference[] references, ParseOptions? options, string[] skeletons)
        {
            this.references = references;
            this.options = options;
            this.skeletons = skeletons;
        }

        public static Environment Of(INamedTypeSymbol stack, Compilation compilation, System.Threading.CancellationToken cancellation)
        {
            var trees = stack.DeclaringSyntaxReferences.Select(r => r.SyntaxTree).Distinct().ToArray();
            var skeletons = trees.Select(tree => tree.FilePath + "\n" + Skeleton(stack, tree, cancellation)).ToArray();
            return new Environment(compilation.References.ToArray(), trees.FirstOrDefault()?.Options, skeletons);
        }

        public bool Matches(Environment other)
        {
            return Equals(options, other.options) && skeletons.SequenceEqual(other.skeletons, StringComparer.Ordinal)
                && StackCache.SameInstances(references, other.references);
        }

        /// <summary>
    /// A file's text without the stack's evaluated members (static readonly fields, with the comments around them),
    /// which are compared one by one. A directive (<c>#if</c>) among them changes which members exist, and so what
    /// a member that read a vanished one finds: that member is evaluated again.
    /// </summary>
        private static string Skeleton(INamedTypeSymbol stack, SyntaxTree tree, System.Threading.CancellationToken cancellation)
        {
            var text = tree.GetText(cancellation).ToString();
            var cut = new List<Microsoft.CodeAnalysis.Text.TextSpan>();
            foreach (var reference in stack.DeclaringSyntaxReferences)
            {
                if (reference.SyntaxTree != tree || reference.GetSyntax(cancellation) is not TypeDeclarationSyntax type)
                    continue;
                foreach (var field in type.Members.OfType<FieldDeclarationSyntax>())
                    if (field.Modifiers.Any(m => m.ValueText == "static") && field.Modifiers.Any(m => m.ValueText == "readonly"))
                        cut.Add(field.FullSpan); // with its comments and blank lines: a comment above a member is no input
            }
            if (cut.Count == 0)
                return text;
            var skeleton = new StringBuilder(text.Length);
            var at = 0;
            foreach (var span in cut.OrderBy(s => s.Start))
            {
                skeleton.Append(text, at, span.Start - at).Append('\u0001');
                at = span.End;
            }
            return skeleton.Append(text, at, text.Length - at).ToString();
        }
    }

    /// <summary>Whether every position in the value lies inside the member's own declaration (so it can follow it).</summary>
    public static bool PositionsInside(Value value, string path, Microsoft.CodeAnalysis.Text.TextSpan declaration) =>
        Values.DescendantsAndSelf(value).All(v => v is not ObjectValue { Span: { } span }
            || (span.FilePath == path && span.Start >= declaration.Start && span.Start + span.Length <= declaration.End));

    /// <summary>The value with every position moved by <paramref name="characters"/> and <paramref name="lines"/>.</summary>
    public static Value Move(Value value, int characters, int lines)
    {
        if (characters == 0 && lines == 0)
            return value;
        return value switch
        {
            ObjectValue obj => new ObjectValue(obj.Type,
                obj.Fields.Select(f => f with { Value = Move(f.Value, characters, lines) }).ToEquatableArray(),
                obj.Span is { } span ? span with { Start = span.Start + characters, StartLine = span.StartLine + lines, EndLine = span.EndLine + lines } : null),
            ListValue list => new ListValue(list.Items.Select(i => Move(i, characters, lines)).ToEquatableArray()),
            MapValue map => new MapValue(map.Entries.Select(e => e with { Value = Move(e.Value, characters, lines) }).ToEquatableArray()),
            TemplateValue template => new TemplateValue(template.Parts.Select(p => Move(p, characters, lines)).ToEquatableArray()),
            FunctionValue function => new FunctionValue(function.Name, function.Arguments.Select(a => Move(a, characters, lines)).ToEquatableArray()),
            BinaryValue binary => new BinaryValue(binary.Operator, Move(binary.Left, characters, lines), Move(binary.Right, characters, lines)),
            UnaryValue unary => new UnaryValue(unary.Operator, Move(unary.Operand, characters, lines)),
            ConditionalValue conditional => new ConditionalValue(Move(conditional.Condition, characters, lines), Move(conditional.WhenTrue, characters, lines), Move(conditional.WhenFalse, characters, lines)),
            DynamicValue dynamic => new DynamicValue(Move(dynamic.ForEach, characters, lines), dynamic.Iterator, (ObjectValue)Move(dynamic.Content, characters, lines)),
            _ => value,
        };
    }

    /// <summary>Values equal but for where their objects were declared.</summary>
    public static bool SameIgnoringPositions(Value a, Value b)
    {
        if (ReferenceEquals(a, b))
            return true;
        if (a.GetType() != b.GetType())
            return false;
        switch (a)
        {
            case ObjectValue x when b is ObjectValue y:
                if (!Equals(x.Type, y.Type) || x.Fields.Count != y.Fields.Count)
                    return false;
                for (var i = 0; i < x.Fields.Count; i++)
                    if (!Equals(x.Fields[i] with { Value = NullValue.Instance }, y.Fields[i] with { Value = NullValue.Instance })
                        || !SameIgnoringPositions(x.Fields[i].Value, y.Fields[i].Value))
                        return false;
                return true;
            case ListValue x when b is ListValue y:
                return Same(x.Items, y.Items);
            case MapValue x when b is MapValue y:
                if (x.Entries.Count != y.Entries.Count)
                    return false;
                for (var i = 0; i < x.Entries.Count; i++)
                    if (x.Entries[i].Key != y.Entries[i].Key || !SameIgnoringPositions(x.Entries[i].Value, y.Entries[i].Value))
                        return false;
                return true;
            case TemplateValue x when b is TemplateValue y:
                return Same(x.Parts, y.Parts);
            case FunctionValue x when b is FunctionValue y:
                return x.Name == y.Name && Same(x.Arguments, y.Arguments);
            case BinaryValue x when b is BinaryValue y:
                return x.Operator == y.Operator && SameIgnoringPositions(x.Left, y.Left) && SameIgnoringPositions(x.Right, y.Right);
            case UnaryValue x when b is UnaryValue y:
                return x.Operator == y.Operator && SameIgnoringPositions(x.Operand, y.Operand);
            case ConditionalValue x when b is ConditionalValue y:
                return SameIgnoringPositions(x.Condition, y.Condition) && SameIgnoringPositions(x.WhenTrue, y.WhenTrue) && SameIgnoringPositions(x.WhenFalse, y.WhenFalse);
            case DynamicValue x when b is DynamicValue y:
                return x.Iterator == y.Iterator && SameIgnoringPositions(x.ForEach, y.ForEach) && SameIgnoringPositions(x.Content, y.Content);
            default:
                return Equals(a, b);
        }
    }

    private static bool Same(EquatableArray<Value> a, EquatableArray<Value> b)
    {
        if (a.Count != b.Count)
            return false;
        for (var i = 0; i < a.Count; i++)
            if (!SameIgnoringPositions(a[i], b[i]))
                return false;
        return true;
    }
}
