using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HybridLlm.ProprietaryAdapter.Providers;

/// <summary>Builds the adapter's one <see cref="IChatClient"/> from <see cref="ProprietaryOptions"/>, once.</summary>
internal sealed class ProviderChatClientFactory(
    IOptions<ProprietaryOptions> options,
    ProprietaryStatus status,
    IHttpClientFactory httpClientFactory,
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
        // The SDK keeps this HttpClient for the process lifetime; the primary handler's PooledConnectionLifetime
        // (set in ProprietaryServiceCollectionExtensions) keeps DNS fresh instead of handler rotation.
        var httpClient = httpClientFactory.CreateClient(ProviderResiliencePipeline.HttpClientName);
        var vendorClient = value.Provider == ProviderKind.Anthropic
            ? AnthropicChatClientBuilder.Create(value, httpClient)
            : OpenAiChatClientBuilder.Create(value, httpClient);
        Log.ProviderReady(logger, value.Provider, value.Model!, DescribeEndpoint(value));

        return vendorClient.AsBuilder()
            .Use(inner => new UpstreamErrorChatClient(inner, value.Provider, logger))
            .ConfigureOptions(chatOptions => chatOptions.MaxOutputTokens ??= value.MaxOutputTokens)
            .Build();
    }

    // Scheme, host, port and path only: user info or a query string could hold credentials.
    private static string DescribeEndpoint(ProprietaryOptions options) =>
        options.Endpoint is { } endpoint ? $"{endpoint.Scheme}://{endpoint.Authority}{endpoint.AbsolutePath}" : "(vendor default)";
}
