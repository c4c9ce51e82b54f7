using System.Net;
using HybridLlm.ProprietaryAdapter.Deployments;
using HybridLlm.ProprietaryAdapter.Providers;
using HybridLlm.ProprietaryAdapter.RateLimiting;
using HybridLlm.ProprietaryAdapter.Serving;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the proprietary provider layer: options, one resilient HttpClient per deployment, the router.</summary>
internal static class ProprietaryServiceCollectionExtensions
{
    /// <summary>Service key of the provider-layer <see cref="IChatClient"/> (the deployment router, built once).</summary>
    public const string ProviderClientKey = "proprietary-provider";

    /// <summary>
    /// Binds and validates <c>Proprietary</c> at start, registers one named HttpClient per deployment (infinite
    /// <see cref="HttpClient.Timeout"/>, retry + circuit breaker + attempt timeout), the rate limiter (Redis when an
    /// <c>IConnectionMultiplexer</c> is registered), the retirement monitor, and the provider-layer <see cref="IChatClient"/>
    /// as a keyed singleton (<see cref="ProviderClientKey"/>, also the plain <see cref="IChatClient"/> unless the host
    /// registers its own). Adds <see cref="TimeProvider.System"/> unless a TimeProvider is already registered.
    /// </summary>
    public static IServiceCollection AddProprietaryProvider(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(ProprietaryOptions.SectionName);
        services.AddOptionsWithValidateOnStart<ProprietaryOptions>().Bind(section);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ProprietaryOptions>, ProprietaryOptionsValidator>());
        services.Configure<ModelAliasOptions>(section);
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ProprietaryStatus>();
        services.TryAddSingleton<DeploymentCircuits>();
        services.TryAddSingleton<DeploymentRateLimiter>();
        services.TryAddSingleton<ModelRetirementMonitor>();
        services.TryAddSingleton<ProviderChatClientFactory>();
        services.TryAddKeyedSingleton(ProviderClientKey, (sp, _) => sp.GetRequiredService<ProviderChatClientFactory>().Create());
        services.TryAddSingleton(sp => sp.GetRequiredKeyedService<IChatClient>(ProviderClientKey));
        services.TryAddTransient<RetryAfterCaptureHandler>();

        foreach (var deployment in DeploymentCatalog.NamesIn(configuration))
        {
            services.AddProviderHttpClient(deployment);
        }

        return services;
    }

    /// <summary>Adds <see cref="ProviderConfiguredHealthCheck"/> (Degraded when not configured or a model nears retirement).</summary>
    public static IHealthChecksBuilder AddProprietaryProviderCheck(this IHealthChecksBuilder builder, params string[] tags) =>
        builder.AddCheck<ProviderConfiguredHealthCheck>(ProviderConfiguredHealthCheck.Name, HealthStatus.Degraded, tags);

    private static void AddProviderHttpClient(this IServiceCollection services, string deployment)
    {
        services.AddHttpClient(ProviderResiliencePipeline.HttpClientNameFor(deployment), client => client.Timeout = Timeout.InfiniteTimeSpan)
            // IHttpClientFactory's Trace header logs redact the message text but hand every raw header value, the
            // Authorization key included, to structured sinks (measured with FakeLogCollector); RedactLoggedHeaders does
            // not change that. Retries are logged by this layer instead.
            .RemoveAllLoggers()
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                AutomaticDecompression = DecompressionMethods.All,
            })
            .AddHttpMessageHandler<RetryAfterCaptureHandler>()
            .AddResilienceHandler(ProviderResiliencePipeline.PipelineName, (builder, context) =>
            {
                var services = context.ServiceProvider;
                ProviderResiliencePipeline.Configure(
                    builder,
                    deployment,
                    services.GetRequiredService<IOptions<ProprietaryOptions>>().Value,
                    services.GetRequiredService<DeploymentCircuits>().For(deployment),
                    services.GetRequiredService<TimeProvider>(),
                    services.GetRequiredService<ILoggerFactory>().CreateLogger(ProviderResiliencePipeline.LoggerCategory));
            });
    }
}
