using System.Text.Json;
using System.Text.Json.Nodes;
using DslInfra.Offline.Schemas;
using DslInfra.Offline.Server;
using Grpc.Health.V1;
using Grpc.HealthCheck;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace DslInfra.Offline;

/// <summary>
/// The bundled providers served offline, one Unix socket each, for real Terraform to reach through
/// <c>TF_REATTACH_PROVIDERS</c> (<see cref="ReattachJson"/>): init installs nothing for them and writes no lock entry.
/// </summary>
public sealed class OfflineProviders : IAsyncDisposable
{
    private readonly List<WebApplication> servers;

    private OfflineProviders(List<WebApplication> servers, string reattach, IReadOnlyList<string> providers)
    {
        this.servers = servers;
        ReattachJson = reattach;
        Providers = providers;
    }

    /// <summary>The value of <c>TF_REATTACH_PROVIDERS</c> for a Terraform run against these servers.</summary>
    public string ReattachJson { get; }

    /// <summary>The providers served, by local name.</summary>
    public IReadOnlyList<string> Providers { get; }

    /// <summary>The providers whose schemas ship with DslInfra.</summary>
    public static IReadOnlyList<string> Bundled => ProviderSchema.Bundled;

    /// <summary>Starts a server for each of <paramref name="providers"/> (bundled names) with its socket in <paramref name="socketDirectory"/>.</summary>
    public static async Task<OfflineProviders> StartAsync(IEnumerable<string> providers, string socketDirectory, CancellationToken cancellation = default)
    {
        Directory.CreateDirectory(socketDirectory);
        var names = providers.Distinct(StringComparer.Ordinal).OrderBy(p => p, StringComparer.Ordinal).ToList();
        foreach (var name in names)
            if (!Bundled.Contains(name))
                throw new ArgumentException($"no schema ships for provider '{name}' (bundled: {string.Join(", ", Bundled)})");
        var servers = new List<WebApplication>();
        var reattach = new JsonObject();
        foreach (var name in names)
        {
            var socket = Path.Combine(socketDirectory, name + ".sock");
            File.Delete(socket);
            var schema = new Lazy<ProviderSchema>(() => ProviderSchema.LoadBundled(name));
            var protocol = new Lazy<Tfplugin6.GetProviderSchema.Types.Response>(() => schema.Value.ToProtocol());
            var app = Build(socket, new ProviderService(schema, protocol));
            await app.StartAsync(cancellation);
            servers.Add(app);
            // Load the schema while Terraform starts: its first call is GetProviderSchema.
            _ = Task.Run(() => protocol.Value, CancellationToken.None);
            reattach["registry.terraform.io/hashicorp/" + name] = new JsonObject
            {
                ["Protocol"] = "grpc",
                ["ProtocolVersion"] = 6,
                ["Pid"] = Environment.ProcessId,
                ["Test"] = true, // Terraform then leaves the process alone: it is ours to stop
                ["Addr"] = new JsonObject { ["Network"] = "unix", ["String"] = socket },
            };
        }
        return new OfflineProviders(servers, reattach.ToJsonString(new JsonSerializerOptions { WriteIndented = false }), names);
    }

    private static WebApplication Build(string socket, ProviderService provider)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(options =>
        {
            options.ListenUnixSocket(socket, listen => listen.Protocols = HttpProtocols.Http2);
            options.Limits.MaxRequestBodySize = null;
        });
        builder.Services.AddGrpc(options =>
        {
            options.MaxReceiveMessageSize = null; // a large resource's plan is one message
            options.MaxSendMessageSize = null;    // the aws schema is about 2 MB
        });
        var health = new HealthServiceImpl();
        health.SetStatus("plugin", HealthCheckResponse.Types.ServingStatus.Serving); // go-plugin's ping
        builder.Services.AddSingleton(health);
        builder.Services.AddSingleton(provider);
        var app = builder.Build();
        app.MapGrpcService<ProviderService>();
        app.MapGrpcService<HealthServiceImpl>();
        return app;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var server in servers)
        {
            await server.StopAsync();
            await server.DisposeAsync();
        }
    }
}
