using System.Text.Json;

namespace DslInfra.Cli.Plans;

/// <summary>A plan file that cannot be reviewed: missing, not JSON, truncated, not a plan, or of an unknown format.</summary>
internal sealed class PlanException(string message) : Exception(message);

/// <summary>
/// Reads Terraform's machine-readable plan (<c>terraform show -json plan.tfplan</c>), every format_version
/// Terraform 0.12 and later wrote (0.x and 1.x), streaming: only resource_changes and resource_drift are kept.
/// </summary>
internal static class PlanReader
{
    public static Plan Read(string path)
    {
        if (Directory.Exists(path))
            throw new PlanException($"{path}: is a directory; give the plan's JSON file (terraform show -json plan.tfplan > plan.json).");
        if (!File.Exists(path))
            throw new PlanException($"{path}: no such file.");
        if (new FileInfo(path).Length == 0)
            throw new PlanException($"{path}: not valid JSON (the file is empty). Give the output of `terraform show -json plan.tfplan`, whole.");
        try
        {
            using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1, FileOptions.SequentialScan);
            return Read(stream, path);
        }
        catch (IOException exception)
        {
            throw new PlanException($"{path}: cannot be read: {exception.Message}");
        }
    }

    public static Plan Read(Stream stream, string name)
    {
        try
        {
            using var json = new JsonTokenStream(stream);
            return ReadPlan(json, name);
        }
        catch (JsonException exception)
        {
            throw new PlanException($"{name}: not valid JSON ({JsonChecks.Reason(exception)}). Give the output of `terraform show -json plan.tfplan`, whole.");
        }
        catch (JsonEncodingException exception)
        {
            throw new PlanException($"{name}: {exception.Message}.");
        }
    }

    private static Plan ReadPlan(JsonTokenStream json, string name)
    {
        if (!json.Read() || json.TokenType != JsonTokenType.StartObject)
            throw new PlanException($"{name}: not a Terraform plan: the file is not a JSON object.");

        string? formatVersion = null, terraformVersion = null;
        var changes = new List<ResourceChange>();
        var drift = new List<ResourceChange>();
        bool errored = false, sawPlanPart = false, sawResourceChanges = false;
        bool? complete = null;
        while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            var property = json.GetString();
            switch (property)
            {
                case "format_version":
                    formatVersion = ReadString(json, name, property);
                    break;
                case "terraform_version":
                    terraformVersion = ReadString(json, name, property);
                    break;
                case "resource_changes":
                    sawResourceChanges = true;
                    ReadChanges(json, name, property, changes, deriveAddress: false);
                    break;
                case "resource_drift":
                    // Terraform 1.0.0 wrote drift entries without "address": derive it rather than refuse a released plan.
                    ReadChanges(json, name, property, drift, deriveAddress: true);
                    break;
                case "errored":
                    errored = ReadBool(json, name, property);
                    break;
                case "complete":
                    complete = ReadBool(json, name, property);
                    break;
                case "planned_values" or "prior_state" or "configuration" or "output_changes":
                    sawPlanPart = true;
                    json.Skip();
                    break;
                default:
                    json.Skip();
                    break;
            }
        }
        if (json.TokenType != JsonTokenType.EndObject)
            throw new PlanException($"{name}: not a Terraform plan: unexpected content at the top level.");
        if (json.Read())
            throw new PlanException($"{name}: there is more after the plan's closing brace.");

        if (formatVersion is null)
            throw new PlanException($"{name}: not a Terraform plan: it has no format_version. Give the output of `terraform show -json plan.tfplan`.");
        CheckFormatVersion(formatVersion, name);
        if (!sawPlanPart && !sawResourceChanges)
            throw new PlanException($"{name}: this is not a plan (no planned_values or resource_changes; is it `terraform show -json` of a state?).");
        return new Plan(formatVersion, terraformVersion, changes, drift, errored, complete);
    }

    private static void CheckFormatVersion(string version, string name)
    {
        var major = version.Split('.')[0];
        if (major is not ("0" or "1"))
            throw new PlanException($"{name}: plan format_version {version} has a major version this dslinfra does not know (it reads 0.x and 1.x); upgrade dslinfra.");
    }

    private static void ReadChanges(JsonTokenStream json, string name, string property, List<ResourceChange> into, bool deriveAddress)
    {
        if (!json.Read() || json.TokenType == JsonTokenType.Null)
            return;
        if (json.TokenType != JsonTokenType.StartArray)
            throw new PlanException($"{name}: {property} is not an array.");
        var index = 0;
        while (json.Read() && json.TokenType != JsonTokenType.EndArray)
        {
            if (json.TokenType != JsonTokenType.StartObject)
                throw new PlanException($"{name}: {property}[{index}] is not an object.");
            into.Add(ReadChange(json, name, $"{property}[{index}]", deriveAddress));
            index++;
        }
    }

    private static ResourceChange ReadChange(JsonTokenStream json, string name, string where, bool deriveAddress)
    {
        string? address = null, previous = null, module = null, mode = null, type = null, resourceName = null, deposed = null, reason = null, index = null;
        List<string>? actions = null;
        List<string> replacePaths = [];
        System.Text.Json.Nodes.JsonNode? before = null, after = null;
        var compared = deriveAddress; // drift entries: what changed is worth the reading
        var budget = DriftPaths.TokenBudget;
        var importing = false;
        while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
        {
            var property = json.GetString();
            switch (property)
            {
                case "address": address = ReadString(json, name, where + ".address"); break;
                case "previous_address": previous = ReadString(json, name, where + ".previous_address"); break;
                case "module_address": module = ReadString(json, name, where + ".module_address"); break;
                case "mode": mode = ReadString(json, name, where + ".mode"); break;
                case "type": type = ReadString(json, name, where + ".type"); break;
                case "name": resourceName = ReadString(json, name, where + ".name"); break;
                case "deposed": deposed = ReadString(json, name, where + ".deposed"); break;
                case "action_reason": reason = ReadString(json, name, where + ".action_reason"); break;
                case "index": index = ReadIndex(json, name, where + ".index"); break;
                case "change":
                    if (!json.Read() || json.TokenType != JsonTokenType.StartObject)
                        throw new PlanException($"{name}: {where}.change is not an object.");
                    while (json.Read() && json.TokenType == JsonTokenType.PropertyName)
                    {
                        var changeProperty = json.GetString();
                        if (changeProperty == "actions")
                            actions = ReadStrings(json, name, where + ".change.actions");
                        else if (changeProperty == "replace_paths")
                            replacePaths = ReadPaths(json, name, where + ".change.replace_paths");
                        else if (compared && changeProperty is "before" or "after")
                        {
                            var side = DriftPaths.ReadValue(json, ref budget, out var tooLarge);
                            compared = !tooLarge;
                            if (changeProperty == "before")
                                before = side;
                            else
                                after = side;
                        }
                        else if (changeProperty == "importing")
                        {
                            json.Read();
                            importing = json.TokenType == JsonTokenType.StartObject;
                            json.Skip();
                        }
                        else
                            json.Skip();
                    }
                    break;
                default:
                    json.Skip();
                    break;
            }
        }
        if (address is null && deriveAddress && type is not null && resourceName is not null)
            address = (module is null ? "" : module + ".") + (mode == "data" ? "data." : "") + type + "." + resourceName + index;
        if (address is null || actions is null)
            throw new PlanException($"{name}: {where} has no {(address is null ? "address" : "change.actions")}; the plan is not in Terraform's JSON format.");
        return new ResourceChange(address, previous, module, mode ?? "managed", type ?? "", resourceName ?? "", deposed, actions, reason, importing, replacePaths,
            deriveAddress && compared ? DriftPaths.Between(before, after) : null);
    }

    private static string? ReadString(JsonTokenStream json, string name, string where)
    {
        json.Read();
        return json.TokenType switch
        {
            JsonTokenType.String => json.GetString(),
            JsonTokenType.Null => null,
            _ => throw new PlanException($"{name}: {where} is not a string."),
        };
    }

    /// <summary>An instance key as Terraform writes it in an address: [0] for count, ["key"] for for_each.</summary>
    private static string? ReadIndex(JsonTokenStream json, string name, string where)
    {
        json.Read();
        return json.TokenType switch
        {
            JsonTokenType.Number => "[" + json.GetString() + "]",
            JsonTokenType.String => "[\"" + json.GetString().Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"]",
            JsonTokenType.Null => null,
            _ => throw new PlanException($"{name}: {where} is neither a number nor a string."),
        };
    }

    private static bool ReadBool(JsonTokenStream json, string name, string where)
    {
        json.Read();
        return json.TokenType switch
        {
            JsonTokenType.True => true,
            JsonTokenType.False => false,
            _ => throw new PlanException($"{name}: {where} is not true or false."),
        };
    }

    /// <summary>
    /// replace_paths: the attribute paths that force a replacement, each a list of steps (a name, or an index or key),
    /// written as Terraform writes them in messages: <c>ebs_block_device[0].volume_size</c>. Null is "none".
    /// </summary>
    private static List<string> ReadPaths(JsonTokenStream json, string name, string where)
    {
        json.Read();
        if (json.TokenType == JsonTokenType.Null)
            return [];
        if (json.TokenType != JsonTokenType.StartArray)
            throw new PlanException($"{name}: {where} is not an array.");
        var paths = new List<string>();
        while (json.Read() && json.TokenType != JsonTokenType.EndArray)
        {
            if (json.TokenType != JsonTokenType.StartArray)
                throw new PlanException($"{name}: {where} holds something other than paths (arrays of steps).");
            var path = new System.Text.StringBuilder();
            while (json.Read() && json.TokenType != JsonTokenType.EndArray)
            {
                switch (json.TokenType)
                {
                    case JsonTokenType.String when path.Length == 0:
                        path.Append(json.GetString());
                        break;
                    case JsonTokenType.String:
                        // A step after the first is an attribute or a map key; Terraform's messages write both with dots and brackets alike.
                        path.Append('.').Append(json.GetString());
                        break;
                    case JsonTokenType.Number:
                        path.Append('[').Append(json.GetString()).Append(']');
                        break;
                    default:
                        throw new PlanException($"{name}: {where} has a step that is neither a name nor an index.");
                }
            }
            paths.Add(path.ToString());
        }
        return paths;
    }

    private static List<string> ReadStrings(JsonTokenStream json, string name, string where)
    {
        if (!json.Read() || json.TokenType != JsonTokenType.StartArray)
            throw new PlanException($"{name}: {where} is not an array.");
        var items = new List<string>();
        while (json.Read() && json.TokenType != JsonTokenType.EndArray)
        {
            if (json.TokenType != JsonTokenType.String)
                throw new PlanException($"{name}: {where} holds something other than strings.");
            items.Add(json.GetString());
        }
        return items;
    }
}
