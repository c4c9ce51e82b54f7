using HybridLlm.ProprietaryAdapter.Deployments;
using HybridLlm.ProprietaryAdapter.PromptCaching;
using HybridLlm.ProprietaryAdapter.RateLimiting;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HybridLlm.ProprietaryAdapter.Providers;

/// <summary>
/// Builds the adapter's provider-layer <see cref="IChatClient"/> once: one vendor SDK client per configured deployment
/// (each over its own HttpClient, retry loop and circuit breaker) behind the <see cref="DeploymentRouterChatClient"/>.
/// </summary>
internal sealed class ProviderChatClientFactory(
    IOptions<ProprietaryOptions> options,
    ProprietaryStatus status,
    IHttpClientFactory httpClientFactory,
    DeploymentRateLimiter limiter,
    DeploymentCircuits circuits,
    ILoggerFactory loggerFactory)
{
    public IChatClient Create()
    {
        var logger = loggerFactory.CreateLogger<ProviderChatClientFactory>();
        if (!status.IsConfigured)
        {
            Log.ProviderNotConfigured(logger, status.Description);
            return new NotConfiguredChatClient(status);
        }

        var value = options.Value;
        var deployments = new List<ProviderDeployment>();
        foreach (var entry in DeploymentCatalog.All(value))
        {
            if (!entry.Options.IsConfigured)
            {
                Log.DeploymentWithoutKey(logger, entry.Name, entry.ConfigurationPath);
                continue;
            }

            deployments.Add(new ProviderDeployment(entry, CreateVendorClient(entry, value, logger)));
            Log.ProviderReady(logger, entry);
        }

        return new DeploymentRouterChatClient(deployments, limiter, circuits, value, loggerFactory.CreateLogger<DeploymentRouterChatClient>());
    }

    private IChatClient CreateVendorClient(DeploymentEntry entry, ProprietaryOptions shared, ILogger logger)
    {
        // The SDK keeps this HttpClient for the process lifetime; the primary handler's PooledConnectionLifetime
        // (set in ProprietaryServiceCollectionExtensions) keeps DNS fresh instead of handler rotation.
        var httpClient = httpClientFactory.CreateClient(ProviderResiliencePipeline.HttpClientNameFor(entry.Name));
        var deployment = entry.Options;
        var isAnthropic = deployment.Provider == ProviderKind.Anthropic;
        var vendorClient = isAnthropic
            ? AnthropicChatClientBuilder.Create(deployment, shared, httpClient)
            : OpenAiChatClientBuilder.Create(deployment, shared, httpClient);

        var builder = vendorClient.AsBuilder()
            .Use(inner => new UpstreamErrorChatClient(inner, entry.Name, deployment.Provider, logger))
            .ConfigureOptions(chatOptions => chatOptions.MaxOutputTokens ??= shared.MaxOutputTokens);
        if (isAnthropic)
        {
            builder.Use(inner => new AnthropicPromptCachingChatClient(inner, shared.PromptCaching));
        }

        return builder.Build();
    }
}
