using System.Diagnostics;
using System.Globalization;

namespace DslInfra.Cli.Deploy;

/// <summary>One step of a deploy (a terraform, packer, docker or aws run): progress on stderr with its time, and what it printed.</summary>
internal sealed class DeploySteps(TextWriter progress)
{
    public TextWriter Progress => progress;

    /// <summary>Runs <paramref name="program"/> in <paramref name="folder"/>; a program that cannot start is exit 127, with why.</summary>
    public (int Exit, string Stdout, string Stderr) Run(string stack, string step, string program, string folder, IEnumerable<string> arguments, bool automation = false)
    {
        var watch = Stopwatch.StartNew();
        progress.WriteLine($"dslinfra deploy: [{stack}] {step}…");
        var start = new ProcessStartInfo(program) { WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        if (automation)
            start.Environment["TF_IN_AUTOMATION"] = "1";
        Process? process;
        try
        {
            process = Process.Start(start);
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            return (127, "", $"cannot start {program}: {exception.Message}");
        }
        if (process is null)
            return (127, "", $"cannot start {program}");
        using (process)
        {
            var stderr = process.StandardError.ReadToEndAsync();
            var stdout = process.StandardOutput.ReadToEnd();
            process.WaitForExit();
            progress.WriteLine(string.Create(CultureInfo.InvariantCulture, $"dslinfra deploy: [{stack}] {step} done in {watch.Elapsed.TotalSeconds:F1} s (exit {process.ExitCode})"));
            return (process.ExitCode, stdout, stderr.Result);
        }
    }
}
