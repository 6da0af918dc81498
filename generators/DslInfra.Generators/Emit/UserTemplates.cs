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
using System.Text.RegularExpressions;

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

    /// <summary>The longest a template may render, in all, for one stack; a wall-clock bound on top of the step count.</summary>
    public static readonly TimeSpan RenderBudget = TimeSpan.FromSeconds(10);
    public const int StepLimit = 10_000_000;
    public const int OutputLimit = 16 << 20;

    public static bool IsTemplate(string path) => path.EndsWith(".sbn", StringComparison.OrdinalIgnoreCase);

    /// <summary>Names DslInfra writes into a stack's folder itself: a template's output must not replace them.</summary>
    private static readonly string[] Reserved = [StackArtifacts.TerraformFile, StackArtifacts.ManifestFile, "images"];

    /// <summary>
    /// Each template with the file it writes (cloud-init.yaml.sbn → cloud-init.yaml), or why it cannot write one: a name
    /// that is empty or a folder, a name DslInfra writes itself, or one another template (in another folder) writes
    /// too. Compared ignoring case, as the file systems of Windows and macOS do; in path order, so the first one wins.
    /// </summary>
    public static IReadOnlyList<(FileDigest Template, string? Output, TemplateProblem? Problem)> Plan(IEnumerable<FileDigest> files)
    {
        var plans = new List<(FileDigest, string?, TemplateProblem?)>();
        var claimed = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var template in files.Where(f => IsTemplate(f.Path)).OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            var name = System.IO.Path.GetFileName(template.Path);
            var output = name.Substring(0, name.Length - ".sbn".Length);
            string? why = null;
            if (output.Length == 0 || output.Trim('.').Length == 0)
                why = $"'{name}' names no file to write: call it after its output, e.g. cloud-init.yaml.sbn";
            else if (Reserved.Contains(output, StringComparer.OrdinalIgnoreCase))
                why = $"its output '{output}' is written by DslInfra itself: rename the template";
            else if (claimed.TryGetValue(output, out var first))
                why = $"its output '{output}' is already written by template '{first}': templates of one project share the stack's folder, so give each its own file name";
            else
                claimed[output] = template.Path;
            plans.Add((template, why is null ? output : null, why is null ? null : new TemplateProblem(template.Path, 1, 1, why)));
        }
        return plans;
    }

    /// <summary>The rendered text, or the problems that stop it.</summary>
    public static (string? Text, IReadOnlyList<TemplateProblem> Problems) Render(FileDigest template, StackModel stack, IReadOnlyDictionary<string, string> imageNames, System.Threading.CancellationToken cancellation = default)
    {
        var problems = new List<TemplateProblem>();
        var parsed = Template.Parse(template.Content, template.Path);
        if (parsed.HasErrors)
        {
            problems.AddRange(parsed.Messages.Where(m => m.Type == ParserMessageType.Error).Select(m => Problem(template.Path, m.Span, m.Message)));
            return (null, problems);
        }
        var context = new BoundedTemplateContext(cancellation)
        {
            LoopLimit = LoopLimit, LoopLimitQueryable = LoopLimit, RecursiveLimit = RecursiveLimit, StrictVariables = true, EnableRelaxedMemberAccess = false,
            RegexTimeOut = TimeSpan.FromSeconds(1), OutputLimit = OutputLimit,
        };
        context.PushGlobal(Model(stack, imageNames));
        try
        {
            var text = parsed.Render(context).Replace("\r\n", "\n");
            if (Evaluation.Evaluator.LoneSurrogateAt(text) is not null)
            {
                problems.Add(Problem(template.Path, context.SurrogateSpan ?? default,
                    "the template writes a lone surrogate (half of a UTF-16 pair), which no UTF-8 file can carry: write whole characters"));
                return (null, problems);
            }
            return (text, problems);
        }
        catch (ScriptRuntimeException exception)
        {
            problems.Add(Problem(template.Path, exception.Span, exception.OriginalMessage));
            return (null, problems);
        }
        catch (Exception exception) when (exception is RegexMatchTimeoutException or InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            // A builtin that failed on its arguments: the template's fault, said at the last place it wrote.
            problems.Add(Problem(template.Path, context.LastSpan, exception.Message));
            return (null, problems);
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
                ["mode"] = r.IsData ? "data" : r.IsEphemeral ? "ephemeral" : "managed", ["replace_only"] = r.ReplaceOnly,
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
