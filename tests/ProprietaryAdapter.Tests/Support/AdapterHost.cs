using Grpc.Net.Client;
using HybridLlm.Contracts.Grpc;
using HybridLlm.Grpc.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;

namespace HybridLlm.ProprietaryAdapter.Tests.Support;

/// <summary>
/// The whole adapter as Program.cs wires it (gRPC ChatService, Redis, deferred queue worker, rate limiter, providers),
/// on an in-memory test server, with fake logging; callers talk the real gRPC contract to it.
/// </summary>
internal sealed class AdapterHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly GrpcChannel _channel;

    private AdapterHost(WebApplication app, GrpcChannel channel)
    {
        _app = app;
        _channel = channel;
        Client = new ChatService.ChatServiceClient(channel);
    }

    public ChatService.ChatServiceClient Client { get; }

    public IServiceProvider Services => _app.Services;

    public FakeLogCollector Logs => _app.Services.GetFakeLogCollector();

    public static async Task<AdapterHost> StartAsync(IDictionary<string, string?> settings, TimeProvider? timeProvider = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Testing" });
        // Only the test's settings: the output folder carries the service's appsettings.json (aliases, Kestrel ports).
        builder.Configuration.Sources.Clear();
        builder.Configuration.AddInMemoryCollection(settings);
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders().SetMinimumLevel(LogLevel.Trace).AddFakeLogging();
        builder.Services.Configure<HostOptions>(o => o.ShutdownTimeout = TimeSpan.FromSeconds(10));
        if (timeProvider is not null)
        {
            builder.Services.AddSingleton(timeProvider);
        }

        builder.AddProprietaryAdapterServices();
        var app = builder.Build();
        app.MapGrpcService<ChatGrpcService>();
        await app.StartAsync();
        var server = app.GetTestServer();
        var channel = GrpcChannel.ForAddress(server.BaseAddress, new GrpcChannelOptions { HttpHandler = server.CreateHandler() });
        return new AdapterHost(app, channel);
    }

    /// <summary>Polls GetDeferredResult until the job leaves PENDING (or gives up after <paramref name="timeout"/>).</summary>
    public async Task<GetDeferredResultResponse> WaitForJobAsync(string jobId, TimeSpan timeout)
    {
        using var giveUp = new CancellationTokenSource(timeout);
        while (true)
        {
            var result = await Client.GetDeferredResultAsync(new GetDeferredResultRequest { JobId = jobId }, cancellationToken: giveUp.Token);
            if (result.State != DeferredJobState.Pending)
            {
                return result;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), giveUp.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _channel.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>Settings for a whole adapter in front of a fake vendor, with its own Redis key space.</summary>
internal static class AdapterSettings
{
    public static Dictionary<string, string?> For(Vendor vendor, RedisServerFixture redis)
    {
        var space = $"test-{Guid.NewGuid():N}";
        return vendor.Settings()
            .With("ConnectionStrings:redis", redis.ConnectionString)
            .With("Proprietary:RateLimit:KeyPrefix", $"{space}:rl")
            .With("Proprietary:Deferred:KeyPrefix", $"{space}:deferred")
            .With("Proprietary:Deferred:PollInterval", "00:00:00.050")
            .With("Proprietary:Deferred:ClaimIdleTime", "00:00:00.300")
            .With("Proprietary:Deferred:RetryDelay", "00:00:00.010")
            .With("Proprietary:Retry:MaxAttempts", "2");
    }
}
