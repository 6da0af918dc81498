using System.Text;

namespace DslInfra.Cli.Tests.Fuzz;

/// <summary>
/// Malformed plans, manifests and Terraform JSON through `review` and `diff`, in-process: the exit code is 0, 1 or 2;
/// exit 2 is one line naming the file; nothing ever reaches the internal-error path (which would be a bug) or prints a
/// stack trace. CI runs a fixed budget (DSLINFRA_FUZZ_CASES, default 600; DSLINFRA_FUZZ_SEED); failing inputs are
/// kept in Fuzz/corpus and replayed first.
/// </summary>
public sealed class CliFuzzTests : IDisposable
{
    private readonly string directory = Directory.CreateTempSubdirectory("dslinfra-cli-fuzz-").FullName;

    public void Dispose() => Directory.Delete(directory, recursive: true);

    private static readonly byte[][] Fragments =
    [
        .. new[]
        {
            "\"actions\":[\"no-op\"],", "\"actions\":[\"update\"]", "\\ud800", "\\udc00", "{", "}", "[", "]", "null", "1e400", "3000000000", "-0", "1.5",
            "\"address\":null,", "\"line\":1e400", "\"format_version\":\"2.0\",", ",,", ":", "\"", "\\", "\"resource_drift\":[{\"type\":\"a\",\"name\":\"b\",\"change\":{\"actions\":[\"update\"]}}],",
        }.Select(Encoding.UTF8.GetBytes),
        [0xEF, 0xBB, 0xBF], [0x00], [0xC3], [0xFF, 0xFE], [0xED, 0xA0, 0x80],
    ];

    public static int Cases => int.TryParse(Environment.GetEnvironmentVariable("DSLINFRA_FUZZ_CASES"), out var n) ? n : 600;

    public static int Seed => int.TryParse(Environment.GetEnvironmentVariable("DSLINFRA_FUZZ_SEED"), out var n) ? n : 20261125;

    private static byte[] Mutate(Random random, byte[] input)
    {
        var bytes = new List<byte>(input);
        for (var n = random.Next(1, 4); n > 0; n--)
        {
            var at = bytes.Count == 0 ? 0 : random.Next(bytes.Count);
            switch (random.Next(6))
            {
                case 0 when bytes.Count > 0: bytes.RemoveRange(at, Math.Min(bytes.Count - at, random.Next(1, 30))); break;
                case 1 when bytes.Count > 0: bytes[at] = (byte)random.Next(256); break;
                case 2: bytes.RemoveRange(at, bytes.Count - at); break;
                case 3 when bytes.Count > 0:
                    var length = Math.Min(bytes.Count - at, random.Next(1, 120));
                    bytes.InsertRange(random.Next(bytes.Count), bytes.GetRange(at, length));
                    break;
                default: bytes.InsertRange(at, Fragments[random.Next(Fragments.Length)]); break;
            }
        }
        return [.. bytes];
    }

    private static string Input(string name) => Path.Combine(AppContext.BaseDirectory, "Plans", name);

    [Fact]
    public void Malformed_inputs_are_exit_2_on_one_line_and_never_an_internal_error()
    {
        var random = new Random(Seed);
        var plans = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Plans"), "*.json").Where(p => !p.EndsWith("manifest.json", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToArray();
        var manifest = File.ReadAllBytes(Input("manifest.json"));
        var terraform = Encoding.UTF8.GetBytes("{\"resource\":{\"aws_vpc\":{\"main\":{\"cidr_block\":\"10.0.0.0/16\",\"tags\":{\"a\":\"1\"}}},\"aws_instance\":{\"box\":{\"ami\":\"ami-1\"}}}}");
        var corpus = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fuzz", "corpus")).Where(f => !f.EndsWith(".gitkeep", StringComparison.Ordinal)).Order(StringComparer.Ordinal);
        var failures = new List<string>();
        var exits = new int[3];
        foreach (var kept in corpus)
            Check(Path.GetFileName(kept), "plan", File.ReadAllBytes(kept), failures, exits);
        for (var i = 0; i < Cases; i++)
        {
            switch (i % 3)
            {
                case 0:
                    Check($"plan {i}", "plan", Mutate(random, File.ReadAllBytes(plans[random.Next(plans.Length)])), failures, exits);
                    break;
                case 1:
                    Check($"manifest {i}", "manifest", Mutate(random, manifest), failures, exits);
                    break;
                default:
                    Check($"terraform {i}", "terraform", Mutate(random, terraform), failures, exits);
                    break;
            }
        }
        Console.WriteLine($"cli fuzz: {Cases} cases, seed {Seed}: exit 0 {exits[0]}, exit 1 {exits[1]}, exit 2 {exits[2]}, {failures.Count} failed");
        Assert.True(failures.Count == 0, string.Join("\n", failures.Take(20)));
    }

    private void Check(string label, string kind, byte[] input, List<string> failures, int[] exits)
    {
        var file = Path.Combine(directory, kind == "terraform" ? "after/web/main.tf.json" : kind + ".json");
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        File.WriteAllBytes(file, input);
        string[] args = kind switch
        {
            "plan" => ["review", file],
            "manifest" => ["review", Input("every-action.json"), "--manifest", file],
            _ => ["diff", Before(), Path.Combine(directory, "after")],
        };
        (int Exit, string Output, string Error) run;
        try
        {
            run = Cli.Run(args);
        }
        catch (Exception exception)
        {
            failures.Add($"{label}: exception {exception.GetType().Name}: {exception.Message}");
            Keep(label, input);
            return;
        }
        var problem = run.Exit is < 0 or > 2 ? $"exit {run.Exit}"
            : run.Error.Contains("internal error", StringComparison.Ordinal) ? "internal error: " + run.Error.Trim()
            : run.Error.Contains("   at ", StringComparison.Ordinal) ? "stack trace"
            : run.Exit == 2 && run.Error.TrimEnd('\n').Split('\n').Length != 1 ? "exit 2 with more than one line: " + run.Error
            : null;
        if (problem is null)
        {
            exits[run.Exit]++;
            return;
        }
        failures.Add($"{label}: {problem}");
        Keep(label, input);
    }

    private string Before()
    {
        var before = Path.Combine(directory, "before", "web");
        Directory.CreateDirectory(before);
        File.WriteAllText(Path.Combine(before, "main.tf.json"), "{\"resource\":{\"aws_vpc\":{\"main\":{\"cidr_block\":\"10.0.0.0/16\"}}}}");
        return Path.Combine(directory, "before");
    }

    private static void Keep(string label, byte[] input) =>
        File.WriteAllBytes(Path.Combine(Path.GetTempPath(), $"dslinfra-cli-fuzz-{Seed}-{label.Replace(' ', '-')}.json"), input);
}
