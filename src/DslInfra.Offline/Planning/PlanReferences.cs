using System.Text.Json;

namespace DslInfra.Offline.Planning;

/// <summary>
/// What Terraform says a configuration refers to: the <c>references</c> (and <c>depends_on</c>) lists of the expressions
/// in a plan's <c>configuration</c> (terraform show -json), so a test can tell a reference from a copied value.
/// </summary>
public static class PlanReferences
{
    /// <summary>Adds every reference under <paramref name="element"/> (a resource's configuration, or one argument's expression) to <paramref name="found"/>.</summary>
    public static void Collect(JsonElement element, ICollection<string> found)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var property in element.EnumerateObject())
                {
                    if (property.Name is "references" or "depends_on" && property.Value.ValueKind == JsonValueKind.Array)
                    {
                        foreach (var reference in property.Value.EnumerateArray())
                            if (reference.GetString() is { } text && !found.Contains(text))
                                found.Add(text);
                    }
                    else
                    {
                        Collect(property.Value, found);
                    }
                }
                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                    Collect(item, found);
                break;
        }
    }
}
