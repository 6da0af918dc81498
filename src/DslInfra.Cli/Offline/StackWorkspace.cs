using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using DslInfra.Cli.Review;

namespace DslInfra.Cli.Offline;

/// <summary>
/// A stack's artifacts copied into a scratch folder for an offline plan, with an override file Terraform reads last:
/// a local backend in the scratch folder (never the real one), other stacks' remote state read from stub states, and
/// placeholder values for variables without a default. The artifacts folder itself is never touched.
/// </summary>
internal sealed partial class StackWorkspace
{
    public const string OverrideFile = "zz_dslinfra_offline_override.tf.json";
    public const string VariablesFile = "zz_dslinfra_offline.auto.tfvars.json";

    private StackWorkspace(string name, string folder, JsonObject configuration)
    {
        Name = name;
        Folder = folder;
        Configuration = configuration;
    }

    public string Name { get; }

    /// <summary>The scratch copy Terraform runs in.</summary>
    public string Folder { get; }

    /// <summary>The stack's main.tf.json, parsed.</summary>
    public JsonObject Configuration { get; }

    /// <summary>The stacks whose outputs this one reads, by the remote-state data sources it declares.</summary>
    public IEnumerable<string> RemoteStates =>
        (Configuration["data"]?["terraform_remote_state"] as JsonObject)?.Select(e => e.Key) ?? [];

    /// <summary>
    /// Copies <paramref name="artifacts"/> (a stack's folder) to <paramref name="scratch"/> and writes the overrides;
    /// <paramref name="stubState"/> gives the stub state file of a stack whose outputs this one reads.
    /// </summary>
    public static StackWorkspace Prepare(string name, string artifacts, string scratch, string statePath, Func<string, IEnumerable<string>, string> stubState)
    {
        var main = Path.Combine(artifacts, "main.tf.json");
        if (!File.Exists(main))
            throw new InputException($"{artifacts}: no main.tf.json, so not a stack's artifacts folder.");
        if (new FileInfo(main).Length > Manifest.MaxBytes)
            throw new InputException($"{main}: larger than {Manifest.MaxBytes >> 20} MiB.");
        JsonObject configuration;
        try
        {
            configuration = JsonNode.Parse(File.ReadAllText(main), documentOptions: new JsonDocumentOptions { MaxDepth = 256 }) as JsonObject
                ?? throw new InputException($"{main}: not a Terraform JSON configuration (not an object).");
        }
        catch (JsonException exception)
        {
            throw new InputException($"{main}: not valid JSON ({exception.Message}).");
        }
        Copy(artifacts, scratch);
        var workspace = new StackWorkspace(name, scratch, configuration);
        var text = File.ReadAllText(main);

        var overrides = new JsonObject
        {
            ["//"] = "Written by dslinfra plan for an offline plan: a local backend in a scratch folder, other stacks' state from stubs.",
            ["terraform"] = new JsonObject { ["backend"] = new JsonObject { ["local"] = new JsonObject { ["path"] = statePath } } },
        };
        var remote = new JsonObject();
        foreach (var producer in workspace.RemoteStates)
        {
            var outputs = OutputReads().Matches(text).Where(m => m.Groups["stack"].Value == producer).Select(m => m.Groups["output"].Value).Distinct(StringComparer.Ordinal);
            remote[producer] = new JsonObject { ["backend"] = "local", ["config"] = new JsonObject { ["path"] = stubState(producer, outputs) } };
        }
        if (remote.Count > 0)
            overrides["data"] = new JsonObject { ["terraform_remote_state"] = remote };
        File.WriteAllText(Path.Combine(scratch, OverrideFile), overrides.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

        var values = new JsonObject();
        foreach (var (variable, node) in configuration["variable"] as JsonObject ?? [])
            if (node is JsonObject declaration && !declaration.ContainsKey("default"))
                values[variable] = Placeholders.ForType((string?)declaration["type"] ?? "string");
        if (values.Count > 0)
            File.WriteAllText(Path.Combine(scratch, VariablesFile), values.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return workspace;
    }

    /// <summary>Registry and remote module calls: they would be downloaded at init, which an offline plan cannot do.</summary>
    public IEnumerable<(string Name, string Source)> RemoteModules =>
        (Configuration["module"] as JsonObject ?? [])
            .Select(m => (m.Key, Source: (string?)m.Value?["source"] ?? ""))
            .Where(m => !m.Source.StartsWith("./", StringComparison.Ordinal) && !m.Source.StartsWith("../", StringComparison.Ordinal));

    private static void Copy(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.EnumerateFiles(from))
        {
            var name = Path.GetFileName(file);
            // A previous real run's state and lock file are not the offline run's.
            if (name.EndsWith(".tfstate", StringComparison.Ordinal) || name.EndsWith(".tfstate.backup", StringComparison.Ordinal) || name.StartsWith("zz_dslinfra_offline", StringComparison.Ordinal))
                continue;
            File.Copy(file, Path.Combine(to, name), overwrite: true);
        }
        foreach (var directory in Directory.EnumerateDirectories(from))
            if (Path.GetFileName(directory) != ".terraform")
                Copy(directory, Path.Combine(to, Path.GetFileName(directory)));
    }

    [GeneratedRegex(@"data\.terraform_remote_state\.(?<stack>[A-Za-z_][A-Za-z0-9_-]*)\.outputs\.(?<output>[A-Za-z_][A-Za-z0-9_-]*)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex OutputReads();
}
