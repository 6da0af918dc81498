using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;


namespace DslInfra.Offline.Planning;

/// <summary>
/// A stack's artifacts copied into a scratch folder for an offline plan, with an override file Terraform reads last:
/// a local backend in the scratch folder (never the real one), other stacks' remote state read from stub states, and
/// placeholder values for variables without a default. The artifacts folder itself is never touched.
/// </summary>
internal sealed partial class StackWorkspace
{
    /// <summary>The largest main.tf.json read; a 10,000-resource stack's is a few megabytes.</summary>
    public const long MaxConfigurationBytes = 64 << 20;

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
        var configuration = ReadConfiguration(artifacts);
        Copy(artifacts, scratch);
        var workspace = new StackWorkspace(name, scratch, configuration);
        var text = File.ReadAllText(Path.Combine(artifacts, "main.tf.json"));
        if (StubModules(configuration, text, scratch))
            File.WriteAllText(Path.Combine(scratch, "main.tf.json"), configuration.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

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
        var readAsFiles = FileReads().Matches(text).Select(m => m.Groups["name"].Value).ToHashSet(StringComparer.Ordinal);
        foreach (var (variable, node) in configuration["variable"] as JsonObject ?? [])
        {
            if (node is not JsonObject declaration || declaration.ContainsKey("default"))
                continue;
            if (readAsFiles.Contains(variable))
            {
                // A path Terraform reads (file(var.x), filebase64sha256(var.x)…): a file that exists.
                var placeholder = Path.Combine(scratch, ".dslinfra-placeholders", variable);
                Directory.CreateDirectory(Path.GetDirectoryName(placeholder)!);
                File.WriteAllText(placeholder, "placeholder for variable " + variable + "\n");
                values[variable] = placeholder;
            }
            else
            {
                values[variable] = VariablePlaceholders.ForType((string?)declaration["type"] ?? "string");
            }
        }
        if (values.Count > 0)
            File.WriteAllText(Path.Combine(scratch, VariablesFile), values.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return workspace;
    }

    /// <summary>A stack folder's main.tf.json, parsed; OfflinePlanException with one line when it is missing, too large or not JSON.</summary>
    public static JsonObject ReadConfiguration(string artifacts)
    {
        var main = Path.Combine(artifacts, "main.tf.json");
        if (!File.Exists(main))
            throw new OfflinePlanException($"{artifacts}: no main.tf.json, so not a stack's artifacts folder.");
        if (new FileInfo(main).Length > MaxConfigurationBytes)
            throw new OfflinePlanException($"{main}: larger than {MaxConfigurationBytes >> 20} MiB.");
        JsonObject configuration;
        try
        {
            configuration = JsonNode.Parse(File.ReadAllText(main), documentOptions: new JsonDocumentOptions { MaxDepth = 256 }) as JsonObject
                ?? throw new OfflinePlanException($"{main}: not a Terraform JSON configuration (not an object).");
        }
        catch (JsonException exception)
        {
            throw new OfflinePlanException($"{main}: not valid JSON ({exception.Message}).");
        }
        return configuration;
    }

    /// <summary>
    /// Registry and remote module calls would be downloaded at init, which an offline plan cannot do: each is pointed
    /// (in the scratch copy) at a stub module that takes every argument the call passes and gives every output the
    /// configuration reads, unknown of any type while planning. The module's own checks are therefore not made.
    /// </summary>
    private static bool StubModules(JsonObject configuration, string text, string scratch)
    {
        var stubbed = false;
        foreach (var (module, node) in configuration["module"] as JsonObject ?? [])
        {
            if (node is not JsonObject call || (string?)call["source"] is not { } source || source.StartsWith("./", StringComparison.Ordinal) || source.StartsWith("../", StringComparison.Ordinal))
                continue;
            var variables = new JsonObject();
            foreach (var (argument, _) in call)
                if (argument is not ("source" or "version" or "providers" or "count" or "for_each" or "depends_on" or "//"))
                    variables[argument] = new JsonObject { ["default"] = null };
            var outputs = new JsonObject();
            foreach (var output in ModuleOutputReads().Matches(text).Where(m => m.Groups["module"].Value == module).Select(m => m.Groups["output"].Value).Distinct(StringComparer.Ordinal))
                // jsondecode of a timestamp is unknown, of no fixed type, while planning: what a real module's output is until apply.
                outputs[output] = new JsonObject { ["value"] = "${try(jsondecode(timestamp()), null)}" };
            var stub = new JsonObject { ["//"] = $"dslinfra plan: a stand-in for {source}, which an offline plan does not download." };
            if (variables.Count > 0)
                stub["variable"] = variables;
            if (outputs.Count > 0)
                stub["output"] = outputs;
            var folder = Path.Combine(scratch, ".dslinfra-modules", module);
            Directory.CreateDirectory(folder);
            File.WriteAllText(Path.Combine(folder, "main.tf.json"), stub.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
            call["source"] = "./.dslinfra-modules/" + module;
            call.Remove("version");
            stubbed = true;
        }
        return stubbed;
    }

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

    [GeneratedRegex(@"\bmodule\.(?<module>[A-Za-z_][A-Za-z0-9_-]*)(\[[^\]]*\])?\.(?<output>[A-Za-z_][A-Za-z0-9_-]*)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex ModuleOutputReads();

    [GeneratedRegex(@"\b(file|filebase64|filebase64sha256|filebase64sha512|filesha256|filesha1|filesha512|filemd5|templatefile|fileexists)\(\s*var\.(?<name>[A-Za-z_][A-Za-z0-9_-]*)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex FileReads();

    [GeneratedRegex(@"data\.terraform_remote_state\.(?<stack>[A-Za-z_][A-Za-z0-9_-]*)\.outputs\.(?<output>[A-Za-z_][A-Za-z0-9_-]*)", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 2000)]
    private static partial Regex OutputReads();
}
