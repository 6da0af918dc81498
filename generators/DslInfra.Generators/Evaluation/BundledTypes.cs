using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace DslInfra.Generators.Evaluation;

/// <summary>
/// What each resource and data source type generated from a provider's schema accepts (its arguments and blocks by
/// Terraform name), from the records of the assemblies that carry <c>[assembly: ProviderSchema]</c>: what a
/// <c>CustomResource</c> of such a type, or a hand-written record of it, may write. Read once per compilation, and only
/// when a stack has such a resource.
/// </summary>
internal static class BundledTypes
{
    /// <summary>The Terraform names a type accepts: its arguments and its blocks.</summary>
    internal sealed record Shape(string RecordName, string Release, HashSet<string> Arguments, HashSet<string> Blocks);

    private static readonly ConditionalWeakTable<Compilation, Dictionary<string, Shape>> Cache = new();

    /// <summary>The shape of a type by its key: <c>aws_vpc</c>, or <c>data.aws_ami</c> for a data source.</summary>
    public static Dictionary<string, Shape> Of(Compilation compilation) => Cache.GetValue(compilation, Read);

    private static Dictionary<string, Shape> Read(Compilation compilation)
    {
        var shapes = new Dictionary<string, Shape>(StringComparer.Ordinal);
        var releases = ProviderSchemas.Of(compilation);
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols.Prepend(compilation.Assembly))
        {
            var release = assembly.GetAttributes().FirstOrDefault(a => a.AttributeClass?.Name == "ProviderSchemaAttribute")?.ConstructorArguments.FirstOrDefault().Value as string;
            if (release is null || !releases.TryGetValue(release, out var version))
                continue;
            foreach (var type in Types(assembly.GlobalNamespace))
            {
                if (type.GetAttributes().FirstOrDefault(a => a.AttributeClass?.Name == "TerraformTypeAttribute")?.ConstructorArguments.FirstOrDefault().Value is not string terraformType)
                    continue;
                var key = (IsDataSource(type) ? "data." : "") + terraformType;
                if (shapes.ContainsKey(key))
                    continue;
                var shape = new Shape(type.Name, release + " " + version.Version, new HashSet<string>(StringComparer.Ordinal), new HashSet<string>(StringComparer.Ordinal));
                foreach (var property in type.GetMembers().OfType<IPropertySymbol>())
                {
                    var attributes = property.GetAttributes();
                    if (attributes.FirstOrDefault(a => a.AttributeClass?.Name == "TerraformNameAttribute")?.ConstructorArguments.FirstOrDefault().Value is not string name)
                        continue;
                    (attributes.Any(a => a.AttributeClass?.Name == "NestedBlockAttribute") ? shape.Blocks : shape.Arguments).Add(name);
                }
                shapes[key] = shape;
            }
        }
        return shapes;
    }

    private static bool IsDataSource(INamedTypeSymbol type)
    {
        for (var current = type.BaseType; current is not null; current = current.BaseType)
            if (current.Name == "DataSource" && current.ContainingNamespace?.Name == "DslInfra")
                return true;
        return false;
    }

    private static IEnumerable<INamedTypeSymbol> Types(INamespaceSymbol space)
    {
        foreach (var type in space.GetTypeMembers())
            yield return type;
        foreach (var inner in space.GetNamespaceMembers())
            foreach (var type in Types(inner))
                yield return type;
    }
}
