using DslInfra.Offline.Values;

namespace DslInfra.Offline.Server;

/// <summary>
/// Values a real provider computes while planning, not only at apply, where configurations rely on knowing them
/// at plan: without them an offline plan fails where the real one succeeds. Each entry says which provider code it
/// stands for.
/// </summary>
internal static class PlanTimeValues
{
    /// <summary>Fills <paramref name="planned"/> where the provider would; <paramref name="proposed"/> is what the configuration set.</summary>
    public static void Apply(string type, Dictionary<string, object?> proposed, Dictionary<string, object?> planned)
    {
        switch (type)
        {
            // aws_acm_certificate's CustomizeDiff fills domain_validation_options with one element per domain (the
            // domain_name and every subject alternative name): the names are known at plan, the DNS record is not.
            // DNS validation keys its records by them: for_each = { for dvo in ….domain_validation_options : dvo.domain_name => dvo }.
            case "aws_acm_certificate" when planned.GetValueOrDefault("domain_validation_options") is CtyValue.Unknown
                && planned.GetValueOrDefault("domain_name") is string domain
                && proposed.GetValueOrDefault("subject_alternative_names") is null or List<object?>:
            {
                var names = new List<string> { domain };
                if (proposed.GetValueOrDefault("subject_alternative_names") is List<object?> alternatives)
                {
                    if (alternatives.Any(a => a is not string))
                        return; // a name not known yet: the provider cannot know the set either
                    names.AddRange(alternatives.Cast<string>());
                }
                planned["domain_validation_options"] = names.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
                    .Select(name => (object?)new Dictionary<string, object?>(StringComparer.Ordinal)
                    {
                        ["domain_name"] = name,
                        ["resource_record_name"] = CtyValue.Unknown.Instance,
                        ["resource_record_type"] = CtyValue.Unknown.Instance,
                        ["resource_record_value"] = CtyValue.Unknown.Instance,
                    }).ToList();
                break;
            }
        }
    }
}
