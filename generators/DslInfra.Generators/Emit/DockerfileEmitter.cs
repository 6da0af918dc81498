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
        var body = image.Body;
        var model = new ScriptObject
        {
            ["name"] = image.Name,
            ["stack"] = stack,
            ["base"] = body.GetString("BaseImage") ?? "",
            ["install"] = Install(body.GetString("PackageManager") ?? "Apt", Strings(body.Get("Packages"))),
            ["files"] = body.Get("Files") is ListValue files
                ? files.Items.OfType<ObjectValue>().Select(f => ExecForm(new[] { f.GetString("Source") ?? "", f.GetString("Destination") ?? "" })).ToList()
                : new List<string>(),
            ["environment"] = body.Get("Environment") is MapValue environment
                ? environment.Entries.Select(e => e.Key + "=" + Quoted((e.Value as StringValue)?.Text ?? "")).ToList()
                : new List<string>(),
            ["workdir"] = body.GetString("WorkDir"),
            ["ports"] = Strings(body.Get("Ports")),
            ["user"] = body.GetString("User"),
            ["entrypoint"] = body.Get("Entrypoint") is ListValue { Items.Count: > 0 } entrypoint ? ExecForm(Strings(entrypoint)) : null,
            ["command"] = body.Get("Command") is ListValue { Items.Count: > 0 } command ? ExecForm(Strings(command)) : null,
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

    private static List<string> Strings(Value? list) =>
        list is ListValue items ? items.Items.Select(i => i switch { StringValue s => s.Text, NumberValue n => n.Text, _ => "" }).ToList() : new List<string>();

    private static string ReadTemplate(string name)
    {
        using var stream = typeof(DockerfileEmitter).Assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
