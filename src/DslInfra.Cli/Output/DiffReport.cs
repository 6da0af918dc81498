using System.Text;
using DslInfra.Cli.Diff;

namespace DslInfra.Cli.Output;

/// <summary>The artifact diff in text, Markdown and JSON.</summary>
internal static class DiffReport
{
    private static string Describe(ResourceDiff diff) => diff.Kind switch
    {
        ResourceDiffKind.Added => "added",
        ResourceDiffKind.Removed => "removed",
        ResourceDiffKind.Replaced => "replaced",
        ResourceDiffKind.ReRead => "re-read",
        _ => "changed in place",
    };

    private static string Details(ResourceDiff diff)
    {
        var parts = new List<string>();
        if (diff.ChangedArguments.Count > 0)
            parts.Add("changed: " + string.Join(", ", diff.ChangedArguments));
        if (diff.Why is not null)
            parts.Add(diff.Why);
        return string.Join("; ", parts);
    }

    public static string Text(DiffResult diff)
    {
        var text = new StringBuilder($"dslinfra diff {diff.Before} -> {diff.After}\n");
        if (diff.IsEmpty)
            return text.Append("No changes.\n").ToString();
        foreach (var stack in diff.StacksAdded)
            text.Append($"  + stack {Printable.Of(stack)}\n");
        foreach (var stack in diff.StacksRemoved)
            text.Append($"  - stack {Printable.Of(stack)}\n");
        foreach (var image in diff.Images)
            text.Append($"  image {Printable.Of(image.Stack)}/{Printable.Of(image.Image)} rebuilt: {Printable.Of(image.Before ?? "(none)")} -> {Printable.Of(image.After ?? "(none)")}\n");
        foreach (var resource in diff.Resources)
        {
            var mark = resource.Kind switch { ResourceDiffKind.Added => "+", ResourceDiffKind.Removed => "-", ResourceDiffKind.Replaced => "-/+", ResourceDiffKind.ReRead => "<=", _ => "~" };
            var details = Details(resource);
            text.Append($"  {mark,-3} {Printable.Of(resource.Stack)}: {Printable.Of(resource.Address)} {Describe(resource)}{(details.Length > 0 ? " (" + details + ")" : "")}\n");
        }
        BlastRadiusReport.Text(text, diff.BlastRadius);
        return text.Append($"{Count(diff, ResourceDiffKind.Added)} added, {Count(diff, ResourceDiffKind.Replaced)} replaced, {Count(diff, ResourceDiffKind.ChangedInPlace)} changed in place, {Count(diff, ResourceDiffKind.Removed)} removed{ReRead(diff)}\n").ToString();
    }

    public static string Markdown(DiffResult diff)
    {
        var text = new StringBuilder("### dslinfra diff\n\n");
        if (diff.IsEmpty)
            return text.Append("No changes to the generated infrastructure.\n").ToString();
        text.Append($"{Count(diff, ResourceDiffKind.Added)} added, {Count(diff, ResourceDiffKind.Replaced)} replaced, {Count(diff, ResourceDiffKind.ChangedInPlace)} changed in place, {Count(diff, ResourceDiffKind.Removed)} removed{ReRead(diff)}.\n\n");
        foreach (var stack in diff.StacksAdded)
            text.Append($"- New stack `{ReviewMarkdown.Cell(stack)}`\n");
        foreach (var stack in diff.StacksRemoved)
            text.Append($"- Stack `{ReviewMarkdown.Cell(stack)}` removed: everything in it is destroyed\n");
        foreach (var image in diff.Images)
            text.Append($"- Image `{ReviewMarkdown.Cell(image.Stack + "/" + image.Image)}` rebuilt: `{ReviewMarkdown.Cell(image.Before ?? "none")}` → `{ReviewMarkdown.Cell(image.After ?? "none")}`\n");
        if (diff.Resources.Count > 0)
        {
            text.Append("\n| Stack | Resource | Change | Details |\n|---|---|---|---|\n");
            foreach (var resource in diff.Resources)
                text.Append($"| {ReviewMarkdown.Prose(resource.Stack)} | `{ReviewMarkdown.Cell(resource.Address)}` | {Describe(resource)} | {ReviewMarkdown.Prose(Details(resource))} |\n");
        }
        BlastRadiusReport.Markdown(text, diff.BlastRadius);
        return text.ToString();
    }

    public static string Json(DiffResult diff) => JsonOutput.Write(json =>
    {
        json.WriteStartObject();
        json.WriteString("before", diff.Before);
        json.WriteString("after", diff.After);
        json.WriteStartArray("stacks_added");
        foreach (var stack in diff.StacksAdded)
            json.WriteStringValue(stack);
        json.WriteEndArray();
        json.WriteStartArray("stacks_removed");
        foreach (var stack in diff.StacksRemoved)
            json.WriteStringValue(stack);
        json.WriteEndArray();
        json.WriteStartArray("resources");
        foreach (var resource in diff.Resources)
        {
            json.WriteStartObject();
            json.WriteString("stack", resource.Stack);
            json.WriteString("address", resource.Address);
            json.WriteString("change", Describe(resource).Replace(' ', '-'));
            json.WriteStartArray("changed_arguments");
            foreach (var argument in resource.ChangedArguments)
                json.WriteStringValue(argument);
            json.WriteEndArray();
            json.WriteString("why", resource.Why);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteStartArray("images_rebuilt");
        foreach (var image in diff.Images)
        {
            json.WriteStartObject();
            json.WriteString("stack", image.Stack);
            json.WriteString("image", image.Image);
            json.WriteString("before", image.Before);
            json.WriteString("after", image.After);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        BlastRadiusReport.Json(json, diff.BlastRadius);
        json.WriteEndObject();
    });

    private static int Count(DiffResult diff, ResourceDiffKind kind) => diff.Resources.Count(r => r.Kind == kind);

    private static string ReRead(DiffResult diff) => Count(diff, ResourceDiffKind.ReRead) is var reread and > 0 ? $", {reread} re-read" : "";
}
