using DslInfra.Cli.Review;

namespace DslInfra.Cli.Deploy;

/// <summary>The programs the bakery runs; each can be named on the command line (--packer, --docker, --aws).</summary>
internal sealed record BakeTools(string Packer, string Docker, string Aws);

/// <summary>
/// Bakes a stack's images before its plan, each only when its content-addressed name is not yet published: an AMI is
/// looked up by name (aws ec2 describe-images) and baked with Packer; a container image is looked up in its registry
/// (docker manifest inspect), then built and pushed. A changed image has a new name, so exactly the changed images
/// are baked, and the plan then rolls what uses them. Once per run: two stacks sharing an image bake it once.
/// </summary>
internal sealed class ImageBakery(BakeTools tools, DeploySteps steps)
{
    private readonly HashSet<string> done = new(StringComparer.Ordinal);

    /// <summary>Bakes what is missing; returns why a bake failed, or null when every image is published.</summary>
    public string? Bake(string stack, IEnumerable<ManifestImage> images)
    {
        foreach (var image in images)
        {
            if (!done.Add(image.Kind + " " + image.PublishedName))
                continue;
            var published = image.Kind == "container"
                ? Run(stack, $"check {image.PublishedName}", tools.Docker, image.Folder, "manifest", "inspect", image.PublishedName).Exit == 0
                : AmiExists(stack, image);
            if (published)
            {
                steps.Progress.WriteLine($"dslinfra deploy: [{stack}] image {image.PublishedName} is published: not baked again");
                continue;
            }
            if (Publish(stack, image) is { } failure)
                return failure;
        }
        return null;
    }

    private bool AmiExists(string stack, ManifestImage image)
    {
        var (exit, output) = Run(stack, $"check {image.PublishedName}", tools.Aws, image.Folder,
            "ec2", "describe-images", "--owners", "self", "--filters", $"Name=name,Values={image.PublishedName}", "--query", "length(Images)", "--output", "text");
        return exit == 0 && output.Trim() is { Length: > 0 } count && count != "0";
    }

    private string? Publish(string stack, ManifestImage image)
    {
        var template = Path.Combine(image.Folder, image.Template);
        if (image.Kind == "container")
        {
            var context = Path.GetDirectoryName(template)!;
            var build = Run(stack, $"docker build {image.PublishedName}", tools.Docker, context, "build", "-t", image.PublishedName, "-f", template, context);
            if (build.Exit != 0)
                return $"docker build of image {image.Name} failed:\n{build.Output.TrimEnd()}";
            var push = Run(stack, $"docker push {image.PublishedName}", tools.Docker, context, "push", image.PublishedName);
            return push.Exit == 0 ? null : $"docker push of image {image.Name} failed:\n{push.Output.TrimEnd()}";
        }
        var bake = Run(stack, $"packer build {image.PublishedName}", tools.Packer, image.Folder, "build", "-color=false", image.Template);
        return bake.Exit == 0 ? null : $"packer build of image {image.Name} failed:\n{bake.Output.TrimEnd()}";
    }

    private (int Exit, string Output) Run(string stack, string step, string program, string folder, params string[] arguments)
    {
        var (exit, stdout, stderr) = steps.Run(stack, step, program, folder, arguments);
        return (exit, stdout + stderr);
    }
}
