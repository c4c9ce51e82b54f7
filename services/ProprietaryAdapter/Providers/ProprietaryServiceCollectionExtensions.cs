using System.Net;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using HybridLlm.ProprietaryAdapter.Providers;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers the proprietary provider: options, the resilient HttpClient and the <see cref="IChatClient"/>.</summary>
internal static class ProprietaryServiceCollectionExtensions
{
    /// <summary>
    /// Binds and validates <c>Proprietary</c> at start, registers the named provider HttpClient (infinite
    /// <see cref="HttpClient.Timeout"/>, retry + circuit breaker + attempt timeout) and a singleton <see cref="IChatClient"/>
    /// built once from the options (a not-configured stand-in when the key is missing), plus <see cref="ProprietaryStatus"/>
    /// and <see cref="TimeProvider.System"/> unless a TimeProvider is already registered.
    /// </summary>
    public static IServiceCollection AddProprietaryProvider(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptionsWithValidateOnStart<ProprietaryOptions>()
            .Bind(configuration.GetSection(ProprietaryOptions.SectionName));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<ProprietaryOptions>, ProprietaryOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ProprietaryStatus>();
        services.TryAddSingleton<ProviderChatClientFactory>();
        services.TryAddSingleton(sp => sp.GetRequiredService<ProviderChatClientFactory>().Create());
        services.TryAddTransient<RetryAfterCaptureHandler>();

        services.AddHttpClient(ProviderResiliencePipeline.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
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
            .AddResilienceHandler(ProviderResiliencePipeline.PipelineName, static (builder, context) =>
            {
                var services = context.ServiceProvider;
                ProviderResiliencePipeline.Configure(
                    builder,
                    services.GetRequiredService<IOptions<ProprietaryOptions>>().Value,
                    services.GetRequiredService<TimeProvider>(),
                    services.GetRequiredService<ILoggerFactory>().CreateLogger(ProviderResiliencePipeline.LoggerCategory));
            });
        return services;
    }

    /// <summary>Adds <see cref="ProviderConfiguredHealthCheck"/> (Degraded when the provider is not configured).</summary>
    public static IHealthChecksBuilder AddProprietaryProviderCheck(this IHealthChecksBuilder builder, params string[] tags) =>
        builder.AddCheck<ProviderConfiguredHealthCheck>(ProviderConfiguredHealthCheck.Name, HealthStatus.Degraded, tags);
}
