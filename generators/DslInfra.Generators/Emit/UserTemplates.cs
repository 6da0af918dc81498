using System;
using System.Collections.Generic;
using System.Linq;
using DslInfra.Generators.Model;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;
using Scriban;
using Scriban.Parsing;
using Scriban.Runtime;
using Scriban.Syntax;

namespace DslInfra.Generators.Emit;

/// <summary>A problem in a user's template, with the template's file and line.</summary>
internal sealed record TemplateProblem(string Path, int Line, int Column, string Message);

/// <summary>
/// The user's own Scriban templates (AdditionalFiles named *.sbn), rendered once per stack into the stack's folder
/// (cloud-init.yaml.sbn → cloud-init.yaml). The model is documented in the README. A template that loops or
/// recurses without end hits the limits and is reported; it never hangs the compiler.
/// </summary>
internal static class UserTemplates
{
    public const int LoopLimit = 100_000;
    public const int RecursiveLimit = 64;

    public static bool IsTemplate(string path) => path.EndsWith(".sbn", StringComparison.OrdinalIgnoreCase);

    /// <summary>The rendered text and output file name, or the problems that stop it.</summary>
    public static (string? FileName, string? Text, IReadOnlyList<TemplateProblem> Problems) Render(FileDigest template, StackModel stack, IReadOnlyDictionary<string, string> imageNames)
    {
        var problems = new List<TemplateProblem>();
        var parsed = Template.Parse(template.Content, template.Path);
        if (parsed.HasErrors)
        {
            problems.AddRange(parsed.Messages.Where(m => m.Type == ParserMessageType.Error).Select(m => Problem(template.Path, m.Span, m.Message)));
            return (null, null, problems);
        }
        var context = new TemplateContext { LoopLimit = LoopLimit, RecursiveLimit = RecursiveLimit, StrictVariables = true, EnableRelaxedMemberAccess = false };
        context.PushGlobal(Model(stack, imageNames));
        try
        {
            var text = parsed.Render(context).Replace("\r\n", "\n");
            var name = System.IO.Path.GetFileName(template.Path);
            return (name.Substring(0, name.Length - ".sbn".Length), text, problems);
        }
        catch (ScriptRuntimeException exception)
        {
            problems.Add(Problem(template.Path, exception.Span, exception.OriginalMessage));
            return (null, null, problems);
        }
    }

    private static TemplateProblem Problem(string path, Scriban.Parsing.SourceSpan span, string message) =>
        new(path, Math.Max(span.Start.Line, 0) + 1, Math.Max(span.Start.Column, 0) + 1, message);

    /// <summary>The documented model: stack, resources, variables, outputs, images.</summary>
    private static ScriptObject Model(StackModel stack, IReadOnlyDictionary<string, string> imageNames)
    {
        var model = new ScriptObject
        {
            ["stack"] = stack.Name,
            ["resources"] = stack.Resources.Select(r => new ScriptObject
            {
                ["address"] = r.Address, ["type"] = r.Type, ["name"] = r.Name, ["member"] = r.Member,
                ["mode"] = r.IsData ? "data" : "managed", ["replace_only"] = r.ReplaceOnly,
            }).ToList(),
            ["variables"] = stack.Variables.Select(v => v.Name).ToList(),
            ["outputs"] = stack.Outputs.Select(o => o.Name).ToList(),
            ["images"] = stack.Images.Select(i => new ScriptObject
            {
                ["name"] = i.Name,
                ["kind"] = i.IsContainer ? "container" : "amazon-ebs",
                ["published_name"] = imageNames.TryGetValue(i.IsContainer ? i.Name + ".uri" : i.Name, out var published) ? published : "",
            }).ToList(),
        };
        return model;
    }

    /// <summary>A problem as a Roslyn location in the template file.</summary>
    public static Location Locate(TemplateProblem problem) => Span(problem).ToLocation();

    /// <summary>A problem's place in the template file, as plain data.</summary>
    public static Model.SourceSpan Span(TemplateProblem problem) =>
        new(problem.Path, 0, 0, problem.Line - 1, problem.Column - 1, problem.Line - 1, problem.Column - 1);
}
