namespace DslInfra.Generators.Model;

// How an image is baked, read once from its record (SpecReader): Packer's amazon-ebs for a machine image, a
// Dockerfile for a container. Every value is a literal: StackReader reports an image setting that is not (DI1007).

/// <summary>A machine image baked by Packer's amazon-ebs builder.</summary>
internal sealed record MachineImageBuild(
    string? InstanceType,
    string? Region,
    string? SshUsername,
    string? SourceAmi,
    SourceImageFilter? SourceAmiFilter,
    EquatableArray<ImageVolumeSpec> Volumes,
    EquatableArray<TextEntry>? Tags,
    EquatableArray<string> AmiRegions,
    EquatableArray<string> AmiUsers,
    EquatableArray<ProvisionerSpec> Provisioners);

/// <summary>How Packer finds the source image when no SourceAmi is named.</summary>
internal sealed record SourceImageFilter(string Name, string? Architecture, EquatableArray<string> Owners, bool? MostRecent);

/// <summary>A launch block device mapping; sizes and rates in their canonical number text.</summary>
internal sealed record ImageVolumeSpec(string? DeviceName, string? VolumeSize, string? VolumeType, bool? DeleteOnTermination, string? Throughput, string? Iops);

/// <summary>A Packer provisioner: a file upload (<see cref="IsFileUpload"/>) or a shell step.</summary>
internal sealed record ProvisionerSpec(
    bool IsFileUpload,
    string? Source,
    string? Destination,
    EquatableArray<string>? Inline,
    string? Script,
    EquatableArray<TextEntry>? Environment);

/// <summary>A container image written as a Dockerfile.</summary>
internal sealed record ContainerImageBuild(
    string? BaseImage,
    string? Repository,
    string PackageManager,
    EquatableArray<string> Packages,
    EquatableArray<FileCopySpec> Files,
    EquatableArray<TextEntry>? Environment,
    string? User,
    string? WorkDir,
    EquatableArray<string> Ports,
    EquatableArray<string> Entrypoint,
    EquatableArray<string> Command);

/// <summary>A file copied from the project into a container image.</summary>
internal sealed record FileCopySpec(string Source, string Destination);

/// <summary>A string-keyed string entry (tags, environment variables), in the map's ordinal key order.</summary>
internal sealed record TextEntry(string Key, string Value);
