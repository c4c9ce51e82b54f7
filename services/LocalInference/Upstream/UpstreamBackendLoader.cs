using System.ClientModel;
using System.ClientModel.Primitives;
using HybridLlm.LocalInference.Serving;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using OpenAI;

namespace HybridLlm.LocalInference.Upstream;

/// <summary>
/// The <c>OpenAICompatible</c> backend: the OpenAI SDK's <see cref="IChatClient"/> pointed at a vLLM, TGI, Ollama or
/// llama-server endpoint. The SDK's own retries are off: a refused or failed call surfaces at once and the gateway
/// fails over, instead of two retry loops multiplying attempts.
/// </summary>
internal sealed partial class UpstreamBackendLoader(
    IOptions<UpstreamOptions> options, IHttpClientFactory httpClientFactory, ILogger<UpstreamBackendLoader> logger) : IModelBackendLoader
{
    /// <summary>Name of the upstream's <see cref="HttpClient"/> (no client-side timeout; the SDK's network timeout applies).</summary>
    public const string HttpClientName = "HybridLlm.LocalInference.Upstream";

    // vLLM, Ollama and llama-server accept any key when they were started without one; the SDK insists on one.
    private const string NoKey = "no-key";

    public Task<ModelBackend> LoadAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var endpoint = ApiBase(settings.Endpoint!);
        var clientOptions = new OpenAIClientOptions
        {
            Endpoint = endpoint,
            RetryPolicy = new ClientRetryPolicy(maxRetries: 0),
            NetworkTimeout = settings.UpstreamTimeout,
            Transport = new HttpClientPipelineTransport(httpClientFactory.CreateClient(HttpClientName)),
        };
        var client = new OpenAIClient(new ApiKeyCredential(settings.ApiKey is { Length: > 0 } key ? key : NoKey), clientOptions)
            .GetChatClient(settings.UpstreamModel!)
            .AsIChatClient()
            .AsBuilder()
            .Use(inner => new UpstreamStatusChatClient(inner))
            .Build();
        LogUpstream(settings.UpstreamModel!, $"{endpoint.Scheme}://{endpoint.Authority}{endpoint.AbsolutePath}");
        return Task.FromResult(new ModelBackend(client, settings.UpstreamModel!, digest: null));
    }

    /// <summary>The OpenAI routes live under <c>/v1</c>; accept the base URL with or without it.</summary>
    internal static Uri ApiBase(Uri endpoint)
    {
        var path = endpoint.AbsolutePath.TrimEnd('/');
        return path.EndsWith("/v1", StringComparison.Ordinal)
            ? new Uri(endpoint, path)
            : new Uri(endpoint, path + "/v1");
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Serving {Model} from the OpenAI-compatible upstream {Endpoint}")]
    private partial void LogUpstream(string model, string endpoint);
}
