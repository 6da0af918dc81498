using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using System.Text.Json;

namespace DslInfra.Testing;

/// <summary>One resource (or data source) in a stack's plan: what Terraform will do to it, its planned values and what it references.</summary>
public sealed class PlannedResource
{
    private readonly JsonElement change;
    private readonly JsonElement? configuration;

    internal PlannedResource(JsonElement change, JsonElement? configuration)
    {
        this.change = change;
        this.configuration = configuration;
        Address = change.GetProperty("address").GetString()!;
        Type = change.GetProperty("type").GetString()!;
        Name = change.GetProperty("name").GetString()!;
        IsData = change.TryGetProperty("mode", out var mode) && mode.GetString() == "data";
        Actions = change.GetProperty("change").GetProperty("actions").EnumerateArray().Select(a => a.GetString()!).ToList();
    }

    /// <summary>Terraform's address: aws_subnet.public_0, module.vpc.aws_vpc.this, aws_route53_record.validation["x"].</summary>
    public string Address { get; }

    /// <summary>The resource type, e.g. aws_launch_template.</summary>
    public string Type { get; }

    /// <summary>The name after the type.</summary>
    public string Name { get; }

    /// <summary>Whether this is a data source (read) rather than a managed resource.</summary>
    public bool IsData { get; }

    /// <summary>Terraform's actions: ["create"], ["update"], ["delete", "create"] (a replacement), ["no-op"], ["read"].</summary>
    public IReadOnlyList<string> Actions { get; }

    /// <summary>Created, and nothing else.</summary>
    public bool Creates => Actions is ["create"];

    /// <summary>Changed in place.</summary>
    public bool Updates => Actions is ["update"];

    /// <summary>Destroyed and created again, in either order.</summary>
    public bool Replaces => Actions.Count == 2 && Actions.Contains("create") && Actions.Contains("delete");

    /// <summary>Destroyed.</summary>
    public bool Deletes => Actions is ["delete"];

    /// <summary>
    /// The planned value at <paramref name="path"/> (an argument, then .attribute or [index]: "tags.Name",
    /// "launch_template[0].version"), or null when it is null, absent or known only after apply (see <see cref="IsKnownAfterApply"/>).
    /// </summary>
    public JsonElement? Value(string path) =>
        change.GetProperty("change").TryGetProperty("after", out var after) ? Walk(after, path) : null;

    /// <summary>The planned value at <paramref name="path"/> as text (a string as it is, a number or bool in JSON), or null.</summary>
    public string? Text(string path) => Value(path) is { } value ? value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText() : null;

    /// <summary>Whether the value at <paramref name="path"/> is known only after apply (an id, an ARN, a new version).</summary>
    public bool IsKnownAfterApply(string path) =>
        change.GetProperty("change").TryGetProperty("after_unknown", out var unknown) && Walk(unknown, path) is { ValueKind: JsonValueKind.True };

    /// <summary>
    /// What the configuration of <paramref name="argument"/> refers to, as Terraform sees it (the plan's configuration:
    /// "aws_vpc.main.id" and "aws_vpc.main", "var.env"), so a test can tell a reference from a copied value.
    /// </summary>
    public IReadOnlyList<string> References(string argument)
    {
        if (configuration is not { } config || !config.TryGetProperty("expressions", out var expressions))
            return [];
        var found = new List<string>();
        var node = Walk(expressions, argument);
        if (node is { } expression)
            DslInfra.Offline.Planning.PlanReferences.Collect(expression, found);
        return found;
    }

    private static JsonElement? Walk(JsonElement root, string path)
    {
        var current = root;
        foreach (var step in Steps(path))
        {
            if (step is int index)
            {
                if (current.ValueKind != JsonValueKind.Array || index >= current.GetArrayLength())
                    return null;
                current = current[index];
            }
            else if (current.ValueKind == JsonValueKind.Object && current.TryGetProperty((string)step, out var next))
            {
                current = next;
            }
            else
            {
                return null;
            }
        }
        return current.ValueKind == JsonValueKind.Null ? null : current;
    }

    /// <summary>"a.b[0].c" and a["key"] as steps: names, indexes and keys.</summary>
    private static IEnumerable<object> Steps(string path)
    {
        foreach (var part in path.Split('.'))
        {
            var rest = part;
            var bracket = rest.IndexOf('[');
            yield return bracket < 0 ? rest : rest[..bracket];
            while (bracket >= 0)
            {
                var end = rest.IndexOf(']', bracket);
                if (end < 0)
                    throw new ArgumentException($"'{path}' has an unclosed [", nameof(path));
                var inside = rest[(bracket + 1)..end];
                yield return int.TryParse(inside, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
                    ? index
                    : inside.Trim('"');
                rest = rest[(end + 1)..];
                bracket = rest.IndexOf('[');
            }
        }
    }
}
