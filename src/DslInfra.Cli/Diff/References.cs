using System.Text.Json;

namespace DslInfra.Cli.Diff;

/// <summary>How one block names another.</summary>
internal enum ReferenceKind
{
    /// <summary>An expression reads the other block's value: a change to what it reads changes this argument.</summary>
    Value,

    /// <summary><c>depends_on</c>: ordering only; no value flows.</summary>
    DependsOn,

    /// <summary><c>lifecycle.replace_triggered_by</c>: any change to the other block replaces this one.</summary>
    ReplaceTriggeredBy,
}

/// <summary>
/// One block's use of another: <paramref name="From"/> reads <paramref name="Attribute"/> of <paramref name="To"/>
/// (null: the whole block, a local or a variable) in its top-level argument <paramref name="Argument"/>.
/// </summary>
internal sealed record Reference(string From, string To, string? Attribute, string Argument, ReferenceKind Kind);

/// <summary>
/// The references in a block of Terraform JSON, read as Terraform reads JSON syntax: a string is a template whose
/// <c>${…}</c> and <c>%{…}</c> hold expressions (<c>$${</c> and <c>%%{</c> are literal text), except
/// <c>depends_on</c> and <c>replace_triggered_by</c>, whose strings are bare expressions. A word that looks like an
/// address in literal text is not a reference. Addresses are returned as written; the caller keeps those declared.
/// </summary>
internal static class References
{
    /// <summary>How deeply strings may nest inside expressions before the input is refused (Terraform has no such text).</summary>
    private const int MaxNesting = 64;

    public static List<Reference> In(string from, JsonElement body)
    {
        var found = new List<Reference>();
        if (body.ValueKind != JsonValueKind.Object)
        {
            Walk(from, "", body, found);
            return found;
        }
        foreach (var argument in body.EnumerateObject())
        {
            switch (argument.Name)
            {
                case "depends_on":
                    Bare(from, argument.Name, argument.Value, ReferenceKind.DependsOn, found);
                    break;
                case "lifecycle":
                    foreach (var lifecycle in Blocks(argument.Value))
                        if (lifecycle.TryGetProperty("replace_triggered_by", out var triggers))
                            Bare(from, "replace_triggered_by", triggers, ReferenceKind.ReplaceTriggeredBy, found);
                    Walk(from, argument.Name, LifecycleConditions(argument.Value), found);
                    break;
                case "provider":
                    break; // a provider alias is a name, not an expression
                case "providers" or "source" or "version" when from.StartsWith("module.", StringComparison.Ordinal):
                    break; // a module call's providers map, source and version are names (a resource's `version` is an argument)
                case "dynamic" when argument.Value.ValueKind == JsonValueKind.Object:
                    foreach (var block in argument.Value.EnumerateObject())
                        Walk(from, block.Name, block.Value, found);
                    break;
                default:
                    Walk(from, argument.Name, argument.Value, found);
                    break;
            }
        }
        return found;
    }

    /// <summary>A lifecycle's pre- and postconditions hold expressions; its other settings do not.</summary>
    private static JsonElement LifecycleConditions(JsonElement lifecycle)
    {
        var conditions = new List<JsonElement>();
        foreach (var block in Blocks(lifecycle))
            foreach (var name in new[] { "precondition", "postcondition" })
                if (block.TryGetProperty(name, out var condition))
                    conditions.Add(condition);
        return JsonSerializer.SerializeToElement(conditions);
    }

    private static IEnumerable<JsonElement> Blocks(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => [value],
        JsonValueKind.Array => value.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.Object),
        _ => [],
    };

    private static void Walk(string from, string argument, JsonElement value, List<Reference> found)
    {
        switch (value.ValueKind)
        {
            case JsonValueKind.String:
                foreach (var (to, attribute) in InTemplate(value.GetString()!))
                    found.Add(new Reference(from, to, attribute, argument, ReferenceKind.Value));
                break;
            case JsonValueKind.Array:
                foreach (var item in value.EnumerateArray())
                    Walk(from, argument, item, found);
                break;
            case JsonValueKind.Object:
                foreach (var property in value.EnumerateObject())
                {
                    // An object key is a template too when it is written as "${…}" (Terraform JSON allows it).
                    foreach (var (to, attribute) in InTemplate(property.Name))
                        found.Add(new Reference(from, to, attribute, argument, ReferenceKind.Value));
                    Walk(from, argument, property.Value, found);
                }
                break;
        }
    }

    private static void Bare(string from, string argument, JsonElement value, ReferenceKind kind, List<Reference> found)
    {
        foreach (var item in value.ValueKind == JsonValueKind.Array ? value.EnumerateArray() : Enumerable.Repeat(value, 1))
            if (item.ValueKind == JsonValueKind.String)
                foreach (var (to, attribute) in InExpression(item.GetString()!))
                    found.Add(new Reference(from, to, attribute, argument, kind));
    }

    /// <summary>The addresses a template string reads, with the attribute read of each.</summary>
    public static List<(string To, string? Attribute)> InTemplate(string text)
    {
        var found = new List<(string, string?)>();
        if (text.Contains("${", StringComparison.Ordinal) || text.Contains("%{", StringComparison.Ordinal))
            new Scanner(text, found).Template(0, nested: false, depth: 0);
        return found;
    }

    /// <summary>The addresses a bare expression (depends_on, replace_triggered_by) reads.</summary>
    public static List<(string To, string? Attribute)> InExpression(string text)
    {
        var found = new List<(string, string?)>();
        new Scanner(text, found).Expression(0, depth: 0, closing: '\0');
        return found;
    }

    private sealed class Scanner(string text, List<(string, string?)> found)
    {
        /// <summary>Reads template text from <paramref name="i"/>; nested, it ends at the closing quote. Returns where it stopped.</summary>
        public int Template(int i, bool nested, int depth)
        {
            while (i < text.Length)
            {
                var c = text[i];
                if (nested && c == '"')
                    return i + 1;
                if (nested && c == '\\')
                {
                    i += 2;
                    continue;
                }
                if ((c == '$' || c == '%') && At(i + 1, c) && At(i + 2, '{'))
                {
                    i += 3; // $${ and %%{ are literal text
                    continue;
                }
                if ((c == '$' || c == '%') && At(i + 1, '{'))
                {
                    i = Expression(i + 2, depth + 1, '}');
                    continue;
                }
                i++;
            }
            return i;
        }

        /// <summary>Reads an expression up to its <paramref name="closing"/> brace or bracket (or the end); returns the index after it.</summary>
        public int Expression(int i, int depth, char closing)
        {
            if (depth > MaxNesting)
                throw new Review.InputException($"a Terraform expression nests strings more than {MaxNesting} deep; no configuration needs that.");
            var braces = 0;
            while (i < text.Length)
            {
                var c = text[i];
                if (c == '"')
                    i = Template(i + 1, nested: true, depth + 1);
                else if (c == '{' || c == '(' || (c == '[' && closing != '['))
                {
                    braces++;
                    i++;
                }
                else if (c == closing && braces == 0)
                    return i + 1;
                else if (c == '}' || c == ')' || c == ']')
                {
                    braces = Math.Max(0, braces - 1);
                    i++;
                }
                else if (c == '[' && closing == '[')
                {
                    braces++;
                    i++;
                }
                else if (IsWordStart(c) && (i == 0 || !IsWordPart(text[i - 1]) && text[i - 1] != '.'))
                    i = Traversal(i, depth);
                else
                    i++;
            }
            return i;
        }

        /// <summary>A name and its attribute and index steps (<c>aws_subnet.app["a"].id</c>); records it when it is a reference.</summary>
        private int Traversal(int i, int depth)
        {
            var steps = new List<string>();
            var start = i;
            i = Word(i);
            steps.Add(text[start..i]);
            while (i < text.Length)
            {
                if (text[i] == '.' && i + 1 < text.Length && IsWordStart(text[i + 1]))
                {
                    var begin = i + 1;
                    i = Word(begin);
                    steps.Add(text[begin..i]);
                }
                else if (text[i] == '.' && At(i + 1, '*'))
                {
                    steps.Add("[]");
                    i += 2;
                }
                else if (text[i] == '[')
                {
                    steps.Add("[]");
                    i = Expression(i + 1, depth, ']');
                }
                else
                    break;
            }
            if (i < text.Length && (text[i] == '(' || text[i] == ':'))
                return i; // a function name (or provider::name::function), not a reference
            Record(steps);
            return i;
        }

        private void Record(List<string> steps)
        {
            var names = steps.Where(s => s != "[]").ToList();
            var root = steps[0];
            (string Address, int Used)? address = root switch
            {
                "data" or "ephemeral" when names.Count >= 3 => ($"{names[0]}.{names[1]}.{names[2]}", 3),
                "module" when names.Count >= 2 => ($"module.{names[1]}", 2),
                "local" or "var" when names.Count >= 2 => ($"{root}.{names[1]}", 2),
                "each" or "count" or "self" or "path" or "terraform" or "data" or "ephemeral" or "module" or "local" or "var" => null,
                _ when names.Count >= 2 && root.Contains('_') => ($"{names[0]}.{names[1]}", 2),
                _ => null,
            };
            if (address is not { } resolved)
                return;
            var (to, used) = resolved;
            found.Add((to, names.Count > used && !root.StartsWith("local", StringComparison.Ordinal) && root != "var" ? names[used] : null));
        }

        private int Word(int i)
        {
            while (i < text.Length && (IsWordPart(text[i]) || text[i] == '-'))
                i++;
            return i;
        }

        private bool At(int i, char c) => i < text.Length && text[i] == c;

        private static bool IsWordStart(char c) => char.IsAsciiLetter(c) || c == '_';

        private static bool IsWordPart(char c) => char.IsAsciiLetterOrDigit(c) || c == '_';
    }
}
