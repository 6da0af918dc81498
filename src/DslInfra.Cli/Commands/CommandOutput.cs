using System.CommandLine;
using System.Text;
using DslInfra.Cli.Output;

namespace DslInfra.Cli.Commands;

/// <summary>Options every reporting command shares, and where its report goes.</summary>
internal static class CommandOutput
{
    public static Option<string> Format(params OutputFormat[] allowed)
    {
        var names = allowed.Select(f => f.ToString().ToLowerInvariant()).ToArray();
        var option = new Option<string>("--format", "-f")
        {
            Description = "Output format: " + string.Join(", ", names) + ".",
            DefaultValueFactory = _ => "text",
        };
        option.AcceptOnlyFromAmong(names);
        return option;
    }

    public static OutputFormat FormatOf(string? name) => Enum.Parse<OutputFormat>(name ?? "text", ignoreCase: true);

    public static Option<string?> File() => new("--output", "-o") { Description = "Write the report to this file instead of standard output." };

    /// <summary>Writes the report: UTF-8 without BOM, LF, to the file or the console.</summary>
    public static void Emit(string report, string? file, TextWriter output)
    {
        if (file is null)
        {
            output.Write(report);
            return;
        }
        System.IO.File.WriteAllText(file, report, new UTF8Encoding(false));
    }

    /// <summary>Runs a command body: bad input is exit 2 with a message that names the file and the problem.</summary>
    public static int Guard(TextWriter error, Func<int> body)
    {
        try
        {
            return body();
        }
        catch (Exception exception) when (exception is Review.InputException or Plans.PlanException or DslInfra.Offline.Planning.OfflinePlanException)
        {
            error.WriteLine("dslinfra: " + Printable.Of(exception.Message));
            return Program.BadInput;
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            error.WriteLine("dslinfra: " + Printable.Of(exception.Message));
            return Program.BadInput;
        }
    }

    /// <summary>Whether a person is watching: colour and tables only then.</summary>
    public static bool IsTerminal(TextWriter output) =>
        ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null;
}
