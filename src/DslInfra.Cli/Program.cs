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
        var root = new RootCommand("Review DslInfra infrastructure: synthesize stacks, diff generated artifacts, and gate Terraform plans on in-place updates.")
        {
            SynthCommand.Create(output, error),
            DiffCommand.Create(output, error),
            ReviewCommand.Create(output, error),
        };
        var parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            foreach (var parseError in parsed.Errors)
                error.WriteLine("dslinfra: " + parseError.Message);
            error.WriteLine("Run 'dslinfra --help' for usage.");
            return BadInput;
        }
        return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error });
    }
}
