using DslInfra;
using DslInfra.Google;
using MultiCloud.Gcp;

namespace MultiCloud;

/// <summary>A Google instance template from a pinned image: a change is a new template, never an edit.</summary>
[Stack("templates")]
public static class TemplateStack
{
    public static readonly GoogleProvider Google = new() { Project = "acme-prod", Region = "europe-west1" };

    public static readonly DataGoogleComputeImage Debian = new("debian") { NameArgument = "debian-12-bookworm-v20241112", Project = "debian-cloud" };

    public static readonly GoogleComputeInstanceTemplate Web = new("web")
    {
        NamePrefix = "web-",
        MachineType = "e2-small",
        Disk = [new() { SourceImage = Debian.SelfLink, AutoDelete = true, Boot = true }],
        NetworkInterface = [new() { Network = "default" }],
        Labels = new() { ["role"] = Fn.Lower("WEB") },
        Lifecycle = new() { CreateBeforeDestroy = true },
    };

    public static readonly Output TemplateId = new("template_id") { Value = Web.Id };
}
