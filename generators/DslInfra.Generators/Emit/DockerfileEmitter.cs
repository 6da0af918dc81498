using System.Collections.Generic;
using System.IO;
using System.Linq;
using DslInfra.Generators.Evaluation;
using DslInfra.Generators.Model;
using Scriban;
using Scriban.Runtime;

namespace DslInfra.Generators.Emit;

/// <summary>
/// Writes a container image's Dockerfile from the template embedded in the generator. Every value from the stack is
/// made safe for its line here, before the template sees it: exec-form JSON arrays, quoted ENV values, shell-quoted packages.
/// </summary>
internal static class DockerfileEmitter
{
    private static readonly Template Dockerfile = Template.Parse(ReadTemplate("Dockerfile.sbn"), "Dockerfile.sbn");

    public static string Write(ImageSpec image, string stack)
    {
        var build = image.Container!;
        var model = new ScriptObject
        {
            ["name"] = image.Name,
            ["stack"] = stack,
            ["base"] = build.BaseImage ?? "",
            ["install"] = Install(build.PackageManager, build.Packages),
            ["files"] = build.Files.Select(f => ExecForm(new[] { f.Source, f.Destination })).ToList(),
            ["environment"] = build.Environment is { } environment
                ? environment.Select(e => e.Key + "=" + Quoted(e.Value)).ToList()
                : new List<string>(),
            ["workdir"] = build.WorkDir,
            ["ports"] = build.Ports.ToList(),
            ["user"] = build.User,
            ["entrypoint"] = build.Entrypoint.Count > 0 ? ExecForm(build.Entrypoint) : null,
            ["command"] = build.Command.Count > 0 ? ExecForm(build.Command) : null,
        };
        var context = new TemplateContext { StrictVariables = true, LoopLimit = 10_000, RecursiveLimit = 64 };
        context.PushGlobal(model);
        return Dockerfile.Render(context).Replace("\r\n", "\n");
    }

    /// <summary>The RUN command that installs packages, each package one shell argument.</summary>
    private static string? Install(string manager, IReadOnlyList<string> packages)
    {
        if (packages.Count == 0)
            return null;
        var names = string.Join(" ", packages.Select(ShellQuoting.Quote));
        return manager switch
        {
            "Apk" => "apk add --no-cache " + names,
            "Dnf" => "dnf install -y " + names + " && dnf clean all",
            _ => "apt-get update && apt-get install -y --no-install-recommends " + names + " && rm -rf /var/lib/apt/lists/*",
        };
    }

    /// <summary>A JSON array: Docker's exec form, where nothing is interpreted by a shell.</summary>
    private static string ExecForm(IEnumerable<string> items)
    {
        var text = new System.Text.StringBuilder("[");
        var first = true;
        foreach (var item in items)
        {
            if (!first)
                text.Append(", ");
            first = false;
            JsonText.Quote(text, item);
        }
        return text.Append(']').ToString();
    }

    /// <summary>An ENV value in double quotes: the backslash, the quote and '$' (variable expansion) escaped.</summary>
    private static string Quoted(string value) =>
        "\"" + value.Replace("\\", "\\\\").Replace("\"", "\\\"").Replace("$", "\\$") + "\"";

    private static string ReadTemplate(string name)
    {
        using var stream = typeof(DockerfileEmitter).Assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
