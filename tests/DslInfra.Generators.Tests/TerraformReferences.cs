using System.Text.Json;
using System.Text.RegularExpressions;

namespace DslInfra.Generators.Tests;

/// <summary>
/// The reference check: every reference in a generated main.tf.json, as HashiCorp's parser reads its templates, names
/// something the file declares — a resource, data source, ephemeral resource, variable, local or module (any output of
/// it) — and each.*, count.* and self.* appear only where Terraform defines them.
/// </summary>
internal static partial class TerraformReferences
{
    public static void AssertAllDeclared(string terraformJson)
    {
        using var document = JsonDocument.Parse(terraformJson);
        var root = document.RootElement;
        var declared = new HashSet<string>(StringComparer.Ordinal);
        void Blocks(string block, string prefix)
        {
            if (root.TryGetProperty(block, out var types))
                foreach (var type in types.EnumerateObject())
                    foreach (var name in type.Value.EnumerateObject())
                        declared.Add($"{prefix}{type.Name}.{name.Name}");
        }
        Blocks("resource", "");
        Blocks("data", "data.");
        Blocks("ephemeral", "ephemeral.");
        foreach (var (block, prefix) in new[] { ("variable", "var."), ("locals", "local."), ("module", "module.") })
            if (root.TryGetProperty(block, out var names))
                foreach (var name in names.EnumerateObject())
                    declared.Add(prefix + name.Name);

        // A dynamic block's iterator is defined inside that block's content.
        var iterators = new HashSet<string>(Regex.Matches(terraformJson, @"""iterator"":\s*""([^""]+)""").Select(m => m.Groups[1].Value), StringComparer.Ordinal);
        var checkedAny = false;
        foreach (var entry in HclDecoder.Decode(terraformJson, ".tf.json"))
        {
            Assert.True(entry.TemplateError is null, $"{entry.Path}: {entry.TemplateError}");
            foreach (var expression in entry.Parts.Select(p => p.Expr).OfType<string>())
            {
                // A for expression's iterators (`for dvo in …`, `for k, v in …`) are defined inside it.
                var bound = new HashSet<string>(ForIterators().Matches(expression).SelectMany(m => new[] { m.Groups[1].Value, m.Groups[2].Value }).Where(n => n.Length > 0), StringComparer.Ordinal);
                foreach (Match reference in Reference().Matches(StringLiterals().Replace(expression, "\"\"")))
                {
                    var text = reference.Value;
                    if (Function().IsMatch(expression.Substring(reference.Index + reference.Length)))
                        continue; // a function's name, not a reference
                    checkedAny = true;
                    var root2 = text.Split('.')[0];
                    if (iterators.Contains(root2) && entry.Path.Contains("/dynamic/") && entry.Path.Contains("/content/") || bound.Contains(root2))
                        continue;
                    switch (root2)
                    {
                        case "each":
                            Assert.True(InBlockWith(entry.Path, "for_each", root), $"{entry.Path}: {text} outside a resource with for_each");
                            break;
                        case "count":
                            Assert.True(InBlockWith(entry.Path, "count", root), $"{entry.Path}: {text} outside a resource with count");
                            break;
                        case "self":
                            Assert.Contains("/postcondition/", entry.Path);
                            break;
                        case "var" or "local" or "module":
                            Assert.True(declared.Contains(string.Join('.', text.Split('.').Take(2))), $"{entry.Path}: {text} names nothing declared");
                            break;
                        case "data" or "ephemeral":
                            Assert.True(declared.Contains(string.Join('.', text.Split('.').Take(3))), $"{entry.Path}: {text} names nothing declared");
                            break;
                        default:
                            Assert.True(declared.Contains(string.Join('.', text.Split('.').Take(2))), $"{entry.Path}: {text} names nothing declared");
                            break;
                    }
                }
            }
        }
        Assert.True(checkedAny, "the file has no reference: the check would check nothing");
    }

    // /resource/aws_subnet/app/tags/Name → the resource aws_subnet.app must itself set for_each (or count).
    private static bool InBlockWith(string path, string meta, JsonElement root)
    {
        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Length >= 3 && segments[0] is "resource" or "data")
            return root.GetProperty(segments[0]).GetProperty(segments[1]).GetProperty(segments[2]).TryGetProperty(meta, out _);
        if (segments.Length >= 2 && segments[0] == "module")
            return root.GetProperty("module").GetProperty(segments[1]).TryGetProperty(meta, out _);
        return false;
    }

    [GeneratedRegex(@"""(?:[^""\\]|\\.)*""")]
    private static partial Regex StringLiterals();

    [GeneratedRegex(@"(?<![\w.\]""])[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*)+")]
    private static partial Regex Reference();

    [GeneratedRegex(@"^\s*\(")]
    private static partial Regex Function();

    [GeneratedRegex(@"\bfor\s+([A-Za-z_][A-Za-z0-9_-]*)(?:\s*,\s*([A-Za-z_][A-Za-z0-9_-]*))?\s+in\b")]
    private static partial Regex ForIterators();
}
