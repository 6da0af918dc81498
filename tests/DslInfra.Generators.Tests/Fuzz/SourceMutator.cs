namespace DslInfra.Generators.Tests.Fuzz;

/// <summary>
/// Makes the code a user has half-typed, pasted or broken: deletions, duplications, truncations, swapped lines,
/// hostile literals and numbers, and fragments of C# that reach the evaluator's corners. Deterministic per seed.
/// </summary>
internal sealed class SourceMutator(int seed)
{
    private readonly Random random = new(seed);

    private static readonly string[] Fragments =
    [
        "$\"{ }\"", "$\"${\"", "\"%{\"", "\"\\ud800\"", "null", "default", "new()", "[]", "[..Subnets, ..Subnets]", ")", "}", "{", ";", ",", "=",
        "Repeat.For(10000, i => new AwsVpc($\"v{i}\"))", "int.MaxValue", "-1", "1e308", "double.NaN", "System.DateTime.Now", "Guid.NewGuid()",
        ".Replace(\"a\", \"aaaaaaaaaaaaaaaa\")", ".Substring(1, int.MaxValue)", "$\"{1,2000000000}\"", "$\"{1:D999999}\"", "nameof(Vpc)", "with { }",
        "\"\\u0001\\n\\\"\"", "\"🚀\".Substring(0, 1)", "[InfraFunction] static int F(int n) => F(n - 1) + F(n - 1);", "F(30)",
        "public static readonly AwsVpc Again = new(\"main\") { CidrBlock = \"10.0.0.0/16\" };", "static", "readonly", "partial", "[Stack(\"x\")]",
    ];

    private static readonly string[] Hostile = ["${x}", "%{ if }", "$", "\\\\", "\\\"", "\\n", "\\u2028", "🚀", "\\u202e", "a b", ""];

    public string Mutate(string source)
    {
        for (var n = random.Next(1, 4); n > 0 && source.Length > 0; n--)
            source = random.Next(8) switch
            {
                0 => Delete(source),
                1 => Duplicate(source),
                2 => source.Substring(0, random.Next(source.Length)),
                3 => SwapLines(source),
                4 => ReplaceLiteral(source),
                5 => ReplaceNumber(source),
                _ => Insert(source, Fragments[random.Next(Fragments.Length)]),
            };
        return source;
    }

    private string Delete(string source)
    {
        var start = random.Next(source.Length);
        return source.Remove(start, Math.Min(source.Length - start, random.Next(1, 40)));
    }

    private string Duplicate(string source)
    {
        var start = random.Next(source.Length);
        var length = Math.Min(source.Length - start, random.Next(1, 200));
        return source.Insert(random.Next(source.Length), source.Substring(start, length));
    }

    private string Insert(string source, string fragment) => source.Insert(random.Next(source.Length + 1), fragment);

    private string SwapLines(string source)
    {
        var lines = source.Split('\n');
        if (lines.Length < 2)
            return source;
        var (a, b) = (random.Next(lines.Length), random.Next(lines.Length));
        (lines[a], lines[b]) = (lines[b], lines[a]);
        return string.Join('\n', lines);
    }

    private string ReplaceLiteral(string source)
    {
        var quote = source.IndexOf('"', random.Next(source.Length));
        var end = quote < 0 ? -1 : source.IndexOf('"', quote + 1);
        return end < 0 ? source : source.Substring(0, quote + 1) + Hostile[random.Next(Hostile.Length)] + source.Substring(end);
    }

    private string ReplaceNumber(string source)
    {
        var start = random.Next(source.Length);
        while (start < source.Length && !char.IsDigit(source[start]))
            start++;
        if (start >= source.Length)
            return source;
        var end = start;
        while (end < source.Length && char.IsDigit(source[end]))
            end++;
        string[] numbers = ["0", "-1", "2147483647", "2147483648", "9999999999999999999999", "10000", "100001"];
        return source.Substring(0, start) + numbers[random.Next(numbers.Length)] + source.Substring(end);
    }

    /// <summary>A user template, mutated towards Scriban's corners.</summary>
    public string MutateTemplate(string template)
    {
        string[] pieces =
        [
            "{{", "}}", "{{ end }}", "{{ for r in resources }}", "{{ date.now }}", "{{ math.random 1 2 }}", "{{ (1..100000) | array.each @(do; ret $0; end) }}",
            "{{ 'aaaaaaaaaaaaaaaaaaaaaaaaaaaa!' | regex.match '^(a+)+$' }}", "{{ func f; f; end; f }}", "{{ \"\\ud800\" }}", "{{ nope }}", "{{ stack }}",
            "{{ while true; end }}", "{{ resources[0].address }}", "{{ x = 1 / 0 }}",
        ];
        for (var n = random.Next(1, 4); n > 0; n--)
            template = random.Next(3) == 0 && template.Length > 0
                ? template.Remove(random.Next(template.Length), 1)
                : template.Insert(random.Next(template.Length + 1), pieces[random.Next(pieces.Length)]);
        return template;
    }
}
