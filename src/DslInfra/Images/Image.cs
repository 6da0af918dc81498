using System.Collections.Immutable;
using DslInfra.Schema;

namespace DslInfra.Images;

/// <summary>An image baked before any machine exists. Its published name ends with a hash of how it is built, so any change is a new image.</summary>
public abstract record Image
{
    /// <summary>Declares the image; <paramref name="name"/> starts its published name and names its template file.</summary>
    protected Image(string name) => Name = name;

    /// <summary>The image's name: a Terraform identifier.</summary>
    public string Name { get; init; }
}

/// <summary>An AMI baked by Packer's amazon-ebs builder.</summary>
public sealed record AmazonEbsImage(string Name) : Image(Name)
{
    /// <summary>The AMI to start from, by id (pinned).</summary>
    public string? SourceAmi { get; init; }

    /// <summary>The AMI to start from, by a filter with owners.</summary>
    public SourceAmiFilter? SourceAmiFilter { get; init; }

    /// <summary>The instance type of the temporary build machine.</summary>
    [Required] public string? InstanceType { get; init; }

    /// <summary>The region the image is built in.</summary>
    public string? Region { get; init; }

    /// <summary>The user Packer connects as to bake (build-time SSH into its own temporary machine: that is baking, not mutation).</summary>
    [Required] public string? SshUsername { get; init; }

    /// <summary>Volumes of the image.</summary>
    public ImmutableArray<ImageVolume> Volumes { get; init; }

    /// <summary>Tags of the image.</summary>
    public Map<string>? Tags { get; init; }

    /// <summary>Regions the image is copied to.</summary>
    public ImmutableArray<string> AmiRegions { get; init; }

    /// <summary>Accounts the image is shared with.</summary>
    public ImmutableArray<string> AmiUsers { get; init; }

    /// <summary>What is baked in, in order.</summary>
    public ImmutableArray<Provisioner> Provisioners { get; init; }

    /// <summary>The id of the baked image, found by its exact content-addressed name (a data "aws_ami" with owners self).</summary>
    [TerraformName("id")] public Reference<string> AmiId => new("data.aws_ami." + Name + "_image.id");
}

/// <summary>Which AMI a bake starts from.</summary>
public sealed record SourceAmiFilter
{
    /// <summary>The AMI name pattern, e.g. ubuntu/images/*ubuntu-noble-24.04-amd64-server-*.</summary>
    [Required] public string? Name { get; init; }

    /// <summary>Accounts whose AMIs may match.</summary>
    [Required] public ImmutableArray<string> Owners { get; init; }

    /// <summary>Take the newest match (pin the build by its source instead where you can).</summary>
    public bool? MostRecent { get; init; }

    /// <summary>x86_64 or arm64.</summary>
    public string? Architecture { get; init; }
}

/// <summary>A volume of a baked image.</summary>
public sealed record ImageVolume
{
    /// <summary>The device, e.g. /dev/sda1.</summary>
    [Required] public string? DeviceName { get; init; }

    /// <summary>Size in GiB.</summary>
    public int? VolumeSize { get; init; }

    /// <summary>gp3, gp2…</summary>
    public string? VolumeType { get; init; }

    /// <summary>Delete with the instance.</summary>
    public bool? DeleteOnTermination { get; init; }

    /// <summary>gp3 throughput in MiB/s (125 when unset on gp3).</summary>
    public int? Throughput { get; init; }

    /// <summary>gp3/io2 IOPS (3000 when unset on gp3).</summary>
    public int? Iops { get; init; }
}

/// <summary>A step of a bake.</summary>
public abstract record Provisioner;

/// <summary>Runs shell commands on the build machine while baking.</summary>
public sealed record Shell : Provisioner
{
    /// <summary>Commands run in order.</summary>
    public ImmutableArray<string> Inline { get; init; }

    /// <summary>A script file of this project (an AdditionalFile), uploaded and run.</summary>
    public string? Script { get; init; }

    /// <summary>Environment variables for the commands.</summary>
    public Map<string>? Environment { get; init; }
}

/// <summary>Uploads a file of this project (an AdditionalFile) to the build machine while baking.</summary>
public sealed record FileUpload : Provisioner
{
    /// <summary>The file, relative to the project.</summary>
    [Required] public string? Source { get; init; }

    /// <summary>Where it goes on the image.</summary>
    [Required] public string? Destination { get; init; }
}

/// <summary>A container image, built from a generated Dockerfile and published under a content-addressed tag.</summary>
public sealed record ContainerImage(string Name) : Image(Name)
{
    /// <summary>The image it starts from: by digest (name@sha256:…) to pin it; a tag is only as fixed as its publisher keeps it.</summary>
    [Required] public string? BaseImage { get; init; }

    /// <summary>Where the image is pushed, e.g. 123456789012.dkr.ecr.eu-west-1.amazonaws.com/web.</summary>
    [Required] public string? Repository { get; init; }

    /// <summary>How <see cref="Packages"/> are installed.</summary>
    public PackageManager PackageManager { get; init; }

    /// <summary>Packages installed while building.</summary>
    public ImmutableArray<string> Packages { get; init; }

    /// <summary>Project files (AdditionalFiles) copied into the image.</summary>
    public ImmutableArray<ContainerFile> Files { get; init; }

    /// <summary>Environment variables.</summary>
    public Map<string>? Environment { get; init; }

    /// <summary>The user the container runs as.</summary>
    public string? User { get; init; }

    /// <summary>The working directory.</summary>
    public string? WorkDir { get; init; }

    /// <summary>Ports the container listens on.</summary>
    public ImmutableArray<int> Ports { get; init; }

    /// <summary>The entrypoint, exec form.</summary>
    public ImmutableArray<string> Entrypoint { get; init; }

    /// <summary>The command, exec form.</summary>
    public ImmutableArray<string> Command { get; init; }

    /// <summary>The published image: repository and content-addressed tag, e.g. …/web:web-3f9c2a1b0c4d.</summary>
    public Reference<string> Uri => new(Name + ".uri");
}

/// <summary>A project file copied into a container image.</summary>
public sealed record ContainerFile
{
    /// <summary>The file, relative to the project (an AdditionalFile).</summary>
    [Required] public string? Source { get; init; }

    /// <summary>Where it goes in the image.</summary>
    [Required] public string? Destination { get; init; }
}

/// <summary>The package manager of a container image's base.</summary>
public enum PackageManager
{
    /// <summary>Debian and Ubuntu.</summary>
    Apt,

    /// <summary>Alpine.</summary>
    Apk,

    /// <summary>Fedora, RHEL, Amazon Linux.</summary>
    Dnf,
}
