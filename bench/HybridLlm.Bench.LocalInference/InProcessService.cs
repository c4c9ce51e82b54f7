using Grpc.Net.Client;
using HybridLlm.Contracts.Grpc;
using HybridLlm.Grpc.V1;
using HybridLlm.LocalInference;
using HybridLlm.LocalInference.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HybridLlm.Bench.LocalInference;

/// <summary>
/// The real service (Program.cs wiring: service defaults with OpenTelemetry, gRPC ChatService, warm-up) on a Kestrel
/// HTTP/2 endpoint on a free loopback port, reached through a real gRPC channel over TCP.
/// </summary>
internal sealed class InProcessService : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly GrpcChannel _channel;

    private InProcessService(WebApplication app, Uri address)
    {
        _app = app;
        _channel = GrpcChannel.ForAddress(address);
        Client = new ChatService.ChatServiceClient(_channel);
    }

    public ChatService.ChatServiceClient Client { get; }

    /// <summary>The service's own chat client pipeline, for calls that skip gRPC.</summary>
    public Microsoft.Extensions.AI.IChatClient Pipeline => _app.Services.GetRequiredService<Microsoft.Extensions.AI.IChatClient>();

    public static async Task<InProcessService> StartAsync(IDictionary<string, string?> settings)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        // Only these settings: the output folder carries the service's appsettings.json with its fixed ports.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Kestrel:Endpoints:grpc:Url"] = "http://127.0.0.1:0",
            ["Kestrel:Endpoints:grpc:Protocols"] = "Http2",
        });
        builder.Logging.ClearProviders().AddConsole().SetMinimumLevel(LogLevel.Error);
        builder.AddServiceDefaults();
        builder.AddLocalInferenceServices();

        var app = builder.Build();
        app.MapGrpcService<ChatGrpcService>();
        app.MapDefaultEndpoints();
        await app.StartAsync();
        await app.Services.GetRequiredService<ModelWarmup>().Ready;
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new InProcessService(app, new Uri(address));
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
