using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using DslInfra.Generators.Model;

namespace DslInfra.Generators.Emit;

/// <summary>A project file's content digest, from the AdditionalFiles the generator sees.</summary>
internal sealed record FileDigest(string Path, string Sha256, string Content);

/// <summary>
/// Content addressing: an image's published name ends with a hash of its canonical template and of every file it
/// uploads, so a change to how it is built is a new name, and whatever uses the image is replaced rather than patched.
/// </summary>
internal static class ImageHashes
{
    public const int Length = 12;

    /// <summary>
    /// Published names by image (and "name.uri" for containers), or null when an uploaded file is not among the
    /// AdditionalFiles; <paramref name="canonical"/> gives each image's template text as it is written.
    /// </summary>
    public static (Dictionary<string, string>? Names, Dictionary<string, string> Hashes) Compute(
        StackModel stack, string projectDirectory, EquatableArray<FileDigest> files, Func<ImageSpec, string> canonical, string imageEpoch = "")
    {
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        var hashes = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var image in stack.Images)
        {
            var content = new StringBuilder(canonical(image));
            foreach (var file in image.Files)
            {
                var digest = Find(files, file, projectDirectory);
                if (digest is null)
                    return (null, hashes);
                content.Append(file).Append(':').Append(digest).Append('\n');
            }
            // A regeneration epoch (DslInfraImageEpoch, e.g. the ISO week of a scheduled rebuild) gives every image a new
            // name, so it is baked again from its freshly patched base and every instance using it is replaced.
            if (imageEpoch.Length > 0)
                content.Append("epoch:").Append(imageEpoch).Append('\n');
            var hash = Hex(Sha256(content.ToString())).Substring(0, Length);
            hashes[image.Name] = hash;
            names[image.Name] = image.Name + "-" + hash;
            if (image.Container is { } container)
                names[image.Name + ".uri"] = container.Repository + ":" + names[image.Name];
        }
        return (names, hashes);
    }

    /// <summary>A text's digest with line ends normalized, so a checkout with CRLF bakes the same image as one with LF.</summary>
    public static string Digest(string text) => Hex(Sha256(text.Replace("\r\n", "\n")));

    /// <summary>Whether <paramref name="relative"/> (a path relative to the project) is one of <paramref name="files"/>.</summary>
    public static bool IsAmong(EquatableArray<FileDigest> files, string relative, string projectDirectory) => Find(files, relative, projectDirectory) is not null;

    /// <summary>Each (image, file) an image uploads that is not among the project's AdditionalFiles (DI1010).</summary>
    public static IEnumerable<(ImageSpec Image, string File)> MissingUploads(StackModel stack, EquatableArray<FileDigest> files, string projectDirectory) =>
        stack.Images.SelectMany(image => image.Files.Where(file => !IsAmong(files, file, projectDirectory)).Select(file => (image, file)));

    private static string? Find(EquatableArray<FileDigest> files, string relative, string projectDirectory) =>
        File(files, relative, projectDirectory)?.Sha256;

    /// <summary>The AdditionalFile at <paramref name="relative"/> (relative to the project), or null.</summary>
    public static FileDigest? File(EquatableArray<FileDigest> files, string relative, string projectDirectory)
    {
        var wanted = relative.Replace('\\', '/');
        foreach (var file in files)
        {
            var path = ManifestEmitter.RelativePath(file.Path, projectDirectory);
            if (string.Equals(path, wanted, StringComparison.Ordinal) || file.Path.Replace('\\', '/').EndsWith("/" + wanted, StringComparison.Ordinal))
                return file;
        }
        return null;
    }

    private static byte[] Sha256(string text)
    {
        using var sha = SHA256.Create();
        return sha.ComputeHash(Encoding.UTF8.GetBytes(text));
    }

    private static string Hex(byte[] bytes) => string.Concat(bytes.Select(b => b.ToString("x2", System.Globalization.CultureInfo.InvariantCulture)));
}
