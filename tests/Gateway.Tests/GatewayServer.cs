using Grpc.Net.Client;
using HybridLlm.Contracts;
using HybridLlm.Contracts.Grpc;
using HybridLlm.Gateway.Costing;
using HybridLlm.Gateway.OpenAi;
using HybridLlm.Gateway.Routing;
using HybridLlm.Gateway.Tenancy;
using HybridLlm.Gateway.Validation;
using HybridLlm.Grpc.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace HybridLlm.Gateway.Tests;

/// <summary>
/// The gateway's endpoints (gRPC + OpenAI HTTP) and its pipeline from the tenant policy inwards, on an in-memory test
/// server with fake backends and the real Redis of the test collection. The response cache is tested on its own.
/// </summary>
internal sealed class GatewayServer : IAsyncDisposable
{
    private IHost _host = null!;

    public TestChatClient Local { get; } = new();

    public TestChatClient Proprietary { get; } = new();

    public FakeRouteClassifier Classifier { get; } = new();

    public RoutingOptions Routing { get; } = new() { Aliases = new(StringComparer.OrdinalIgnoreCase) { ["fast"] = RouteNames.Proprietary } };

    public TenancyOptions Tenancy { get; } = new();

    public DeadlineOptions Deadlines { get; } = new();

    public GrpcChannel Channel { get; private set; } = null!;

    public ChatService.ChatServiceClient Client => new(Channel);

    public IServiceProvider Services => _host.Services;

    public HttpClient CreateHttpClient() => _host.GetTestServer().CreateClient();

    public static async Task<GatewayServer> StartAsync(RedisServerFixture redis, Action<GatewayServer>? configure = null)
    {
        var server = new GatewayServer();
        configure?.Invoke(server);
        server._host = new HostBuilder()
            .ConfigureWebHost(web => web
                .UseTestServer()
                .ConfigureServices(services => server.ConfigureServices(services, redis))
                .Configure(app =>
                {
                    app.UseMiddleware<TenantAuthenticationMiddleware>();
                    app.UseRouting();
                    app.UseEndpoints(endpoints =>
                    {
                        endpoints.MapGrpcService<ChatGrpcService>();
                        endpoints.MapOpenAiEndpoints();
                        endpoints.MapReportEndpoints();
                    });
                }))
            .Build();
        await server._host.StartAsync();
        var testServer = server._host.GetTestServer();
        server.Channel = GrpcChannel.ForAddress(testServer.BaseAddress, new GrpcChannelOptions { HttpHandler = testServer.CreateHandler() });
        return server;
    }

    private void ConfigureServices(IServiceCollection services, RedisServerFixture redis)
    {
        services.AddChatGrpcService();
        services.AddRouting();
        services.AddHttpContextAccessor();
        services.AddSingleton(redis.Connection);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<IOptionsMonitor<RoutingOptions>>(new StaticOptionsMonitor<RoutingOptions>(Routing));
        services.AddSingleton<IOptionsMonitor<DeadlineOptions>>(new StaticOptionsMonitor<DeadlineOptions>(Deadlines));
        services.AddSingleton(Options.Create(Tenancy));
        services.AddSingleton<IOptionsMonitor<PricingOptions>>(new StaticOptionsMonitor<PricingOptions>(new PricingOptions
        {
            ReferenceProprietaryModel = "test-model",
            Models = new(StringComparer.OrdinalIgnoreCase) { ["test-model"] = new ModelPrice { InputUsdPerMillion = 1_000, OutputUsdPerMillion = 2_000 } },
        }));
        services.AddSingleton<TenantDirectory>();
        services.AddSingleton<RedisRequestRateLimiter>();
        services.AddSingleton<SpendLedger>();
        services.AddSingleton<HybridLlm.Gateway.Telemetry.GatewayMetrics>();
        services.AddSingleton(Options.Create(new SpendWriterOptions()));
        services.AddSingleton<SpendRecordWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<SpendRecordWriter>());
        services.AddSingleton<SpendReportBuilder>();
        services.AddSingleton<IOptionsMonitor<CrossoverOptions>>(new StaticOptionsMonitor<CrossoverOptions>(new CrossoverOptions()));
        services.AddSingleton<BudgetGate>();
        services.AddSingleton<RoutingPolicy>();
        services.AddSingleton<PriceCalculator>();
        services.AddSingleton<RouteInvoker>();
        services.AddSingleton<JsonSchemaAnswerValidator>();
        services.AddSingleton<IRouteClassifier>(Classifier);
        services.AddSingleton<IBackendClients>(new FakeBackends(Local, Proprietary));
        services.AddSingleton<HybridRouterChatClient>();
        services.AddChatClient(sp => sp.GetRequiredService<HybridRouterChatClient>())
            .Use((inner, sp) => ActivatorUtilities.CreateInstance<TenantPolicyChatClient>(sp, inner))
            .Use((inner, sp) => ActivatorUtilities.CreateInstance<CostingChatClient>(sp, inner));
    }

    public async ValueTask DisposeAsync()
    {
        Channel.Dispose();
        await _host.StopAsync();
        _host.Dispose();
    }
}
