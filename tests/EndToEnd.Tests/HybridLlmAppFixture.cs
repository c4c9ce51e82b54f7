using Grpc.Net.Client;
using HybridLlm.Grpc.V1;
using HybridLlm.Testing.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace HybridLlm.EndToEnd.Tests;

/// <summary>
/// The whole AppHost, started once per test run without Docker: Redis as a local redis-server, the real classifier,
/// LocalInference on stories260K and the proprietary adapter pointed at a fake OpenAI-compatible server over real HTTP.
/// </summary>
public sealed class HybridLlmAppFixture : IAsyncLifetime
{
    /// <summary>The API key the adapter is given; tests assert it never leaks.</summary>
    public const string ApiKey = "sk-e2e-9f8e7d6c5b4a-never-log-me";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(4);

    public FakeOpenAiServer OpenAi { get; private set; } = null!;

    public DistributedApplication App { get; private set; } = null!;

    public GrpcChannel GatewayChannel { get; private set; } = null!;

    public ChatService.ChatServiceClient Gateway => new(GatewayChannel);

    public async Task InitializeAsync()
    {
        // No dev certificate on CI machines: the AppHost's services talk plain HTTP on loopback.
        Environment.SetEnvironmentVariable("ASPIRE_ALLOW_UNSECURED_TRANSPORT", "true");
        using var timeout = new CancellationTokenSource(StartTimeout);
        OpenAi = await FakeOpenAiServer.StartAsync(timeout.Token);
        OpenAi.ReplyText = "The capital of France is Paris.";

        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.HybridLlm_AppHost>(
            [
                "--Cache:Mode=executable",
                "--Proprietary:Provider=OpenAICompatible",
                $"--Proprietary:Endpoint={OpenAi.BaseAddress}",
                "--Proprietary:Model=gpt-4o-mini",
                $"--Parameters:proprietary-api-key={ApiKey}",
                // Free ports instead of the documented 5400/5401, so a developer's running AppHost (or a second test
                // run) on this machine does not collide with this one.
                $"--Gateway:GrpcPort={FreePort()}",
                $"--Gateway:HttpPort={FreePort()}",
            ],
            (options, _) => options.DisableDashboard = true,
            timeout.Token);
        builder.Services.AddLogging(logging => logging
            .SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Aspire.Hosting", LogLevel.Warning)
            .AddFilter(builder.Environment.ApplicationName, LogLevel.Warning));

        App = await builder.BuildAsync(timeout.Token);
        await App.StartAsync(timeout.Token);
        await App.ResourceNotifications.WaitForResourceHealthyAsync("gateway", timeout.Token);

        GatewayChannel = GrpcChannel.ForAddress(App.GetEndpoint("gateway", "grpc"));
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        return ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async Task<string> RedisConnectionStringAsync() =>
        await App.GetConnectionStringAsync("redis") ?? throw new InvalidOperationException("redis has no connection string");

    public async Task DisposeAsync()
    {
        GatewayChannel?.Dispose();
        if (App is not null)
        {
            await App.DisposeAsync();
        }

        if (OpenAi is not null)
        {
            await OpenAi.DisposeAsync();
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AppCollection : ICollectionFixture<HybridLlmAppFixture>
{
    public const string Name = "app";
}
