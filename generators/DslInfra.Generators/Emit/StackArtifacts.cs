using System.Collections.Generic;
using System.Linq;
using System.Text;
using DslInfra.Generators.Model;
using Microsoft.CodeAnalysis.CSharp;

namespace DslInfra.Generators.Emit;

/// <summary>One generated file of a stack, relative to the stack's folder.</summary>
internal sealed record Artifact(string Path, string Content);

/// <summary>All files of one stack, and the C# that carries them to the build task; or why there are none.</summary>
internal sealed record StackArtifacts(string Stack, string ClassName, EquatableArray<Artifact> Files, SynthesisFailure? Failure = null, EquatableArray<string> ReadsStacks = default)
{
    public const string TerraformFile = ArtifactContract.TerraformFile;
    public const string ManifestFile = ArtifactContract.ManifestFile;

    public static StackArtifacts From(EvaluatedStack evaluated, string projectDirectory, EquatableArray<FileDigest> files, System.Threading.CancellationToken cancellation = default, string imageEpoch = "")
    {
        var stack = evaluated.Model;
        // A stack of several environments is written to <environment>/<stack>/, and reads the stacks of its environment.
        var key = Folder(stack.Environment, stack.Name);
        StackArtifacts Failed(string reason, SourceSpan? span) => new(key, stack.ClassName, default, new SynthesisFailure(reason, span));
        // A stack with errors writes nothing rather than something half-right, and says so even without the analyzer.
        if (evaluated.Failure is { } failure)
            return new StackArtifacts(key, stack.ClassName, default, failure);
        if (stack.HasErrors)
            return Failed("the stack has errors", null);
        // A Dockerfile is the same text hashed and written; a Packer template is hashed without its (hashed) name.
        var dockerfiles = stack.Images.Where(i => i.IsContainer).ToDictionary(i => i.Name, i => DockerfileEmitter.Write(i, stack.Name));
        var (names, hashes) = ImageHashes.Compute(stack, projectDirectory, files,
            image => image.IsContainer ? dockerfiles[image.Name] : JsonText.Write(PackerEmitter.Template(image, publishedName: null)), imageEpoch);
        if (names is null)
            return Failed(MissingUpload(stack, projectDirectory, files), stack.Images.FirstOrDefault()?.Span); // no hash, so no image name to write
        var artifacts = new List<Artifact>
        {
            new(TerraformFile, TerraformEmitter.Write(stack, names)),
            new(ManifestFile, ManifestEmitter.Write(stack, projectDirectory, names, hashes)),
        };
        foreach (var image in stack.Images)
        {
            // A container image's folder is its build context; an AMI's templates share images/.
            var folder = image.IsContainer ? $"images/{image.Name}/" : "images/";
            artifacts.Add(image.IsContainer
                ? new Artifact(folder + "Dockerfile", dockerfiles[image.Name])
                : new Artifact($"images/{image.Name}.pkr.json", JsonText.Write(PackerEmitter.Template(image, names[image.Name]))));
            // The files an image takes in travel beside its template, so the folder is all `packer build` or `docker build` needs.
            foreach (var file in image.Files)
                if (ImageHashes.File(files, file, projectDirectory) is { } upload && artifacts.All(a => a.Path != folder + file))
                    artifacts.Add(new Artifact(folder + file.Replace('\\', '/'), upload.Content.Replace("\r\n", "\n")));
        }
        foreach (var (template, output, problem) in UserTemplates.Plan(files))
        {
            var (text, problems) = problem is null ? UserTemplates.Render(template, stack, names, cancellation) : (null, new[] { problem });
            if (problems.Count > 0)
                return Failed($"DI1011: template '{System.IO.Path.GetFileName(template.Path)}': {problems[0].Message}", UserTemplates.Span(problems[0]));
            artifacts.Add(new Artifact(output!, text!));
        }
        return new StackArtifacts(key, stack.ClassName, artifacts.ToEquatableArray(), ReadsStacks: stack.ReadsStacks.Select(r => Folder(stack.Environment, r)).ToEquatableArray());
    }

    /// <summary>Where a stack's files go under the output folder: its name, or &lt;environment&gt;/&lt;name&gt;.</summary>
    public static string Folder(string? environment, string stack) => environment is null ? stack : environment + "/" + stack;

    private static string MissingUpload(StackModel stack, string projectDirectory, EquatableArray<FileDigest> files) =>
        ImageHashes.MissingUploads(stack, files, projectDirectory).Select(m => $"DI1010: image '{m.Image.Name}' uploads '{m.File}', which is not among the project's AdditionalFiles")
            .DefaultIfEmpty("DI1010: an uploaded file is not among the project's AdditionalFiles").First();

    public string HintName => $"DslInfra.Stack.{ClassName}.{Stack.Replace('/', '.')}.g.cs";

    /// <summary>
    /// A generator cannot write files, so the artifacts travel as assembly attributes;
    /// the DslInfra build task reads them from the built assembly's metadata and writes them out.
    /// </summary>
    public string ToSource()
    {
        var source = new StringBuilder();
        source.Append("// <auto-generated/>\n");
        source.Append("// The artifacts of DslInfra stack '").Append(Stack).Append("', written to disk after compile by the DslInfra build task.\n");
        foreach (var file in Files)
        {
            source.Append("[assembly: global::DslInfra.StackArtifactAttribute(")
                .Append(SymbolDisplay.FormatLiteral(Stack, quote: true)).Append(", ")
                .Append(SymbolDisplay.FormatLiteral(file.Path, quote: true)).Append(", ")
                .Append(SymbolDisplay.FormatLiteral(file.Content, quote: true)).Append(")]\n");
        }
        return source.ToString();
    }
}
