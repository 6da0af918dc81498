using System.Collections.Generic;
using System.Linq;
using DslInfra.Generators.Model;

namespace DslInfra.Generators.Emit;

/// <summary>
/// Writes an image as a Packer template in HCL2 JSON syntax (images/&lt;name&gt;.pkr.json). Packer reads every
/// attribute string as an HCL template, as Terraform does, so each user string goes through <see cref="Literal"/>.
/// </summary>
internal static class PackerEmitter
{
    public const string AmazonPluginVersion = ">= 1.3.0";

    /// <summary>The template; <paramref name="publishedName"/> is null for the hashed form, which leaves the name out.</summary>
    public static JsonObject Template(ImageSpec image, string? publishedName, bool requiredPlugins = true)
    {
        var body = image.Body;
        var source = new JsonObject();
        if (publishedName is not null)
            source.Add("ami_name", Literal(publishedName));
        Add(source, "instance_type", body.GetString("InstanceType"));
        Add(source, "region", body.GetString("Region"));
        Add(source, "ssh_username", body.GetString("SshUsername"));
        Add(source, "source_ami", body.GetString("SourceAmi"));
        if (body.Get("SourceAmiFilter") is ObjectValue filter)
        {
            var filters = new JsonObject()
                .Add("name", Literal(filter.GetString("Name") ?? ""))
                .Add("root-device-type", Json.String("ebs"))
                .Add("virtualization-type", Json.String("hvm"));
            if (filter.GetString("Architecture") is { } architecture)
                filters.Add("architecture", Literal(architecture));
            var sourceFilter = new JsonObject().Add("filters", filters).Add("owners", Strings(filter.Get("Owners")));
            if (filter.Get("MostRecent") is BoolValue mostRecent)
                sourceFilter.Add("most_recent", Json.Bool(mostRecent.Flag));
            source.Add("source_ami_filter", sourceFilter);
        }
        if (body.Get("Volumes") is ListValue { Items.Count: > 0 } volumes)
        {
            var mappings = new JsonArray();
            foreach (var volume in volumes.Items.OfType<ObjectValue>())
            {
                var mapping = new JsonObject();
                Add(mapping, "device_name", volume.GetString("DeviceName"));
                if (volume.Get("VolumeSize") is NumberValue size)
                    mapping.Add("volume_size", Json.Raw(size.Text));
                Add(mapping, "volume_type", volume.GetString("VolumeType"));
                if (volume.Get("DeleteOnTermination") is BoolValue delete)
                    mapping.Add("delete_on_termination", Json.Bool(delete.Flag));
                // gp3's baseline written out: some amazon-ebs builders reject a gp3 volume without them.
                var gp3 = volume.GetString("VolumeType") == "gp3";
                if (volume.Get("Throughput") is NumberValue throughput)
                    mapping.Add("throughput", Json.Raw(throughput.Text));
                else if (gp3)
                    mapping.Add("throughput", Json.Raw("125"));
                if (volume.Get("Iops") is NumberValue iops)
                    mapping.Add("iops", Json.Raw(iops.Text));
                else if (gp3)
                    mapping.Add("iops", Json.Raw("3000"));
                mappings.Add(mapping);
            }
            source.Add("launch_block_device_mappings", mappings);
        }
        if (body.Get("Tags") is MapValue tags)
            source.Add("tags", Map(tags));
        if (body.Get("AmiRegions") is ListValue { Items.Count: > 0 } regions)
            source.Add("ami_regions", Strings(regions));
        if (body.Get("AmiUsers") is ListValue { Items.Count: > 0 } users)
            source.Add("ami_users", Strings(users));

        var build = new JsonObject().Add("sources", new JsonArray().Add(Json.String("source.amazon-ebs." + image.Name)));
        var provisioners = Provisioners(body);
        if (provisioners.Items.Count > 0)
            build.Add("provisioner", provisioners);

        // Packer's HCL2 JSON: blocks as objects keyed by type and labels; top-level order fixed, everything inside sorted.
        var root = new JsonObject(sorted: false);
        if (requiredPlugins)
            root.Add("packer", new JsonObject().Add("required_plugins", new JsonObject().Add("amazon",
                new JsonObject().Add("source", Json.String("github.com/hashicorp/amazon")).Add("version", Json.String(AmazonPluginVersion)))));
        root.Add("source", new JsonObject().Add("amazon-ebs", new JsonObject().Add(image.Name, source)));
        root.Add("build", new JsonArray().Add(build));
        return root;
    }

    private static JsonArray Provisioners(ObjectValue body)
    {
        var steps = new JsonArray();
        if (body.Get("Provisioners") is not ListValue list)
            return steps;
        foreach (var step in list.Items.OfType<ObjectValue>())
        {
            var settings = new JsonObject();
            string type;
            if (step.Type.Name == "FileUpload")
            {
                type = "file";
                Add(settings, "source", FromTemplate(step.GetString("Source")));
                Add(settings, "destination", step.GetString("Destination"));
            }
            else
            {
                type = "shell";
                if (step.Get("Inline") is ListValue inline)
                    settings.Add("inline", Strings(inline));
                Add(settings, "script", FromTemplate(step.GetString("Script")));
                if (step.Get("Environment") is MapValue environment)
                {
                    // Packer exports each KEY=value quoted itself; the value travels as data, never as shell text.
                    var variables = new JsonArray();
                    foreach (var entry in environment.Entries)
                        variables.Add(Literal(entry.Key + "=" + (entry.Value as StringValue)?.Text));
                    settings.Add("environment_vars", variables);
                }
            }
            steps.Add(new JsonObject().Add(type, settings));
        }
        return steps;
    }

    /// <summary>A project file as the template sees it: copied beside it, found from Packer's path.root.</summary>
    private static Json? FromTemplate(string? file) => file is null ? null : Json.String("${path.root}/" + Hcl.EscapeTemplate(file.Replace('\\', '/')));

    /// <summary>User text as Packer reads it back literally: <c>${</c> and <c>%{</c> escaped.</summary>
    private static Json Literal(string text) => Json.String(Hcl.EscapeTemplate(text));

    private static void Add(JsonObject json, string key, string? value)
    {
        if (value is not null)
            json.Add(key, Literal(value));
    }

    private static void Add(JsonObject json, string key, Json? value)
    {
        if (value is not null)
            json.Add(key, value);
    }

    private static JsonArray Strings(Value? list)
    {
        var array = new JsonArray();
        if (list is ListValue items)
            foreach (var item in items.Items)
                array.Add(Literal((item as StringValue)?.Text ?? ""));
        return array;
    }

    private static JsonObject Map(MapValue map)
    {
        var json = new JsonObject();
        foreach (var entry in map.Entries)
            json.Add(Hcl.EscapeTemplate(entry.Key), Literal((entry.Value as StringValue)?.Text ?? ""));
        return json;
    }
}
