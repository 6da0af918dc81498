namespace DslInfra.Cli.Diff;

/// <summary>
/// Arguments whose change forces the provider to replace a resource (ForceNew in its source), from the one catalog
/// (DslInfra.Catalog.TypeCatalog): how `diff` says *why* a change replaces.
/// </summary>
internal static class ReplacementRules
{

    /// <summary>The changed arguments that force replacement, in order.</summary>
    public static IReadOnlyList<string> Forcing(string type, IEnumerable<string> changed, IReadOnlyDictionary<string, bool> extra)
    {
        var forcing = new List<string>();
        foreach (var argument in changed)
        {
            if (Catalog.TypeCatalog.ForcesReplacementOf(type, argument))
                forcing.Add(argument);
            else if (type == "aws_instance" && argument == "user_data" && extra.GetValueOrDefault("user_data_replace_on_change"))
                forcing.Add(argument);
        }
        return forcing;
    }
}
