using Grpc.Net.Client;
using HybridLlm.Contracts;
using HybridLlm.Contracts.Grpc;
using HybridLlm.Gateway.Costing;
using HybridLlm.Gateway.OpenAi;
using HybridLlm.Gateway.Routing;
using HybridLlm.Grpc.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace HybridLlm.Gateway.Tests;

/// <summary>The gateway's gRPC endpoint and routing pipeline on an in-memory test server, with fake backends.</summary>
internal sealed class GatewayServer : IAsyncDisposable
{
    private IHost _host = null!;

    public TestChatClient Local { get; } = new();

    public TestChatClient Proprietary { get; } = new();

    public FakeRouteClassifier Classifier { get; } = new();

    public GrpcChannel Channel { get; private set; } = null!;

    public ChatService.ChatServiceClient Client => new(Channel);

    public HttpClient CreateHttpClient() => _host.GetTestServer().CreateClient();

    public static async Task<GatewayServer> StartAsync()
    {
        var server = new GatewayServer();
        server._host = new HostBuilder()
            .ConfigureWebHost(web => web
                .UseTestServer()
                .ConfigureServices(services => server.ConfigureServices(services))
                .Configure(app =>
                {
                    app.UseRouting();
                    app.UseEndpoints(endpoints =>
                    {
                        endpoints.MapGrpcService<ChatGrpcService>();
                        endpoints.MapOpenAiEndpoints();
                    });
                }))
            .Build();
        await server._host.StartAsync();
        var testServer = server._host.GetTestServer();
        server.Channel = GrpcChannel.ForAddress(testServer.BaseAddress, new GrpcChannelOptions { HttpHandler = testServer.CreateHandler() });
        return server;
    }

    private void ConfigureServices(IServiceCollection services)
    {
        services.AddChatGrpcService();
        services.AddRouting();
        services.AddSingleton<Microsoft.Extensions.Options.IOptionsMonitor<RoutingOptions>>(new StaticOptionsMonitor<RoutingOptions>(new RoutingOptions
        {
            Aliases = new(StringComparer.OrdinalIgnoreCase) { ["fast"] = RouteNames.Proprietary },
        }));
        services.AddSingleton<RoutingPolicy>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(new PriceCalculator(new StaticOptionsMonitor<PricingOptions>(new PricingOptions
        {
            Models = new(StringComparer.OrdinalIgnoreCase) { ["test-model"] = new ModelPrice { InputUsdPerMillion = 1_000, OutputUsdPerMillion = 2_000 } },
        })));
        services.AddSingleton<IRouteClassifier>(Classifier);
        services.AddSingleton<IBackendClients>(new FakeBackends(Local, Proprietary));
        services.AddSingleton<HybridRouterChatClient>();
        services.AddChatClient(sp => sp.GetRequiredService<HybridRouterChatClient>())
            .Use((inner, sp) => new CostingChatClient(inner, sp.GetRequiredService<PriceCalculator>()));
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _host.StopAsync();
        _host.Dispose();
    }
}
