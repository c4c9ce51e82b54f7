using HybridLlm.Contracts;
using HybridLlm.Gateway.Caching;
using HybridLlm.Gateway.Costing;
using HybridLlm.Gateway.Routing;
using HybridLlm.Gateway.Telemetry;
using HybridLlm.Gateway.Tenancy;
using HybridLlm.Gateway.Validation;
using HybridLlm.Grpc.V1;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace HybridLlm.Gateway;

internal static class Extensions
{
    /// <summary>Aspire connection name of the shared Redis.</summary>
    public const string RedisConnectionName = "redis";

    public static void AddGatewayServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddChatGrpcService();
        services.AddSingleton(TimeProvider.System);

        services.AddOptionsWithValidateOnStart<RoutingOptions, RoutingOptionsValidator>().BindConfiguration(RoutingOptions.SectionName);
        services.AddSingleton<IPostConfigureOptions<RoutingOptions>, CalibratedThresholdSetup>();
        services.AddOptionsWithValidateOnStart<BackendOptions, BackendOptionsValidator>().BindConfiguration(BackendOptions.SectionName);
        services.AddOptionsWithValidateOnStart<PricingOptions, PricingOptionsValidator>().BindConfiguration(PricingOptions.SectionName);
        services.AddOptionsWithValidateOnStart<ResponseCacheOptions, ResponseCacheOptionsValidator>().BindConfiguration(ResponseCacheOptions.SectionName);
        services.AddOptionsWithValidateOnStart<SemanticCacheOptions, SemanticCacheOptionsValidator>().BindConfiguration(SemanticCacheOptions.SectionName);
        services.AddOptionsWithValidateOnStart<DeadlineOptions, DeadlineOptionsValidator>().BindConfiguration(DeadlineOptions.SectionName);
        services.AddOptionsWithValidateOnStart<TenancyOptions, TenancyOptionsValidator>().BindConfiguration(TenancyOptions.SectionName);

        // Redis I/O completes on the thread pool instead of SocketManager's ten dedicated threads, which on a small machine
        // compete with the request threads and add a thread hand-off to every Redis reply (measured: bench, Gateway).
        builder.AddRedisClient(RedisConnectionName, configureOptions: o => o.SocketManager = SocketManager.ThreadPool);
        services.AddStackExchangeRedisCache(_ => { });
        services.AddOptions<RedisCacheOptions>().Configure<IConnectionMultiplexer>((o, redis) =>
        {
            o.ConnectionMultiplexerFactory = () => Task.FromResult(redis);
            o.InstanceName = ResponseCacheOptions.KeyPrefix;
        });

        builder.AddBackendClients();

        services.AddHttpContextAccessor();
        services.AddSingleton<GatewayMetrics>();
        services.AddSingleton<TenantDirectory>();
        services.AddSingleton<RedisRequestRateLimiter>();
        services.AddSingleton<SpendLedger>();
        services.AddOptionsWithValidateOnStart<SpendWriterOptions, SpendWriterOptionsValidator>().BindConfiguration(SpendWriterOptions.SectionName);
        services.AddSingleton<SpendRecordWriter>();
        services.AddHostedService(sp => sp.GetRequiredService<SpendRecordWriter>());
        services.AddSingleton<RedisMissLock>();
        services.AddSingleton<SpendReportBuilder>();
        services.AddOptionsWithValidateOnStart<CrossoverOptions, CrossoverOptionsValidator>().BindConfiguration(CrossoverOptions.SectionName);
        services.AddSingleton<BudgetGate>();
        services.AddSingleton<RoutingPolicy>();
        services.AddSingleton<PriceCalculator>();
        services.AddSingleton<RouteInvoker>();
        services.AddSingleton<JsonSchemaAnswerValidator>();
        services.AddSingleton<HybridRouterChatClient>();

        // Outermost first: one gen_ai span per request and our attributes on it; the caller's tenant (authenticated
        // tenant, residency, allowed routes, rate limit) before the cache so keys carry the real tenant; the cache before
        // any classification; the price of what served the request; then the router.
        services.AddChatClient(sp => sp.GetRequiredService<HybridRouterChatClient>())
            .UseOpenTelemetry(configure: o => o.EnableSensitiveData = builder.Configuration.GetValue("Telemetry:RecordPrompts", false))
            .Use((inner, sp) => ActivatorUtilities.CreateInstance<GatewayTelemetryChatClient>(sp, inner))
            .Use((inner, sp) => ActivatorUtilities.CreateInstance<TenantPolicyChatClient>(sp, inner))
            .Use((inner, sp) => ActivatorUtilities.CreateInstance<TenantResponseCacheChatClient>(sp, inner))
            .Use((inner, sp) => ActivatorUtilities.CreateInstance<SemanticCacheChatClient>(sp, inner))
            .Use((inner, sp) => ActivatorUtilities.CreateInstance<CostingChatClient>(sp, inner));
    }

    private static void AddBackendClients(this IHostApplicationBuilder builder)
    {
        var backends = builder.Configuration.GetSection(BackendOptions.SectionName).Get<BackendOptions>() ?? new BackendOptions();

        // Deadlines and cancellation of the caller's call flow to every backend call made on its behalf; calls made
        // outside a gRPC call (the HTTP API) simply carry none. No HttpClientFactory loggers: they only write Information
        // lines (off in appsettings) yet push a logging scope and format the URI on every call; the gRPC client spans
        // and metrics tell the same story.
        builder.Services.AddGrpcClient<Classifier.ClassifierClient>(o => o.Address = backends.Classifier)
            .EnableCallContextPropagation(o => o.SuppressContextNotFoundErrors = true)
            .RemoveAllLoggers();
        builder.Services.AddGrpcClient<ChatService.ChatServiceClient>(RouteNames.Local, o => o.Address = backends.Local)
            .EnableCallContextPropagation(o => o.SuppressContextNotFoundErrors = true)
            .RemoveAllLoggers();
        builder.Services.AddGrpcClient<ChatService.ChatServiceClient>(RouteNames.Proprietary, o => o.Address = backends.Proprietary)
            .EnableCallContextPropagation(o => o.SuppressContextNotFoundErrors = true)
            .RemoveAllLoggers();

        builder.Services.AddSingleton<IRouteClassifier, GrpcRouteClassifier>();
        builder.Services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>, GrpcEmbeddingGenerator>();
        builder.Services.AddSingleton<HybridLlm.Contracts.Deferred.IDeferredResultSource, ForwardingDeferredResultSource>();
        builder.Services.AddSingleton<IBackendClients, GrpcBackendClients>();
    }
}
