namespace DslInfra;

/// <summary>
/// The one contract between the parts that write and read a stack's artifacts: the generator writes them, the build
/// task puts them on disk, and the dslinfra CLI (synth, plan, diff, review) reads them. Compiled into each part from
/// this file, so that a name or a version cannot drift between a writer and its readers.
/// </summary>
internal static class ArtifactContract
{
    /// <summary>The Terraform configuration of a stack, in its folder.</summary>
    public const string TerraformFile = "main.tf.json";

    /// <summary>What the review tools read about a stack: its resources, images, order and reference edges.</summary>
    public const string ManifestFile = "manifest.json";

    /// <summary>
    /// The manifest's format. Version 2 adds each resource's <c>references</c> (the edges of the model: which argument
    /// reads which address), which readers of version 1 did not know.
    /// </summary>
    public const string ManifestFormatVersion = "2";

    /// <summary>
    /// Key of the <c>[assembly: AssemblyMetadata]</c> marker the generator stamps when it ran to the end. Its absence
    /// means the generator did not run (CS8784/CS8785), and the build task keeps the last good artifacts.
    /// </summary>
    public const string MarkerKey = "DslInfra.Synthesized";

    /// <summary>The version of the embedded-artifact format the marker announces; the build task refuses another.</summary>
    public const string MarkerVersion = "1";

    /// <summary>The MSBuild property that says where a project's stacks are written (one folder per stack).</summary>
    public const string OutputPathProperty = "DslInfraOutputPath";

    /// <summary>The MSBuild item the build task outputs: every artifact file now on disk.</summary>
    public const string ArtifactItem = "DslInfraArtifact";

    /// <summary>The JSON names of a manifest, as the generator writes them and the CLI reads them.</summary>
    internal static class Keys
    {
        public const string FormatVersion = "format_version";
        public const string Stack = "stack";
        public const string Environment = "environment";
        public const string Environments = "environments";
        public const string Class = "class";
        public const string Terraform = "terraform";
        public const string Resources = "resources";
        public const string Address = "address";
        public const string Mode = "mode";
        public const string Type = "type";
        public const string Name = "name";
        public const string Member = "member";
        public const string Source = "source";
        public const string File = "file";
        public const string Line = "line";
        public const string Update = "update";
        public const string DependsOn = "depends_on";
        public const string Images = "images";
        public const string References = "references";
        public const string Argument = "argument";
        public const string To = "to";
        public const string Attribute = "attribute";
        public const string Kind = "kind";
        public const string Hash = "hash";
        public const string PublishedName = "published_name";
        public const string Template = "template";
        public const string Files = "files";
        public const string Dependents = "dependents";
        public const string Variables = "variables";
        public const string Outputs = "outputs";
        public const string ReadsStacks = "reads_stacks";
    }

    /// <summary>The values of a resource's <c>update</c>.</summary>
    internal static class Updates
    {
        public const string InPlace = "in-place";
        public const string ReplaceOnly = "replace-only";
        public const string Read = "read";
    }
}
