using DslInfra.Catalog;

namespace DslInfra.Cli.Diff;

/// <summary>What a change does to a block that reads from a changed block.</summary>
internal enum Effect
{
    Replaced,
    RollsInstances,
    NewVersion,
    UpdatedInPlace,
    ReRead,

    /// <summary>A local's value or a module's inputs change; what that does is decided further on (or by the module's own plan).</summary>
    ValueChanges,
}

/// <summary>One block reached by a change: how, through which block (<paramref name="Via"/>) and which of its arguments.</summary>
internal sealed record Consequence(string Address, Effect Effect, string Via, IReadOnlyList<string> Arguments, int Depth, string? Note);

/// <summary>A root cause (an image rebuilt, or a block whose own arguments changed) and what it sets off in its stack.</summary>
internal sealed record BlastCause(string Stack, string Cause, string Description, IReadOnlyList<Consequence> Consequences);

/// <summary>
/// Follows each change through the generated Terraform's references: per root cause, what is replaced, rolls its
/// instances, gets a new version, is updated in place or re-read. An in-place change reaches only blocks that read an
/// attribute it changed (a launch template read by <c>.id</c> does not roll a group; by <c>.latest_version</c> it does).
/// It reads the configuration, not the state: Terraform's plan remains authoritative, and `review` reads that.
/// </summary>
internal static class BlastRadius
{
    /// <summary>Every attribute may change (a replacement, a re-read, a module's outputs).</summary>
    private static readonly HashSet<string> All = new(["*"], StringComparer.Ordinal);

    public static List<BlastCause> Of(string stack, StackConfiguration after, IReadOnlyList<ResourceDiff> changes, IReadOnlyList<ImageDiff> images)
    {
        var graph = new Graph(after);
        var causes = new List<(string Cause, string Description, List<Consequence> Effects)>();
        foreach (var image in images.Where(i => i.After is not null))
        {
            var firstHop = after.Blocks.Where(b => b.Value.GetRawText().Contains(image.After!, StringComparison.Ordinal)).Select(b => b.Key).Order(StringComparer.Ordinal).ToList();
            var seeds = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
            var effects = new List<Consequence>();
            foreach (var address in firstHop)
            {
                var arguments = after.Blocks[address].EnumerateObject().Where(a => a.Value.GetRawText().Contains(image.After!, StringComparison.Ordinal)).Select(a => a.Name).ToList();
                var (effect, changed, note) = Classify(address, after, arguments, triggered: false);
                effects.Add(new Consequence(address, effect, $"image {image.Image}", arguments, 1, note));
                seeds[address] = changed;
            }
            effects.AddRange(Follow(seeds, graph, depth: 1));
            causes.Add(($"image {image.Image}", $"image {image.Image} rebuilt ({image.Before ?? "new"} -> {image.After})", effects));
        }
        foreach (var change in changes.Where(c => c.Kind is not (ResourceDiffKind.Added or ResourceDiffKind.Removed) && after.Blocks.ContainsKey(c.Address)))
        {
            var changed = change.Kind == ResourceDiffKind.ChangedInPlace && StackConfiguration.TypeOf(change.Address) is { } type && !change.Address.StartsWith("data.", StringComparison.Ordinal)
                ? Changed(type, change.ChangedArguments)
                : All;
            var effects = Follow(new() { [change.Address] = changed }, graph, depth: 0);
            causes.Add((change.Address, Describe(change), effects));
        }
        // A change that another cause explains (every argument it changed is one the cause reached) is not a root.
        var explained = new HashSet<string>(StringComparer.Ordinal);
        var byAddress = changes.DistinctBy(c => c.Address).ToDictionary(c => c.Address, StringComparer.Ordinal);
        foreach (var (_, _, effects) in causes)
            foreach (var effect in effects)
                if (byAddress.GetValueOrDefault(effect.Address) is { } own && (effect.Via.StartsWith("image ", StringComparison.Ordinal) || own.ChangedArguments.All(effect.Arguments.Contains)))
                    explained.Add(effect.Address);
        return causes.Where(c => c.Effects.Count > 0 && !explained.Contains(c.Cause))
            .Select(c => new BlastCause(stack, c.Cause, c.Description, c.Effects)).ToList();
    }

    private static string Describe(ResourceDiff change) => change.Kind switch
    {
        ResourceDiffKind.Replaced => $"{change.Address} replaced ({string.Join(", ", change.ChangedArguments)} changed)",
        ResourceDiffKind.ReRead => $"{change.Address} re-read ({string.Join(", ", change.ChangedArguments)} changed)",
        _ => $"{change.Address} changed in place ({string.Join(", ", change.ChangedArguments)})",
    };

    /// <summary>
    /// The blocks that read, directly or through others, from the seeds, in dependency order so that a block that
    /// reads two changed blocks is judged on everything that reaches it.
    /// </summary>
    private static List<Consequence> Follow(Dictionary<string, HashSet<string>> seeds, Graph graph, int depth)
    {
        var reached = new List<string>();
        var seen = new HashSet<string>(seeds.Keys, StringComparer.Ordinal);
        var queue = new Queue<string>(seeds.Keys);
        while (queue.Count > 0)
            foreach (var reference in graph.Readers(queue.Dequeue()))
                if (seen.Add(reference.From))
                {
                    reached.Add(reference.From);
                    queue.Enqueue(reference.From);
                }
        var changed = new Dictionary<string, HashSet<string>>(seeds, StringComparer.Ordinal);
        var depths = seeds.Keys.ToDictionary(k => k, _ => depth, StringComparer.Ordinal);
        var consequences = new List<Consequence>();
        foreach (var address in DependencyOrder(reached, graph))
        {
            var reading = graph.Reads(address).Where(r => changed.ContainsKey(r.To) && Reaches(r, changed[r.To], address)).ToList();
            if (reading.Count == 0)
                continue;
            var arguments = reading.Where(r => r.Kind != ReferenceKind.DependsOn).Select(r => r.Argument).Distinct(StringComparer.Ordinal).ToList();
            var triggered = reading.Any(r => r.Kind == ReferenceKind.ReplaceTriggeredBy);
            var (effect, attributes, note) = Classify(address, graph.Configuration, arguments, triggered);
            var via = reading[0].To;
            changed[address] = attributes;
            depths[address] = depths[via] + 1;
            consequences.Add(new Consequence(address, effect, via, arguments, depths[address], note));
        }
        return consequences;
    }

    /// <summary>Whether a change to the attributes <paramref name="changed"/> of a block reaches its reader through <paramref name="reference"/>.</summary>
    private static bool Reaches(Reference reference, HashSet<string> changed, string reader) => reference.Kind switch
    {
        // depends_on carries no value; only a data source waits for the apply and reads again.
        ReferenceKind.DependsOn => reader.StartsWith("data.", StringComparison.Ordinal),
        _ => changed == All || reference.Attribute is null || changed.Contains(reference.Attribute),
    };

    /// <summary>What a change to <paramref name="arguments"/> does to a block, and which of its attributes then change.</summary>
    private static (Effect, HashSet<string>, string?) Classify(string address, StackConfiguration after, IReadOnlyList<string> arguments, bool triggered)
    {
        if (address.StartsWith("data.", StringComparison.Ordinal) || address.StartsWith("ephemeral.", StringComparison.Ordinal))
            return (Effect.ReRead, All, null);
        if (address.StartsWith("local.", StringComparison.Ordinal))
            return (Effect.ValueChanges, All, null);
        if (address.StartsWith("module.", StringComparison.Ordinal))
            return (Effect.ValueChanges, All, "its inputs change; the module's own plan says what that does");
        var type = StackConfiguration.TypeOf(address)!;
        if (triggered)
            return (Effect.Replaced, All, "replace_triggered_by");
        if (TypeCatalog.ReplaceOnly.Contains(type))
            return (Effect.Replaced, All, "replace-only");
        var forcing = arguments.Where(a => TypeCatalog.ForcesReplacementOf(type, a)).ToList();
        if (forcing.Count > 0)
            return (Effect.Replaced, All, $"{string.Join(", ", forcing)} forces replacement");
        if (TypeCatalog.Rolls.TryGetValue(type, out var roll) && arguments.Any(roll.Triggers.Contains))
        {
            if (Rolls(roll, after.Blocks[address]))
                return (Effect.RollsInstances, Changed(type, arguments), roll.Setting ?? "rolling update");
            return (Effect.UpdatedInPlace, Changed(type, arguments),
                $"no {roll.Setting}{(roll.ManualValue is null ? "" : $" other than {roll.ManualValue}")}: running instances keep the old configuration until they are replaced");
        }
        if (TypeCatalog.Versioned.ContainsKey(type))
            return (Effect.NewVersion, Changed(type, arguments), null);
        return (Effect.UpdatedInPlace, Changed(type, arguments), null);
    }

    private static bool Rolls(Roll roll, System.Text.Json.JsonElement body)
    {
        if (roll.Setting is null)
            return true;
        if (body.ValueKind != System.Text.Json.JsonValueKind.Object || !body.TryGetProperty(roll.Setting, out var setting))
            return false;
        return roll.ManualValue is null || setting.ValueKind != System.Text.Json.JsonValueKind.String || setting.GetString() != roll.ManualValue;
    }

    /// <summary>The attributes an in-place change alters: the arguments set, and a versioned type's version attributes.</summary>
    private static HashSet<string> Changed(string type, IEnumerable<string> arguments)
    {
        var changed = new HashSet<string>(arguments, StringComparer.Ordinal);
        if (TypeCatalog.Versioned.TryGetValue(type, out var versions))
            changed.UnionWith(versions);
        return changed;
    }

    /// <summary>The reached blocks, each after every reached block it reads (Terraform's graph has no cycles; any left over keep their order).</summary>
    private static List<string> DependencyOrder(List<string> reached, Graph graph)
    {
        var set = new HashSet<string>(reached, StringComparer.Ordinal);
        var waitingOn = reached.ToDictionary(a => a, _ => 0, StringComparer.Ordinal);
        var readers = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        foreach (var edge in reached.SelectMany(graph.Reads).Where(r => set.Contains(r.To)).DistinctBy(r => (r.From, r.To)))
        {
            waitingOn[edge.From]++;
            (readers.TryGetValue(edge.To, out var list) ? list : readers[edge.To] = []).Add(edge.From);
        }
        var order = new List<string>();
        var ready = new Queue<string>(reached.Where(a => waitingOn[a] == 0));
        while (ready.Count > 0)
        {
            var next = ready.Dequeue();
            order.Add(next);
            foreach (var reader in readers.GetValueOrDefault(next) ?? [])
                if (--waitingOn[reader] == 0)
                    ready.Enqueue(reader);
        }
        var ordered = new HashSet<string>(order, StringComparer.Ordinal);
        order.AddRange(reached.Where(a => !ordered.Contains(a)));
        return order;
    }

    /// <summary>A stack's references indexed both ways.</summary>
    private sealed class Graph(StackConfiguration configuration)
    {
        private readonly ILookup<string, Reference> readers = configuration.References.ToLookup(r => r.To, StringComparer.Ordinal);
        private readonly ILookup<string, Reference> reads = configuration.References.ToLookup(r => r.From, StringComparer.Ordinal);

        public StackConfiguration Configuration => configuration;

        /// <summary>The references to a block.</summary>
        public IEnumerable<Reference> Readers(string address) => readers[address];

        /// <summary>A block's references to others.</summary>
        public IEnumerable<Reference> Reads(string address) => reads[address];
    }
}
