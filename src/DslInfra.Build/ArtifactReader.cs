using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace DslInfra.Build;

/// <summary>One artifact found in a built assembly.</summary>
public sealed record StackArtifact(string Stack, string Path, string Content);

/// <summary>
/// What the build task learns from a built assembly: its artifacts, the marker the generator stamps when it ran to
/// the end (its contract version, or null), and whether the assembly uses the DslInfra library at all.
/// </summary>
public sealed record BuiltAssembly(IReadOnlyList<StackArtifact> Artifacts, string? SynthesisMarker, bool UsesDslInfra);

/// <summary>Reads the [assembly: StackArtifact(...)] attributes from a built assembly's metadata, without loading it: no user code runs.</summary>
public static class ArtifactReader
{
    private const string AttributeNamespace = "DslInfra";
    private const string AttributeName = "StackArtifactAttribute";

    /// <summary>The key of the generator's marker (the shared <see cref="ArtifactContract"/>).</summary>
    public const string MarkerKey = ArtifactContract.MarkerKey;

    public static IReadOnlyList<StackArtifact> Read(string assemblyPath) => ReadAssembly(assemblyPath).Artifacts;

    public static BuiltAssembly ReadAssembly(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        if (!pe.HasMetadata)
            return new BuiltAssembly(Array.Empty<StackArtifact>(), null, false);
        var metadata = pe.GetMetadataReader();
        var artifacts = new List<StackArtifact>();
        string? marker = null;
        foreach (var handle in metadata.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = metadata.GetCustomAttribute(handle);
            if (IsAttribute(metadata, attribute, "System.Reflection", "AssemblyMetadataAttribute"))
            {
                var pair = metadata.GetBlobReader(attribute.Value);
                if (pair.ReadUInt16() == 1 && pair.ReadSerializedString() == MarkerKey)
                    marker = pair.ReadSerializedString();
                continue;
            }
            if (!IsAttribute(metadata, attribute, AttributeNamespace, AttributeName))
                continue;
            var blob = metadata.GetBlobReader(attribute.Value);
            if (blob.ReadUInt16() != 1)
                throw new BadImageFormatException("A StackArtifact attribute has an unknown blob prolog.");
            var stack = blob.ReadSerializedString();
            var path = blob.ReadSerializedString();
            var content = blob.ReadSerializedString();
            if (stack is null || path is null || content is null)
                throw new BadImageFormatException("A StackArtifact attribute has a null argument.");
            artifacts.Add(new StackArtifact(stack, path, content));
        }
        var usesDslInfra = metadata.AssemblyReferences.Any(r => metadata.StringComparer.Equals(metadata.GetAssemblyReference(r).Name, "DslInfra"));
        return new BuiltAssembly(artifacts, marker, usesDslInfra);
    }

    private static bool IsAttribute(MetadataReader metadata, CustomAttribute attribute, string ns, string name)
    {
        EntityHandle type;
        if (attribute.Constructor.Kind == HandleKind.MemberReference)
            type = metadata.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent;
        else if (attribute.Constructor.Kind == HandleKind.MethodDefinition)
            type = metadata.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType();
        else
            return false;

        return type.Kind switch
        {
            HandleKind.TypeReference => Is(metadata, metadata.GetTypeReference((TypeReferenceHandle)type).Namespace, metadata.GetTypeReference((TypeReferenceHandle)type).Name, ns, name),
            HandleKind.TypeDefinition => Is(metadata, metadata.GetTypeDefinition((TypeDefinitionHandle)type).Namespace, metadata.GetTypeDefinition((TypeDefinitionHandle)type).Name, ns, name),
            _ => false,
        };
    }

    private static bool Is(MetadataReader metadata, StringHandle actualNamespace, StringHandle actualName, string ns, string name) =>
        metadata.StringComparer.Equals(actualNamespace, ns) && metadata.StringComparer.Equals(actualName, name);
}
