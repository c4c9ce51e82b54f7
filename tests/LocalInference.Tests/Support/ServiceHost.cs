using Grpc.Net.Client;
using HybridLlm.Contracts.Grpc;
using HybridLlm.Grpc.V1;
using HybridLlm.LocalInference.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace HybridLlm.LocalInference.Tests.Support;

/// <summary>
/// The whole service as Program.cs wires it (service defaults, health endpoints, gRPC ChatService, warm-up) on an
/// in-memory test server; callers use the real gRPC contract and the real /health and /alive endpoints.
/// </summary>
internal sealed class ServiceHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly GrpcChannel _channel;

    private ServiceHost(WebApplication app)
    {
        _app = app;
        var server = app.GetTestServer();
        _channel = GrpcChannel.ForAddress(server.BaseAddress, new GrpcChannelOptions { HttpHandler = server.CreateHandler() });
        Client = new ChatService.ChatServiceClient(_channel);
        Http = server.CreateClient();
    }

    public ChatService.ChatServiceClient Client { get; }

    public HttpClient Http { get; }

    public IServiceProvider Services => _app.Services;

    public ModelWarmup Warmup => _app.Services.GetRequiredService<ModelWarmup>();

    public IHostApplicationLifetime Lifetime => _app.Services.GetRequiredService<IHostApplicationLifetime>();

    /// <summary>Settings for the stories260K model with the given extras (later keys win).</summary>
    public static Dictionary<string, string?> StoriesSettings(params (string Key, string? Value)[] extra)
    {
        var settings = new Dictionary<string, string?> { ["LocalInference:Model"] = StoriesModel.Path };
        foreach (var (key, value) in extra)
        {
            settings[key] = value;
        }

        return settings;
    }

    /// <summary>Starts the service; with <paramref name="waitUntilReady"/>, returns once warm-up has succeeded.</summary>
    public static async Task<ServiceHost> StartAsync(
        IDictionary<string, string?> settings, Action<IServiceCollection>? configure = null, bool waitUntilReady = true)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        // Only the test's settings: the output folder carries the service's appsettings.json.
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10));
        builder.AddServiceDefaults();
        builder.AddLocalInferenceServices();
        configure?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapGrpcService<ChatGrpcService>();
        app.MapDefaultEndpoints();
        await app.StartAsync();
        var host = new ServiceHost(app);
        if (waitUntilReady)
        {
            await host.Warmup.Ready.WaitAsync(TimeSpan.FromSeconds(30));
        }

        return host;
    }

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        _channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
