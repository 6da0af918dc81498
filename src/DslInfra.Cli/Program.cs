using System.CommandLine;
using DslInfra.Cli.Commands;

namespace DslInfra.Cli;

/// <summary>dslinfra: code review of DslInfra stacks. Exit codes: 0 pass, 1 policy violation or failed build, 2 bad input or usage.</summary>
public static class Program
{
    public const int Pass = 0;
    public const int Violation = 1;
    public const int BadInput = 2;

    public static int Main(string[] args) => Run(args, Console.Out, Console.Error);

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var verbose = new Option<bool>("--verbose") { Description = "On an internal error, print its stack trace too.", Recursive = true };
        // A plain command named as users type it: a RootCommand takes the assembly's name (DslInfra.Cli) for usage lines.
        var root = new Command("dslinfra", "Review DslInfra infrastructure: synthesize stacks, diff generated artifacts, and gate Terraform plans on in-place updates.")
        {
            new System.CommandLine.Help.HelpOption(),
            new VersionOption(),
            SynthCommand.Create(output, error),
            DiffCommand.Create(output, error),
            GraphCommand.Create(output, error),
            ReviewCommand.Create(output, error),
            PlanCommand.Create(output, error),
            DeployCommand.Create(output, error),
            DeployCommand.CreateDestroy(output, error),
            BindingsCommand.Create(output, error),
            verbose,
        };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors)
                error.WriteLine("dslinfra: " + parseError.Message);
            error.WriteLine("Run 'dslinfra --help' for usage.");
            return BadInput;
        }
        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // A gate must never read a crash as "violation" (exit 1): anything unexpected is exit 2, on one line.
            var input = args.FirstOrDefault(a => !a.StartsWith('-') && a is not ("review" or "diff" or "graph" or "synth" or "bindings" or "plan")) ?? "the input";
            error.WriteLine($"dslinfra: internal error while reading {input}: {exception.GetType().Name}: {Plans.JsonChecks.Reason(exception)}"
                + (parsed.GetValue(verbose) ? "" : " (run with --verbose for details)"));
            if (parsed.GetValue(verbose))
                error.WriteLine(exception.ToString());
            return BadInput;
        }
    }
}
