using System.ClientModel;
using System.ClientModel.Primitives;
using Microsoft.Extensions.AI;
using OpenAI;

namespace HybridLlm.ProprietaryAdapter.Providers;

/// <summary>Builds the OpenAI SDK chat client for OpenAI, Azure OpenAI (v1 surface) and OpenAI-compatible servers.</summary>
internal static class OpenAiChatClientBuilder
{
    public static IChatClient Create(ProprietaryOptions options, HttpClient httpClient)
    {
        var clientOptions = new OpenAIClientOptions
        {
            // The SDK's own policy retries with no delay, skips 529 and ignores retry-after-ms: the HttpClient's
            // resilience handler is the one retry loop.
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            Transport = new HttpClientPipelineTransport(httpClient),
            // Spans the whole retry loop inside the HttpClient (and is the idle limit between stream reads), so it must
            // not be shorter than the loop's worst case; the default 100 s would cut retries and long generations.
            NetworkTimeout = options.Retry.WorstCaseDuration,
        };
        if (ProviderEndpoints.OpenAiEndpoint(options) is { } endpoint)
        {
            clientOptions.Endpoint = endpoint;
        }

        return new OpenAIClient(new ApiKeyCredential(options.ApiKey!), clientOptions)
            .GetChatClient(options.Model!)
            .AsIChatClient();
    }
}
