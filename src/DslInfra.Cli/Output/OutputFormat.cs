namespace DslInfra.Cli.Output;

/// <summary>How a command prints its result: text for people, Markdown for a PR comment, JSON for scripts, SARIF for code scanning.</summary>
internal enum OutputFormat
{
    Text,
    Markdown,
    Json,
    Sarif,
}
