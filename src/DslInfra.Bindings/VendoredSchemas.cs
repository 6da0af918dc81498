using DslInfra.Bindings.Schema;

namespace DslInfra.Bindings;

/// <summary>
/// The provider schemas that ship inside DslInfra (src/DslInfra.Providers/schemas, with their provenance):
/// typed records for these need no `terraform providers schema -json` of one's own.
/// </summary>
public static class VendoredSchemas
{
    /// <summary>Each vendored provider's local name and the version its schema was taken from.</summary>
    public static IReadOnlyDictionary<string, string> Versions { get; } = new SortedDictionary<string, string>(StringComparer.Ordinal)
    {
        ["aws"] = "6.47.0",
        ["azurerm"] = "4.79.0",
        ["google"] = "6.50.0",
        ["kubernetes"] = "2.38.0",
    };

    /// <summary>The vendored schema of a provider, or null when none ships.</summary>
    public static ProviderSchema? Load(string provider)
    {
        if (!Versions.ContainsKey(provider))
            return null;
        using var stream = typeof(VendoredSchemas).Assembly.GetManifestResourceStream(provider + ".schema.json.gz")
            ?? throw new SchemaException($"the {provider} schema is missing from this build of DslInfra.Bindings.");
        using var gzip = new System.IO.Compression.GZipStream(stream, System.IO.Compression.CompressionMode.Decompress);
        return ProviderSchemaFile.Read(gzip, provider + ".schema.json.gz").Providers.Single();
    }
}
