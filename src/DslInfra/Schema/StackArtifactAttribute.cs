using System.ComponentModel;

namespace DslInfra;

/// <summary>Carries one generated artifact inside the built assembly, for the build task to write to disk. Written by the generator only.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[AttributeUsage(AttributeTargets.Assembly, AllowMultiple = true)]
public sealed class StackArtifactAttribute(string stack, string path, string content) : Attribute
{
    /// <summary>The stack the artifact belongs to.</summary>
    public string Stack { get; } = stack;

    /// <summary>The artifact's path inside the stack's folder, with forward slashes.</summary>
    public string Path { get; } = path;

    /// <summary>The artifact's text.</summary>
    public string Content { get; } = content;
}
