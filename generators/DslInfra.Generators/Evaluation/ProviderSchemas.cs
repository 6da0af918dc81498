using System;
using System.Collections.Generic;
using System.Linq;
using System.Runtime.CompilerServices;
using Microsoft.CodeAnalysis;

namespace DslInfra.Generators.Evaluation;

/// <summary>The provider release each provider's records were generated from, from the <c>[assembly: ProviderSchema]</c> of
/// the project's own bindings and of the provider packages it references; read once per compilation.</summary>
internal static class ProviderSchemas
{
    private static readonly ConditionalWeakTable<Compilation, IReadOnlyDictionary<string, (string Source, string Version)>> Cache = new();

    public static IReadOnlyDictionary<string, (string Source, string Version)> Of(Compilation compilation) =>
        Cache.GetValue(compilation, Read);

    /// <summary>Terraform's default registry, which a source may name or leave out.</summary>
    public static string Normalize(string source) =>
        source.StartsWith("registry.terraform.io/", StringComparison.OrdinalIgnoreCase) ? source.Substring("registry.terraform.io/".Length).ToLowerInvariant() : source.ToLowerInvariant();

    private static IReadOnlyDictionary<string, (string Source, string Version)> Read(Compilation compilation)
    {
        var found = new Dictionary<string, (string, string)>(StringComparer.Ordinal);
        // The project's own bindings first: they are what its stacks were written against.
        Add(compilation.Assembly, found);
        foreach (var assembly in compilation.SourceModule.ReferencedAssemblySymbols)
            if (assembly.Modules.Any(m => m.ReferencedAssemblies.Any(r => r.Name == "DslInfra")))
                Add(assembly, found);
        return found;
    }

    private static void Add(IAssemblySymbol assembly, Dictionary<string, (string, string)> found)
    {
        foreach (var attribute in assembly.GetAttributes())
        {
            if (attribute.AttributeClass is not { Name: "ProviderSchemaAttribute", ContainingNamespace: { Name: "Schema", ContainingNamespace: { Name: "DslInfra", ContainingNamespace.IsGlobalNamespace: true } } }
                || attribute.ConstructorArguments.Length != 3
                || attribute.ConstructorArguments[0].Value is not string name
                || attribute.ConstructorArguments[1].Value is not string source
                || attribute.ConstructorArguments[2].Value is not string version
                || Model.ReleaseVersion.Parse(version) is null)
                continue;
            if (!found.ContainsKey(name))
                found[name] = (source, version);
        }
    }
}
