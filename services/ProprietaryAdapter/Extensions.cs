using HybridLlm.Contracts;
using HybridLlm.ProprietaryAdapter.Deferred;
using HybridLlm.ProprietaryAdapter.Deployments;
using HybridLlm.ProprietaryAdapter.Serving;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace HybridLlm.ProprietaryAdapter;

internal static class Extensions
{
    /// <summary>Aspire connection name of the shared Redis (rate-limit buckets and the deferred queue).</summary>
    public const string RedisConnectionName = "redis";

    public static void AddProprietaryAdapterServices(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddChatGrpcService();
        builder.AddRedisClient(RedisConnectionName);
        services.AddProprietaryProvider(builder.Configuration);
        services.AddDeferredQueue();
        services.AddSingleton<Telemetry.AdapterMetrics>();
        services.ActivateSingleton<Telemetry.AdapterMetrics>();

        // What the gRPC service calls, outermost first: gen_ai telemetry, the contract's alias and error rules, the
        // deferred queue, then the provider layer (deployment router, rate limiter, one retry loop per deployment).
        services.AddChatClient(sp => sp.GetRequiredKeyedService<IChatClient>(ProprietaryServiceCollectionExtensions.ProviderClientKey))
            .UseOpenTelemetry(configure: o => o.EnableSensitiveData = builder.Configuration.GetValue("Telemetry:RecordPrompts", false))
            .Use((inner, sp) => new ContractChatClient(
                inner, sp.GetRequiredService<IOptionsMonitor<ModelAliasOptions>>(), sp.GetRequiredService<ModelRetirementMonitor>()))
            .Use((inner, sp) => ActivatorUtilities.CreateInstance<DeferringChatClient>(sp, inner));
        services.AddHealthChecks().AddProprietaryProviderCheck();
    }
}
