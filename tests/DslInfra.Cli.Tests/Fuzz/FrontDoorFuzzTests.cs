using System.Text;
using DslInfra.Cli.Tests.Blast;
using DslInfra.Cli.Tests.Bindings;

namespace DslInfra.Cli.Tests.Fuzz;

/// <summary>
/// The two front doors that take text from outside: `graph` (any artifacts: hostile stack, resource and local names,
/// references of every kind) with Mermaid's own parser and Graphviz's dot as oracles on every drawing, and `bindings`
/// (any schema a provider could print) with the C# compiler as oracle: exit 0 is C# that compiles with one record per
/// type and no file of the user's touched; exit 2 is one line; nothing else. A quarter of DSLINFRA_FUZZ_CASES each
/// (150 in CI; DSLINFRA_FUZZ_CASES=20000 is a 5,000-input campaign per command). A failing input is written to the
/// temp folder.
/// </summary>
public sealed class FrontDoorFuzzTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("dslinfra-door-fuzz-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static int Cases => Math.Max(1, CliFuzzTests.Cases / 4);

    /// <summary>Names as third parties write them, and as fuzzers found them to break generated text.</summary>
    private static readonly string[] Parts =
    [
        "ab", "Ab", "AB", "vpc", "", "1", "-1", "_", "resource", "data_source", "ephemeral_resource", "expr", "class", "name", "Name",
        "equals", "to_string", "reference", "attr", "\u2028", "\u2029", "\u0085", "\ufeff", "\n", "\r\n", "\"", "\\", "'", "ünï", "\ud835\udd38",
        "x y", "|", "]", "[", "(", ")", "{", "}", "<", ">", "&", "#", ";", "`", "-->", "%%", "\u202e", "\t", "\0", "${x}", "%{y}", "end", "graph",
    ];

    // A lone surrogate now and then: Terraform (Go) never prints one, so it must be refused on one line, not crash.
    private static string Name(Random random, int parts = 2) =>
        string.Concat(Enumerable.Range(0, random.Next(1, parts + 1)).Select(_ => (random.Next(2000) == 0 ? "\ud800" : Parts[random.Next(Parts.Length)]) + (random.Next(3) == 0 ? "" : "_")));

    private static string Pick(Random random, params string[] options) => options[random.Next(options.Length)];

    // ---------- bindings ----------

    private static readonly string[] CtyTypes =
    [
        "\"string\"", "\"number\"", "\"bool\"", "\"dynamic\"", "[\"list\",\"string\"]", "[\"set\",\"number\"]", "[\"map\",\"bool\"]",
        "[\"tuple\",[\"string\",\"number\"]]", "[\"list\",[\"object\",{\"a\":\"string\",\"B\":\"number\"}]]", "[\"object\",{\"name\":\"string\",\"\\u2028\":\"bool\"}]",
    ];

    private static string Attributes(Random random, int depth)
    {
        var attributes = Enumerable.Range(0, random.Next(0, 5)).Select(_ =>
        {
            var flags = Pick(random, "\"required\":true", "\"optional\":true", "\"computed\":true", "\"optional\":true,\"computed\":true");
            var extra = (random.Next(4) == 0 ? ",\"sensitive\":true" : "") + (random.Next(5) == 0 ? ",\"deprecated\":true" : "") + (random.Next(6) == 0 ? ",\"write_only\":true" : "")
                + (random.Next(2) == 0 ? ",\"description\":" + SchemaJson.Quote(Name(random, 4)) : "");
            return $"{SchemaJson.Quote(Name(random))}:{{\"type\":{CtyTypes[random.Next(CtyTypes.Length)]},{flags}{extra}}}";
        });
        var blocks = depth > 1 ? [] : Enumerable.Range(0, random.Next(0, 3)).Select(_ =>
            $"{SchemaJson.Quote(Name(random))}:{{\"nesting_mode\":\"{Pick(random, "single", "group", "list", "set", "map")}\",\"max_items\":{random.Next(0, 3)},\"block\":{Block(random, depth + 1)}}}");
        return $"\"attributes\":{{{string.Join(",", attributes)}}},\"block_types\":{{{string.Join(",", blocks)}}}";
    }

    private static string Block(Random random, int depth) =>
        $"{{{Attributes(random, depth)}{(random.Next(2) == 0 ? ",\"description\":" + SchemaJson.Quote(Name(random, 5)) : "")}}}";

    private static (string Json, string Address, List<string> Types) RandomSchema(Random random)
    {
        var local = random.Next(4) == 0 ? Name(random, 1) : Pick(random, "x", "acme", "aws", "data", "resource");
        var address = Pick(random, "registry.terraform.io/acme/", "example.com/\n/", "registry.terraform.io/a\u2028b/") + local;
        var types = new List<(string Kind, string Name)>();
        for (var n = random.Next(1, 7); n > 0; n--)
            types.Add((Pick(random, "resource_schemas", "resource_schemas", "data_source_schemas", "ephemeral_resource_schemas"),
                random.Next(5) == 0 ? Name(random) : local + "_" + Name(random)));
        var json = new StringBuilder("{\"format_version\":\"1.0\",\"provider_schemas\":{").Append(SchemaJson.Quote(address)).Append(":{");
        json.Append(string.Join(",", types.GroupBy(t => t.Kind).Select(kind =>
            SchemaJson.Quote(kind.Key) + ":{" + string.Join(",", kind.Select(t => $"{SchemaJson.Quote(t.Name)}:{{\"version\":0,\"block\":{Block(random, 0)}}}")) + "}")));
        json.Append("}}}");
        return (json.ToString(), address, types.Select(t => t.Name).ToList());
    }

    [Fact]
    public void Bindings_writes_CSharp_that_compiles_with_every_record_or_refuses_on_one_line()
    {
        var random = new Random(CliFuzzTests.Seed);
        var failures = new List<string>();
        var exits = new int[3];
        var refusals = new List<string>();
        for (var i = 0; i < Cases; i++)
        {
            var (json, _, types) = RandomSchema(random);
            var ns = random.Next(8) == 0 ? Pick(random, "class", "Acme.DataSource", "Acme..X", "Acme.Expr", "A.b c", "Acme.record", "Ä.Ö") : "Acme.Infra";
            var case_ = Path.Combine(directory, "bindings-" + i);
            var output = Path.Combine(case_, "Generated");
            Directory.CreateDirectory(output);
            // Sometimes a file of the user's sits where a generated one may go: it must come out as it went in.
            string? mine = null;
            if (random.Next(4) == 0)
            {
                mine = Path.Combine(output, Pick(random, "X.Ab.g.cs", "X.AB.g.cs", "Acme.Vpc.g.cs", "X.g.cs", "X.Core.g.cs"));
                File.WriteAllText(mine, Pick(random, "", "// mine\n", "\n"));
            }
            var mineBefore = mine is null ? null : File.ReadAllText(mine);
            var schema = Path.Combine(case_, Pick(random, "schema.json", "sche\nma.json", "s\u2028.json"));
            File.WriteAllText(schema, json);
            (int Exit, string Output, string Error) run;
            try
            {
                run = Cli.Run("bindings", schema, "--all", "--namespace", ns, "--output", output);
            }
            catch (Exception exception)
            {
                failures.Add(Keep($"bindings {i}", json, $"exception {exception.GetType().Name}: {exception.Message}"));
                continue;
            }
            var problem = Exit2Problem(run);
            if (problem is null && mine is not null && (!File.Exists(mine) || File.ReadAllText(mine) != mineBefore))
                problem = $"replaced the user's {Path.GetFileName(mine)}";
            if (problem is null && run.Exit == 0)
            {
                var compiled = GeneratedCode.Problems(output);
                var written = GeneratedCode.TerraformTypes(output).Order(StringComparer.Ordinal).ToList();
                if (compiled.Count > 0)
                    problem = "does not compile: " + string.Join(" | ", compiled.Take(3));
                else if (!written.SequenceEqual(types.Order(StringComparer.Ordinal)))
                    problem = $"records lost: wrote {written.Count} of {types.Count}";
            }
            if (problem is not null)
                failures.Add(Keep($"bindings {i} ({ns})", json, problem));
            else
                exits[run.Exit]++;
            if (run.Exit == 2)
                refusals.Add(Refusal(run.Error));
        }
        Console.WriteLine($"bindings fuzz: {Cases} schemas, seed {CliFuzzTests.Seed}: exit 0 {exits[0]}, exit 2 {exits[2]}, {failures.Count} failed; refusals: {Histogram(refusals)}");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
        Assert.True(exits[0] > Cases / 3, $"only {exits[0]} of {Cases} schemas got past the checks: the fuzzer tests too little");
    }

    // ---------- graph ----------

    private static string Ref(Random random, IReadOnlyList<string> blocks) =>
        blocks.Count == 0 ? "x" : "${" + blocks[random.Next(blocks.Count)] + Pick(random, ".id", ".arn", "", ".outputs.vpc_id", "[0].name") + "}";

    private static string RandomTerraform(Random random, IReadOnlyList<string> stacks)
    {
        string Key() => SchemaJson.Quote(random.Next(3) == 0 ? Name(random) : Pick(random, "main", "web", "a", "b"));
        string Type() => random.Next(4) == 0 ? Name(random) : Pick(random, "aws_vpc", "aws_subnet", "aws_db_instance", "aws_instance", "aws_lb", "kubernetes_namespace_v1");
        var blocks = new List<string>();
        // Keys are unique in each object: a key twice is refused before anything is drawn (CliFuzzTests covers that).
        var resources = Enumerable.Range(0, random.Next(0, 5)).Select(_ => (Type: Type(), Name: Key())).Distinct().ToList();
        var data = Enumerable.Range(0, random.Next(0, 3)).Select(_ => (Type: random.Next(2) == 0 ? "terraform_remote_state" : Type(), Name: Key())).Distinct().ToList();
        blocks.AddRange(resources.Select(r => $"{r.Type}.{r.Name.Trim('"')}"));
        blocks.AddRange(data.Select(d => $"data.{d.Type}.{d.Name.Trim('"')}"));
        var locals = Enumerable.Range(0, random.Next(0, 3)).Select(_ => Key()).Distinct().ToList();
        blocks.AddRange(locals.Select(l => "local." + l.Trim('"')));
        blocks.Add("module.m");
        string Body() => "{" + string.Join(",", Enumerable.Range(0, random.Next(0, 4)).Select(_ => Key()).Distinct().Select(key =>
            $"{key}:{Pick(random, SchemaJson.Quote(Ref(random, blocks)), SchemaJson.Quote(Name(random)), "[" + SchemaJson.Quote(Ref(random, blocks)) + "]", "{\"k\":" + SchemaJson.Quote(Ref(random, blocks)) + "}", "1", "true")}")
            .Concat(random.Next(4) == 0 ? [$"\"depends_on\":[{SchemaJson.Quote(blocks[random.Next(blocks.Count)])}]"] : [])) + "}";
        string Group(IEnumerable<(string Type, string Name)> items, Func<(string Type, string Name), string> body) =>
            "{" + string.Join(",", items.GroupBy(r => r.Type).Select(g => SchemaJson.Quote(g.Key) + ":{" + string.Join(",", g.Select(r => r.Name + ":" + body(r))) + "}")) + "}";
        var parts = new List<string>();
        if (resources.Count > 0)
            parts.Add("\"resource\":" + Group(resources, _ => Body()));
        if (data.Count > 0)
            parts.Add("\"data\":" + Group(data, d => d.Type == "terraform_remote_state"
                ? $"{{\"backend\":\"local\",\"config\":{{\"path\":{SchemaJson.Quote("../" + stacks[random.Next(stacks.Count)] + "/terraform.tfstate")}}}}}"
                : Body()));
        if (locals.Count > 0)
            parts.Add("\"locals\":{" + string.Join(",", locals.Select(l => $"{l}:{SchemaJson.Quote(Ref(random, blocks))}")) + "}");
        if (random.Next(2) == 0)
            parts.Add($"\"module\":{{\"m\":{{\"source\":{SchemaJson.Quote(Pick(random, "./m", "acme/x/aws", Name(random)))},\"input\":{SchemaJson.Quote(Ref(random, blocks))}}}}}");
        if (random.Next(2) == 0)
            parts.Add($"\"output\":{{{Key()}:{{\"value\":{SchemaJson.Quote(Ref(random, blocks))}}}}}");
        return "{" + string.Join(",", parts) + "}";
    }

    [Fact]
    public void Graph_draws_only_what_Mermaid_and_Graphviz_parse()
    {
        var random = new Random(CliFuzzTests.Seed);
        var failures = new List<string>();
        var drawings = new List<(string Label, string Input, string Mermaid)>();
        var exits = new int[3];
        var refusals = new List<string>();
        var dotChecked = 0;
        for (var i = 0; i < Cases; i++)
        {
            var artifacts = Path.Combine(directory, "graph-" + i);
            var stacks = Enumerable.Range(0, random.Next(1, 4)).Select(_ => random.Next(3) == 0 ? Name(random, 1).Replace("/", "").Replace("\0", "") : Pick(random, "web", "net", "app")).Distinct()
                .Where(s => s.Trim().Length > 0 && s is not "." and not "..").DefaultIfEmpty("web").ToList();
            var input = new StringBuilder();
            foreach (var stack in stacks)
            {
                var terraform = RandomTerraform(random, stacks);
                var bytes = Encoding.UTF8.GetBytes(terraform);
                if (random.Next(10) == 0 && bytes.Length > 2)
                    bytes = bytes[..random.Next(1, bytes.Length)]; // truncated: exit 2, one line
                Directory.CreateDirectory(Path.Combine(artifacts, stack));
                File.WriteAllBytes(Path.Combine(artifacts, stack, "main.tf.json"), bytes);
                input.Append(stack).Append(": ").Append(Encoding.UTF8.GetString(bytes)).Append('\n');
            }
            try
            {
                var mermaid = Cli.Run("graph", artifacts);
                var dot = Cli.Run("graph", artifacts, "--format", "dot");
                var problem = Exit2Problem(mermaid) ?? Exit2Problem(dot) ?? (mermaid.Exit != dot.Exit ? $"mermaid exit {mermaid.Exit}, dot exit {dot.Exit}" : null);
                if (problem is null && dot.Exit == 0 && Diagrams.DotRejects(dot.Output) is { } rejected)
                    problem = "Graphviz rejected: " + rejected;
                if (dot.Exit == 0)
                    dotChecked++;
                if (problem is not null)
                    failures.Add(Keep($"graph {i}", input.ToString(), problem));
                else
                {
                    exits[mermaid.Exit]++;
                    if (mermaid.Exit == 2)
                        refusals.Add(Refusal(mermaid.Error));
                    if (mermaid.Exit == 0)
                        drawings.Add(($"graph {i}", input.ToString(), mermaid.Output));
                }
            }
            catch (Exception exception)
            {
                failures.Add(Keep($"graph {i}", input.ToString(), $"exception {exception.GetType().Name}: {exception.Message}"));
            }
        }
        foreach (var (diagram, message) in Diagrams.MermaidRejects(drawings.Select(d => d.Mermaid).ToList()))
        {
            var drawing = drawings.First(d => d.Mermaid == diagram);
            failures.Add(Keep(drawing.Label, drawing.Input, "Mermaid rejected: " + message));
        }
        Console.WriteLine($"graph fuzz: {Cases} artifact sets, seed {CliFuzzTests.Seed}: exit 0 {exits[0]} (Mermaid {drawings.Count}, dot {dotChecked} read back), exit 2 {exits[2]}, {failures.Count} failed; refusals: {Histogram(refusals)}");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
        Assert.True(drawings.Count > Cases / 3, $"only {drawings.Count} of {Cases} inputs were drawn: the fuzzer tests too little");
    }

    // ---------- shared ----------

    /// <summary>What is wrong with a run, or null: exit 0 or 2 only, exit 2 on one line, never an internal error or a stack trace.</summary>
    private static string? Exit2Problem((int Exit, string Output, string Error) run) =>
        run.Exit is not (0 or 2) ? $"exit {run.Exit}: {run.Error}"
        : run.Error.Contains("internal error", StringComparison.Ordinal) ? "internal error: " + run.Error.Trim()
        : run.Error.Contains("   at ", StringComparison.Ordinal) ? "stack trace"
        : run.Exit == 2 && run.Error.TrimEnd('\n').Split('\n').Length != 1 ? "exit 2 with more than one line: " + run.Error
        : null;

    /// <summary>A refusal's kind: its message without the names and paths in it.</summary>
    private static string Refusal(string error)
    {
        var kind = System.Text.RegularExpressions.Regex.Replace(error.Trim(), @"'[^']*'|/tmp/\S*|\S+\.json|\d+", "…");
        return kind.Substring(0, Math.Min(90, kind.Length));
    }

    private static string Histogram(IEnumerable<string> refusals) =>
        string.Join("; ", refusals.GroupBy(r => r).OrderByDescending(g => g.Count()).Take(6).Select(g => $"{g.Count()}× {g.Key}"));

    private static string Keep(string label, string input, string problem)
    {
        var file = Path.Combine(Path.GetTempPath(), $"dslinfra-door-fuzz-{CliFuzzTests.Seed}-{label.Split(' ')[0]}-{label.Split(' ')[1]}.txt");
        File.WriteAllText(file, input);
        return $"{label}: {problem} (input: {file})";
    }
}
