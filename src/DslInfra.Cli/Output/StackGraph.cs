using DslInfra.Cli.Diff;

namespace DslInfra.Cli.Output;

/// <summary>
/// `dslinfra graph`: a stack's blocks and the references between them, each stack a cluster. Arrows point from what is
/// read to what reads it (the order Terraform creates them), labelled with the argument; dashed for depends_on and
/// for another stack's outputs read through terraform_remote_state.
/// </summary>
internal static class StackGraph
{
    public static NodeShape ShapeOf(string address)
    {
        if (address.StartsWith("data.", StringComparison.Ordinal) || address.StartsWith("ephemeral.", StringComparison.Ordinal))
            return NodeShape.DataSource;
        if (address.StartsWith("module.", StringComparison.Ordinal))
            return NodeShape.Module;
        if (address.StartsWith("local.", StringComparison.Ordinal))
            return NodeShape.Value;
        return StackConfiguration.TypeOf(address) is { } type && Catalog.TypeCatalog.Stateful.Contains(type) ? NodeShape.Stateful : NodeShape.Box;
    }

    public static Diagram Of(ArtifactSet artifacts, string? onlyStack)
    {
        var stacks = artifacts.Stacks.Keys.Order(StringComparer.Ordinal).ToList();
        if (onlyStack is not null && !stacks.Contains(onlyStack))
            throw new Review.InputException($"{artifacts.Label}: no stack named '{Printable.Of(onlyStack)}' (stacks: {string.Join(", ", stacks.Select(Printable.Of))}).");
        var diagram = new Diagram();
        foreach (var stack in stacks.Where(s => onlyStack is null || s == onlyStack))
        {
            var configuration = StackConfiguration.Read(artifacts.Stacks[stack].Terraform, $"{artifacts.Label}/{stack}");
            foreach (var address in configuration.Blocks.Keys.Where(Drawn).Order(StringComparer.Ordinal))
                diagram.Node(Key(stack, address), address, ShapeOf(address), stack);
            foreach (var reference in configuration.References.Where(r => Drawn(r.From)).DistinctBy(r => (r.From, r.To, r.Argument)))
                diagram.Edge(diagram.Node(Key(stack, reference.To), reference.To, ShapeOf(reference.To), stack),
                    diagram.Node(Key(stack, reference.From), reference.From, ShapeOf(reference.From), stack),
                    reference.Argument, dashed: reference.Kind == ReferenceKind.DependsOn);
            // DslInfra names a stack's terraform_remote_state after the stack it reads.
            foreach (var address in configuration.Blocks.Keys.Where(a => a.StartsWith("data.terraform_remote_state.", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            {
                var producer = address["data.terraform_remote_state.".Length..];
                if (producer == stack || !artifacts.Stacks.ContainsKey(producer) || (onlyStack is not null && producer != onlyStack && stack != onlyStack))
                    continue;
                var outputs = diagram.Node(Key(producer, "outputs"), $"outputs of {producer}", NodeShape.Value, producer);
                diagram.Edge(outputs, diagram.Node(Key(stack, address), address, NodeShape.DataSource, stack), "outputs", dashed: true);
            }
        }
        return diagram;
    }

    private static bool Drawn(string address) => !StackConfiguration.IsStateBlock(address) && !address.StartsWith("check.", StringComparison.Ordinal);

    private static string Key(string stack, string address) => stack + "\n" + address;
}
