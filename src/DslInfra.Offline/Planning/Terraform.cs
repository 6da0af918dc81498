using System.Diagnostics;
using System.Text;


namespace DslInfra.Offline.Planning;

/// <summary>
/// The user's own terraform, run in a scratch folder against the offline providers: no credentials, no CLI
/// configuration of the user's (a provider mirror or a credentials helper there would reach the network), no prompts.
/// </summary>
internal sealed class Terraform(string executable, string reattach, string cliConfig, TimeSpan timeout)
{
    /// <summary>The oldest Terraform this works with: plan JSON with configuration references and import blocks need 1.5.</summary>
    public static readonly Version Minimum = new(1, 5, 0);

    public string Executable => executable;

    /// <summary>The terraform on PATH (or <paramref name="given"/>), and its version; OfflinePlanException with one line when there is none usable.</summary>
    public static (string Path, Version Version) Find(string? given)
    {
        var path = given ?? FindOnPath("terraform") ?? throw new OfflinePlanException("terraform was not found on PATH: install Terraform 1.5 or later, or pass --terraform <path>.");
        if (given is not null && !File.Exists(given))
            throw new OfflinePlanException($"{given}: no such terraform executable.");
        var (code, output) = RunOnce(path, ["version", "-json"], System.Environment.CurrentDirectory, new Dictionary<string, string?>(), TimeSpan.FromSeconds(30));
        var text = System.Text.RegularExpressions.Regex.Match(output, "\"terraform_version\"\\s*:\\s*\"(\\d+\\.\\d+\\.\\d+)");
        if (code != 0 || !text.Success || !Version.TryParse(text.Groups[1].Value, out var version))
            throw new OfflinePlanException($"{path} does not answer 'terraform version -json': is it Terraform?");
        if (version < Minimum)
            throw new OfflinePlanException($"{path} is Terraform {version}; dslinfra plan needs {Minimum.ToString(3)} or later.");
        return (path, version);
    }

    private readonly List<string> timings = [];

    /// <summary>Runs one terraform command in <paramref name="folder"/>: its exit code and its output (stdout and stderr together).</summary>
    public (int ExitCode, string Output) Run(string folder, params string[] arguments)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            return RunOnce(executable, arguments, folder, Settings(), timeout);
        }
        finally
        {
            timings.Add($"{arguments[0]} {clock.Elapsed.TotalSeconds.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)} s");
        }
    }

    /// <summary>The commands run since the last call, each with its time: "init 0.9 s, plan 1.2 s".</summary>
    public string TakeTimings()
    {
        var text = string.Join(", ", timings);
        timings.Clear();
        return text;
    }

    private Dictionary<string, string?> Settings() => new()
    {
        ["TF_REATTACH_PROVIDERS"] = reattach,
        ["TF_CLI_CONFIG_FILE"] = cliConfig,
        ["CHECKPOINT_DISABLE"] = "1",
        ["TF_IN_AUTOMATION"] = "1",
        ["TF_INPUT"] = "0",
        // The user's settings for real runs must not steer this one.
        ["TF_DATA_DIR"] = null,
        ["TF_WORKSPACE"] = null,
        ["TF_LOG"] = null,
        ["TF_CLI_ARGS"] = null,
        ["TF_CLI_ARGS_init"] = null,
        ["TF_CLI_ARGS_plan"] = null,
        ["TF_CLI_ARGS_apply"] = null,
    };

    private static (int, string) RunOnce(string executable, IEnumerable<string> arguments, string folder, Dictionary<string, string?> environment, TimeSpan timeout)
    {
        var start = new ProcessStartInfo(executable)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        foreach (var (name, value) in environment)
        {
            if (value is null)
                start.Environment.Remove(name);
            else
                start.Environment[name] = value;
        }
        using var process = Process.Start(start) ?? throw new OfflinePlanException($"cannot start {executable}");
        process.StandardInput.Close();
        var output = new StringBuilder();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(timeout))
        {
            try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
            throw new OfflinePlanException($"terraform {string.Join(' ', arguments)} took longer than {timeout.TotalSeconds:0} s and was stopped.");
        }
        output.Append(stdout.Result).Append(stderr.Result);
        return (process.ExitCode, output.ToString());
    }

    private static string? FindOnPath(string name) =>
        (System.Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(directory => Path.Combine(directory, name))
            .FirstOrDefault(File.Exists);
}
