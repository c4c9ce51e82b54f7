using System.ClientModel;
using System.ClientModel.Primitives;
using HybridLlm.ProprietaryAdapter.Deployments;
using Microsoft.Extensions.AI;
using OpenAI;

namespace HybridLlm.ProprietaryAdapter.Providers;

/// <summary>Builds the OpenAI SDK chat client for OpenAI, Azure OpenAI (v1 surface) and OpenAI-compatible servers.</summary>
internal static class OpenAiChatClientBuilder
{
    public static IChatClient Create(DeploymentOptions deployment, ProprietaryOptions shared, HttpClient httpClient)
    {
        var clientOptions = new OpenAIClientOptions
        {
            // The SDK's own policy retries with no delay, skips 529 and ignores retry-after-ms: the HttpClient's
            // resilience handler is the one retry loop.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            Transport = new HttpClientPipelineTransport(httpClient),
            // Spans the whole retry loop inside the HttpClient (and is the idle limit between stream reads), so it must
            // not be shorter than the loop's worst case; the default 100 s would cut retries and long generations.
            NetworkTimeout = shared.Retry.WorstCaseDuration,
        };
        if (ProviderEndpoints.OpenAiEndpoint(deployment) is { } endpoint)
        {
            clientOptions.Endpoint = endpoint;
        }

        // The default model only matters for a call without ChatOptions.ModelId; the deployment router always sets one.
        return new OpenAIClient(new ApiKeyCredential(deployment.ApiKey!), clientOptions)
            .GetChatClient(shared.Model!)
            .AsIChatClient();
    }
}
