namespace DslInfra.Cli.Tests;

/// <summary>Runs the dslinfra command line in-process, capturing what it prints and its exit code.</summary>
internal static class Cli
{
    public static string Plan(string name) => Path.Combine(AppContext.BaseDirectory, "Plans", name);

    public static (int Exit, string Output, string Error) Run(params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var exit = Program.Run(args, output, error);
        return (exit, output.ToString(), error.ToString());
    }
}
