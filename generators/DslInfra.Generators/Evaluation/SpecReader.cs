using System.Linq;
using DslInfra.Generators.Model;

namespace DslInfra.Generators.Evaluation;

/// <summary>
/// Reads the DSL's own properties of an evaluated record (meta-arguments, lifecycle, conditions, image settings) into
/// typed specs, once, so that the emitters and the checks after evaluation never look a property up by its C# name.
/// The records' Terraform arguments need no reading: each field already carries its Terraform name.
/// </summary>
internal static class SpecReader
{
    public static MetaArguments Meta(ObjectValue obj) => new(
        Present(obj.Get("Count")),
        Present(obj.Get("ForEach")),
        Addresses(obj.Get("DependsOn")),
        obj.Get("Provider") is ObjectValue provider ? ProviderReference(provider) : null,
        obj.Get("Lifecycle") is ObjectValue lifecycle ? Lifecycle(lifecycle) : null);

    /// <summary>A provider configuration as resources, imports and module calls name it: aws, or aws.west for an alias.</summary>
    public static string ProviderReference(ObjectValue provider) =>
        provider.Type.ProviderName + (provider.GetString("Alias") is { } alias ? "." + alias : "");

    private static LifecycleSpec Lifecycle(ObjectValue lifecycle) => new(
        (lifecycle.Get("CreateBeforeDestroy") as BoolValue)?.Flag,
        (lifecycle.Get("PreventDestroy") as BoolValue)?.Flag,
        lifecycle.Get("IgnoreChanges") is ListValue ignore
            ? ignore.Items.Select(i => new NullableText((i as StringValue)?.Text)).ToEquatableArray()
            : EquatableArray<NullableText>.Empty,
        Addresses(lifecycle.Get("ReplaceTriggeredBy")),
        Conditions(lifecycle.Get("Preconditions")),
        Conditions(lifecycle.Get("Postconditions")),
        lifecycle.Span);

    /// <summary>depends_on and replace_triggered_by: whole resources, by address (one the generator could not name is left out).</summary>
    private static EquatableArray<string> Addresses(Value? list) =>
        list is ListValue items
            ? items.Items.OfType<ObjectValue>().Select(r => r.Address).Where(a => a is not null).Select(a => a!).ToEquatableArray()
            : EquatableArray<string>.Empty;

    public static EquatableArray<ConditionSpec> Conditions(Value? list) =>
        list is ListValue items
            ? items.Items.OfType<ObjectValue>().Select(c => new ConditionSpec(c.Get("Test") ?? NullValue.Instance, c.GetString("ErrorMessage") ?? "", c.Span)).ToEquatableArray()
            : EquatableArray<ConditionSpec>.Empty;

    /// <summary>A CustomResource's extra arguments, by Terraform name as the user wrote them.</summary>
    public static EquatableArray<MapEntry> CustomArguments(ObjectValue obj) =>
        obj.Get("Arguments") is MapValue arguments ? arguments.Entries : EquatableArray<MapEntry>.Empty;

    /// <summary>A CustomResource's blocks written by name, nested ones included.</summary>
    public static EquatableArray<CustomBlockSpec> CustomBlocks(ObjectValue obj) =>
        obj.Get("Blocks") is ListValue blocks
            ? blocks.Items.OfType<ObjectValue>().Select(b => new CustomBlockSpec(b.GetString("Type") ?? "", CustomArguments(b), CustomBlocks(b), b.Span)).ToEquatableArray()
            : EquatableArray<CustomBlockSpec>.Empty;

    public static VariableSpec Variable(string name, string typeConstraint, ObjectValue obj) => new(
        name,
        typeConstraint,
        Present(obj.Get("Default")),
        obj.GetString("Description"),
        obj.Get("Sensitive") is BoolValue { Flag: true },
        (obj.Get("Nullable") as BoolValue)?.Flag,
        obj.Get("Validations") is ListValue validations
            ? validations.Items.OfType<ObjectValue>().Select(v => new ValidationSpec(v.GetString("Condition") ?? "", v.GetString("ErrorMessage") ?? "")).ToEquatableArray()
            : EquatableArray<ValidationSpec>.Empty,
        obj.Span);

    public static OutputSpec Output(string name, ObjectValue obj) => new(
        name,
        obj.Get("Value"),
        obj.GetString("Description"),
        obj.Get("Sensitive") is BoolValue { Flag: true },
        Conditions(obj.Get("Preconditions")),
        obj.Span);

    public static ModuleSpec Module(string name, string source, string? version, ObjectValue obj, EquatableArray<string> dependencies) => new(
        name,
        source,
        version,
        obj,
        obj.Get("Inputs") is MapValue inputs ? inputs.Entries : EquatableArray<MapEntry>.Empty,
        obj.Get("Providers") is MapValue providers
            ? providers.Entries.Where(e => e.Value is ObjectValue).Select(e => new ProviderMapping(e.Key, ProviderReference((ObjectValue)e.Value))).ToEquatableArray()
            : EquatableArray<ProviderMapping>.Empty,
        Meta(obj),
        dependencies);

    public static CheckSpec Check(string name, ObjectValue obj) => new(name, Conditions(obj.Get("Assertions")));

    public static StateBlockSpec StateBlock(string kind, string address, string? to, ObjectValue obj) => new(
        kind,
        address,
        to,
        obj.Get("Id"),
        obj.Get("Provider") is ObjectValue provider ? ProviderReference(provider) : null,
        obj.Get("Destroy") is BoolValue { Flag: true },
        obj.Span);

    public static MachineImageBuild MachineImage(ObjectValue image) => new(
        image.GetString("InstanceType"),
        image.GetString("Region"),
        image.GetString("SshUsername"),
        image.GetString("SourceAmi"),
        image.Get("SourceAmiFilter") is ObjectValue filter
            ? new SourceImageFilter(filter.GetString("Name") ?? "", filter.GetString("Architecture"), Texts(filter.Get("Owners")), (filter.Get("MostRecent") as BoolValue)?.Flag)
            : null,
        image.Get("Volumes") is ListValue volumes
            ? volumes.Items.OfType<ObjectValue>().Select(v => new ImageVolumeSpec(
                v.GetString("DeviceName"), Number(v.Get("VolumeSize")), v.GetString("VolumeType"),
                (v.Get("DeleteOnTermination") as BoolValue)?.Flag, Number(v.Get("Throughput")), Number(v.Get("Iops")))).ToEquatableArray()
            : EquatableArray<ImageVolumeSpec>.Empty,
        TextMap(image.Get("Tags")),
        Texts(image.Get("AmiRegions")),
        Texts(image.Get("AmiUsers")),
        image.Get("Provisioners") is ListValue steps
            ? steps.Items.OfType<ObjectValue>().Select(Provisioner).ToEquatableArray()
            : EquatableArray<ProvisionerSpec>.Empty);

    private static ProvisionerSpec Provisioner(ObjectValue step) => step.Type.Name == "FileUpload"
        ? new ProvisionerSpec(true, step.GetString("Source"), step.GetString("Destination"), null, null, null)
        : new ProvisionerSpec(false, null, null, step.Get("Inline") is ListValue ? Texts(step.Get("Inline")) : null, step.GetString("Script"), TextMap(step.Get("Environment")));

    public static ContainerImageBuild ContainerImage(ObjectValue image) => new(
        image.GetString("BaseImage"),
        image.GetString("Repository"),
        image.GetString("PackageManager") ?? "Apt",
        Texts(image.Get("Packages")),
        image.Get("Files") is ListValue files
            ? files.Items.OfType<ObjectValue>().Select(f => new FileCopySpec(f.GetString("Source") ?? "", f.GetString("Destination") ?? "")).ToEquatableArray()
            : EquatableArray<FileCopySpec>.Empty,
        TextMap(image.Get("Environment")),
        image.GetString("User"),
        image.GetString("WorkDir"),
        Texts(image.Get("Ports")),
        Texts(image.Get("Entrypoint")),
        Texts(image.Get("Command")));

    /// <summary>An unset meta-argument and one set to null are the same: absent.</summary>
    private static Value? Present(Value? value) => value is null or NullValue ? null : value;

    private static string? Number(Value? value) => (value as NumberValue)?.Text;

    /// <summary>A list of literals as text (numbers in their canonical form; anything else, already reported, as empty).</summary>
    private static EquatableArray<string> Texts(Value? list) =>
        list is ListValue items
            ? items.Items.Select(i => i switch { StringValue s => s.Text, NumberValue n => n.Text, _ => "" }).ToEquatableArray()
            : EquatableArray<string>.Empty;

    /// <summary>A map of strings, or null when none was set (an empty map is still written).</summary>
    private static EquatableArray<TextEntry>? TextMap(Value? map) =>
        map is MapValue entries ? entries.Entries.Select(e => new TextEntry(e.Key, (e.Value as StringValue)?.Text ?? "")).ToEquatableArray() : null;
}
