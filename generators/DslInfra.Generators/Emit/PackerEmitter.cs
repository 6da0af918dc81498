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
        var build = image.Machine!;
        var source = new JsonObject();
        if (publishedName is not null)
            source.Add("ami_name", Literal(publishedName));
        Add(source, "instance_type", build.InstanceType);
        Add(source, "region", build.Region);
        Add(source, "ssh_username", build.SshUsername);
        Add(source, "source_ami", build.SourceAmi);
        if (build.SourceAmiFilter is { } filter)
        {
            var filters = new JsonObject()
                .Add("name", Literal(filter.Name))
                .Add("root-device-type", Json.String("ebs"))
                .Add("virtualization-type", Json.String("hvm"));
            if (filter.Architecture is { } architecture)
                filters.Add("architecture", Literal(architecture));
            var sourceFilter = new JsonObject().Add("filters", filters).Add("owners", Strings(filter.Owners));
            if (filter.MostRecent is { } mostRecent)
                sourceFilter.Add("most_recent", Json.Bool(mostRecent));
            source.Add("source_ami_filter", sourceFilter);
        }
        if (build.Volumes.Count > 0)
        {
            var mappings = new JsonArray();
            foreach (var volume in build.Volumes)
            {
                var mapping = new JsonObject();
                Add(mapping, "device_name", volume.DeviceName);
                if (volume.VolumeSize is { } size)
                    mapping.Add("volume_size", Json.Raw(size));
                Add(mapping, "volume_type", volume.VolumeType);
                if (volume.DeleteOnTermination is { } delete)
                    mapping.Add("delete_on_termination", Json.Bool(delete));
                // gp3's baseline written out: some amazon-ebs builders reject a gp3 volume without them.
                var gp3 = volume.VolumeType == "gp3";
                if (volume.Throughput is { } throughput)
                    mapping.Add("throughput", Json.Raw(throughput));
                else if (gp3)
                    mapping.Add("throughput", Json.Raw("125"));
                if (volume.Iops is { } iops)
                    mapping.Add("iops", Json.Raw(iops));
                else if (gp3)
                    mapping.Add("iops", Json.Raw("3000"));
                mappings.Add(mapping);
            }
            source.Add("launch_block_device_mappings", mappings);
        }
        if (build.Tags is { } tags)
            source.Add("tags", Map(tags));
        if (build.AmiRegions.Count > 0)
            source.Add("ami_regions", Strings(build.AmiRegions));
        if (build.AmiUsers.Count > 0)
            source.Add("ami_users", Strings(build.AmiUsers));

        var packerBuild = new JsonObject().Add("sources", new JsonArray().Add(Json.String("source.amazon-ebs." + image.Name)));
        var provisioners = Provisioners(build.Provisioners);
        if (provisioners.Items.Count > 0)
            packerBuild.Add("provisioner", provisioners);

        // Packer's HCL2 JSON: blocks as objects keyed by type and labels; top-level order fixed, everything inside sorted.
        var root = new JsonObject(sorted: false);
        if (requiredPlugins)
            root.Add("packer", new JsonObject().Add("required_plugins", new JsonObject().Add("amazon",
                new JsonObject().Add("source", Json.String("github.com/hashicorp/amazon")).Add("version", Json.String(AmazonPluginVersion)))));
        root.Add("source", new JsonObject().Add("amazon-ebs", new JsonObject().Add(image.Name, source)));
        root.Add("build", new JsonArray().Add(packerBuild));
        return root;
    }

    private static JsonArray Provisioners(EquatableArray<ProvisionerSpec> provisioners)
    {
        var steps = new JsonArray();
        foreach (var step in provisioners)
        {
            var settings = new JsonObject();
            string type;
            if (step.IsFileUpload)
            {
                type = "file";
                Add(settings, "source", FromTemplate(step.Source));
                Add(settings, "destination", step.Destination);
            }
            else
            {
                type = "shell";
                if (step.Inline is { } inline)
                    settings.Add("inline", Strings(inline));
                Add(settings, "script", FromTemplate(step.Script));
                if (step.Environment is { } environment)
                {
                    // Packer exports each KEY=value quoted itself; the value travels as data, never as shell text.
                    var variables = new JsonArray();
                    foreach (var entry in environment)
                        variables.Add(Literal(entry.Key + "=" + entry.Value));
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

    private static JsonArray Strings(EquatableArray<string> items)
    {
        var array = new JsonArray();
        foreach (var item in items)
            array.Add(Literal(item));
        return array;
    }

    private static JsonObject Map(EquatableArray<TextEntry> entries)
    {
        var json = new JsonObject();
        foreach (var entry in entries)
            json.Add(Hcl.EscapeTemplate(entry.Key), Literal(entry.Value));
        return json;
    }
}
