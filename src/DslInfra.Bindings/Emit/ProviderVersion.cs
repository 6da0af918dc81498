namespace DslInfra.Bindings.Emit;

/// <summary>A provider release as the registry numbers it: major.minor.patch, with an optional pre-release suffix.</summary>
public static class ProviderVersion
{
    public static bool IsValid(string version)
    {
        var dash = version.IndexOf('-');
        var core = dash < 0 ? version : version.Substring(0, dash);
        var parts = core.Split('.');
        return parts.Length == 3 && parts.All(p => p.Length is > 0 and <= 9 && p.All(char.IsAsciiDigit))
            && (dash < 0 || (dash < version.Length - 1 && version.Substring(dash + 1).All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-')));
    }
}
