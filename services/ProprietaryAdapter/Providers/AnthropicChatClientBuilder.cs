using Anthropic;
using Anthropic.Core;
using HybridLlm.ProprietaryAdapter.Deployments;
using Microsoft.Extensions.AI;

namespace HybridLlm.ProprietaryAdapter.Providers;

/// <summary>Builds the official Anthropic SDK's chat client over the provider HttpClient.</summary>
internal static class AnthropicChatClientBuilder
{
    public static IChatClient Create(DeploymentOptions deployment, ProprietaryOptions shared, HttpClient httpClient)
    {
        // Options are passed to the constructor (not init setters) so the SDK sees an explicit key and base URL and does
        // not go looking for ANTHROPIC_* variables or credential profiles.
        var client = new AnthropicClient(new ClientOptions
        {
            ApiKey = deployment.ApiKey,
            BaseUrl = ProviderEndpoints.AnthropicBaseUrl(deployment),
            // The SDK retries 408/409/429/5xx itself by default; the HttpClient's resilience handler owns retries.
            MaxRetries = 0,
            HttpClient = httpClient,
            // The SDK's per-call timeout wraps the whole retry loop inside the HttpClient.
            Timeout = shared.Retry.WorstCaseDuration,
        });
        return client.AsIChatClient(shared.Model, shared.MaxOutputTokens);
    }
}
