using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace DslInfra.Build;

/// <summary>One artifact found in a built assembly.</summary>
public sealed record StackArtifact(string Stack, string Path, string Content);

/// <summary>Reads the [assembly: StackArtifact(...)] attributes from a built assembly's metadata, without loading it: no user code runs.</summary>
public static class ArtifactReader
{
    private const string AttributeNamespace = "DslInfra";
    private const string AttributeName = "StackArtifactAttribute";

    public static IReadOnlyList<StackArtifact> Read(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        if (!pe.HasMetadata)
            return Array.Empty<StackArtifact>();
        var metadata = pe.GetMetadataReader();
        var artifacts = new List<StackArtifact>();
        foreach (var handle in metadata.GetAssemblyDefinition().GetCustomAttributes())
        {
            var attribute = metadata.GetCustomAttribute(handle);
            if (!IsArtifactAttribute(metadata, attribute))
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
        return artifacts;
    }

    private static bool IsArtifactAttribute(MetadataReader metadata, CustomAttribute attribute)
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
            HandleKind.TypeReference => Is(metadata, metadata.GetTypeReference((TypeReferenceHandle)type).Namespace, metadata.GetTypeReference((TypeReferenceHandle)type).Name),
            HandleKind.TypeDefinition => Is(metadata, metadata.GetTypeDefinition((TypeDefinitionHandle)type).Namespace, metadata.GetTypeDefinition((TypeDefinitionHandle)type).Name),
            _ => false,
        };
    }

    private static bool Is(MetadataReader metadata, StringHandle ns, StringHandle name) =>
        metadata.StringComparer.Equals(ns, AttributeNamespace) && metadata.StringComparer.Equals(name, AttributeName);
}
