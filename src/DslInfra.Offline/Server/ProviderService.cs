using System.Text.Json.Nodes;
using DslInfra.Offline.Schemas;
using DslInfra.Offline.Values;
using Google.Protobuf;
using Grpc.Core;
using Tfplugin6;

namespace DslInfra.Offline.Server;

/// <summary>
/// One provider played from its schema over plugin protocol 6. Terraform core checks arguments, types, required
/// values and block counts against the schema it is given; this answers the rest as the provider would, offline.
/// </summary>
internal sealed class ProviderService(Lazy<ProviderSchema> schema, Lazy<GetProviderSchema.Types.Response> protocolSchema) : Provider.ProviderBase
{
    private ProviderSchema Schema => schema.Value;

    public override Task<GetMetadata.Types.Response> GetMetadata(GetMetadata.Types.Request request, ServerCallContext context)
    {
        var response = new GetMetadata.Types.Response { ServerCapabilities = ProviderSchema.Capabilities };
        response.Resources.AddRange(Schema.Resources.Keys.Select(t => new GetMetadata.Types.ResourceMetadata { TypeName = t }));
        response.DataSources.AddRange(Schema.DataSources.Keys.Select(t => new GetMetadata.Types.DataSourceMetadata { TypeName = t }));
        response.EphemeralResources.AddRange(Schema.Ephemeral.Keys.Select(t => new GetMetadata.Types.EphemeralMetadata { TypeName = t }));
        return Task.FromResult(response);
    }

    public override Task<GetProviderSchema.Types.Response> GetProviderSchema(GetProviderSchema.Types.Request request, ServerCallContext context) =>
        Task.FromResult(protocolSchema.Value);

    public override Task<ValidateProviderConfig.Types.Response> ValidateProviderConfig(ValidateProviderConfig.Types.Request request, ServerCallContext context) =>
        Task.FromResult(new ValidateProviderConfig.Types.Response());

    public override Task<ValidateResourceConfig.Types.Response> ValidateResourceConfig(ValidateResourceConfig.Types.Request request, ServerCallContext context) =>
        Task.FromResult(new ValidateResourceConfig.Types.Response());

    public override Task<ValidateDataResourceConfig.Types.Response> ValidateDataResourceConfig(ValidateDataResourceConfig.Types.Request request, ServerCallContext context) =>
        Task.FromResult(new ValidateDataResourceConfig.Types.Response());

    public override Task<ValidateEphemeralResourceConfig.Types.Response> ValidateEphemeralResourceConfig(ValidateEphemeralResourceConfig.Types.Request request, ServerCallContext context) =>
        Task.FromResult(new ValidateEphemeralResourceConfig.Types.Response());

    public override Task<ConfigureProvider.Types.Response> ConfigureProvider(ConfigureProvider.Types.Request request, ServerCallContext context) =>
        Task.FromResult(new ConfigureProvider.Types.Response());

    public override Task<StopProvider.Types.Response> StopProvider(StopProvider.Types.Request request, ServerCallContext context) =>
        Task.FromResult(new StopProvider.Types.Response());

    public override Task<GetFunctions.Types.Response> GetFunctions(GetFunctions.Types.Request request, ServerCallContext context) =>
        Task.FromResult(new GetFunctions.Types.Response());

    public override Task<UpgradeResourceState.Types.Response> UpgradeResourceState(UpgradeResourceState.Types.Request request, ServerCallContext context)
    {
        var response = new UpgradeResourceState.Types.Response();
        if (!Resource(request.TypeName, response.Diagnostics, out var block))
            return Task.FromResult(response);
        try
        {
            var state = request.RawState.Json.IsEmpty ? null : JsonValues.Read(JsonNode.Parse(request.RawState.Json.Span), block.Type);
            response.UpgradedState = Encode(state, block.Type);
        }
        catch (Exception exception) when (exception is FormatException or InvalidCastException or System.Text.Json.JsonException)
        {
            response.Diagnostics.Add(Error($"The state of this {request.TypeName} cannot be read", exception.Message));
        }
        return Task.FromResult(response);
    }

    public override Task<ReadResource.Types.Response> ReadResource(ReadResource.Types.Request request, ServerCallContext context) =>
        // Offline there is no real object to read: the state is what was applied, so nothing drifts.
        Task.FromResult(new ReadResource.Types.Response { NewState = request.CurrentState, Private = request.Private });

    public override Task<PlanResourceChange.Types.Response> PlanResourceChange(PlanResourceChange.Types.Request request, ServerCallContext context)
    {
        var response = new PlanResourceChange.Types.Response();
        if (!Resource(request.TypeName, response.Diagnostics, out var block))
            return Task.FromResult(response);
        var prior = Decode(request.PriorState, block.Type);
        var proposed = Decode(request.ProposedNewState, block.Type);
        var (planned, replace, filledDefaults) = ResourcePlanner.PlanWithDefaults(request.TypeName, block, prior, proposed);
        response.PlannedState = Encode(planned, block.Type);
        response.LegacyTypeSystem = filledDefaults;
        // An imported object is known only by its id: what the configuration sets is an update to it, never a replacement.
        if (request.PriorPrivate.Span.SequenceEqual(Imported.Span))
            replace.Clear();
        response.RequiresReplace.AddRange(replace);
        return Task.FromResult(response);
    }

    public override Task<ApplyResourceChange.Types.Response> ApplyResourceChange(ApplyResourceChange.Types.Request request, ServerCallContext context)
    {
        var response = new ApplyResourceChange.Types.Response();
        if (!Resource(request.TypeName, response.Diagnostics, out var block))
            return Task.FromResult(response);
        var planned = Decode(request.PlannedState, block.Type);
        var applied = planned is null ? null : Placeholders.Fill(planned, block.Type, Placeholders.Seed(request.TypeName, request.PlannedState.Msgpack.ToByteArray()), "");
        response.NewState = Encode(applied, block.Type);
        response.Private = request.PlannedPrivate;
        return Task.FromResult(response);
    }

    public override Task<ImportResourceState.Types.Response> ImportResourceState(ImportResourceState.Types.Request request, ServerCallContext context)
    {
        var response = new ImportResourceState.Types.Response();
        if (!Resource(request.TypeName, response.Diagnostics, out var block))
            return Task.FromResult(response);
        // Only the id is known of an object that exists somewhere else; the plan then shows what the configuration sets.
        var state = block.Type.Attributes.ToDictionary(a => a.Key, a => a.Key == "id" ? (object?)request.Id : null, StringComparer.Ordinal);
        response.ImportedResources.Add(new ImportResourceState.Types.ImportedResource { TypeName = request.TypeName, State = Encode(state, block.Type), Private = Imported });
        return Task.FromResult(response);
    }

    public override Task<MoveResourceState.Types.Response> MoveResourceState(MoveResourceState.Types.Request request, ServerCallContext context)
    {
        var response = new MoveResourceState.Types.Response();
        response.Diagnostics.Add(Error("Moving state between resource types is not supported offline",
            $"{request.SourceTypeName} to {request.TargetTypeName}: whether the provider can move it depends on the provider's own code."));
        return Task.FromResult(response);
    }

    public override Task<ReadDataSource.Types.Response> ReadDataSource(ReadDataSource.Types.Request request, ServerCallContext context)
    {
        var response = new ReadDataSource.Types.Response();
        if (Find(Schema.DataSources, "data source", request.TypeName, response.Diagnostics) is { } block)
            response.State = Read(block, request.TypeName, request.Config);
        return Task.FromResult(response);
    }

    public override Task<OpenEphemeralResource.Types.Response> OpenEphemeralResource(OpenEphemeralResource.Types.Request request, ServerCallContext context)
    {
        var response = new OpenEphemeralResource.Types.Response();
        if (Find(Schema.Ephemeral, "ephemeral resource", request.TypeName, response.Diagnostics) is { } block)
            response.Result = Read(block, request.TypeName, request.Config);
        return Task.FromResult(response);
    }

    /// <summary>A data source's or ephemeral resource's answer: its configuration with what the provider computes filled in, wholly known.</summary>
    private static DynamicValue Read(BlockSchema block, string type, DynamicValue config)
    {
        var values = Decode(config, block.Type) as Dictionary<string, object?> ?? new Dictionary<string, object?>();
        return Encode(Placeholders.FillComputed(block, values, Placeholders.Seed(type, config.Msgpack.ToByteArray())), block.Type);
    }

    public override Task<RenewEphemeralResource.Types.Response> RenewEphemeralResource(RenewEphemeralResource.Types.Request request, ServerCallContext context) =>
        Task.FromResult(new RenewEphemeralResource.Types.Response());

    public override Task<CloseEphemeralResource.Types.Response> CloseEphemeralResource(CloseEphemeralResource.Types.Request request, ServerCallContext context) =>
        Task.FromResult(new CloseEphemeralResource.Types.Response());

    private bool Resource(string type, Google.Protobuf.Collections.RepeatedField<Diagnostic> diagnostics, out BlockSchema block)
    {
        block = Find(Schema.Resources, "resource type", type, diagnostics)!;
        return block is not null;
    }

    /// <summary>The schema of <paramref name="type"/>, or null with the error Terraform shows for a type the provider does not have.</summary>
    private BlockSchema? Find(IReadOnlyDictionary<string, (long Version, BlockSchema Block)> types, string kind, string type, Google.Protobuf.Collections.RepeatedField<Diagnostic> diagnostics)
    {
        if (types.TryGetValue(type, out var entry))
            return entry.Block;
        diagnostics.Add(Error("Unknown " + kind, $"{Schema.Name} has no {kind} {type} in the schema DslInfra ships."));
        return null;
    }

    /// <summary>The private data of an object this server imported: its next plan updates it rather than replacing it.</summary>
    private static readonly ByteString Imported = ByteString.CopyFromUtf8("dslinfra:imported");

    private static object? Decode(DynamicValue? value, CtyType type)
    {
        if (value is null)
            return null;
        if (!value.Msgpack.IsEmpty)
            return MsgPackValues.Read(value.Msgpack.ToByteArray(), type);
        return value.Json.IsEmpty ? null : JsonValues.Read(JsonNode.Parse(value.Json.Span), type);
    }

    private static DynamicValue Encode(object? value, CtyType type) => new() { Msgpack = ByteString.CopyFrom(MsgPackValues.Write(value, type)) };

    private static Diagnostic Error(string summary, string detail) => new() { Severity = Diagnostic.Types.Severity.Error, Summary = summary, Detail = detail };
}
