using System;
using System.Collections.Concurrent;
using Microsoft.CodeAnalysis;

namespace DslInfra.Generators.Evaluation;

/// <summary>The DSL methods the generator evaluates itself, as the DSL marks them (<c>[Intrinsic("…")]</c>).</summary>
internal enum Intrinsic
{
    None,
    Repeat,
    Attr,
    Self,
    Output,
    Each,
    Instance,
    Splat,
    Dynamic,
    Iterator,
    For,
}

/// <summary>
/// The one table of intrinsics, shared by the operation walk and the syntax reader: a method is an intrinsic when the
/// DslInfra assembly marks it so, whatever its name, and a method of the user's that shares a name never is.
/// </summary>
internal static class Intrinsics
{
    private static readonly ConcurrentDictionary<IMethodSymbol, Intrinsic> Known = new(SymbolEqualityComparer.Default);

    public static Intrinsic Of(IMethodSymbol method)
    {
        var definition = method.ReducedFrom ?? method;
        definition = definition.OriginalDefinition;
        if (definition.ContainingAssembly?.Name != "DslInfra")
            return Intrinsic.None;
        return Known.GetOrAdd(definition, static m =>
        {
            foreach (var attribute in m.GetAttributes())
                if (attribute.AttributeClass is { Name: "IntrinsicAttribute", ContainingNamespace: { Name: "Schema", ContainingNamespace: { Name: "DslInfra", ContainingNamespace.IsGlobalNamespace: true } } }
                    && attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Value is string name)
                    return name switch
                    {
                        "repeat" => Intrinsic.Repeat,
                        "attr" => Intrinsic.Attr,
                        "self" => Intrinsic.Self,
                        "output" => Intrinsic.Output,
                        "each" => Intrinsic.Each,
                        "instance" => Intrinsic.Instance,
                        "splat" => Intrinsic.Splat,
                        "dynamic" => Intrinsic.Dynamic,
                        "iterator" => Intrinsic.Iterator,
                        "for" => Intrinsic.For,
                        _ => Intrinsic.None,
                    };
            return Intrinsic.None;
        });
    }
}
