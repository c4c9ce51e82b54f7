using System.Runtime.CompilerServices;
using Grpc.Core;
using HybridLlm.Contracts;
using ClassifyResponse = HybridLlm.Grpc.V1.ClassifyResponse;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace HybridLlm.Gateway.Routing;

/// <summary>
/// The innermost gateway client: classifies the request (gRPC), applies <see cref="RoutingPolicy"/>, invokes the
/// chosen backend and stamps the route and reasons on the answer.
/// </summary>
/// <remarks>
/// Not <c>RoutingChatClient</c>: its selection result cannot flow back onto the response (the context's options are
/// a clone), and the decision and its reasons must travel with every answer and into the cache.
/// </remarks>
public sealed partial class HybridRouterChatClient(
    IRouteClassifier classifier,
    RoutingPolicy policy,
    IBackendClients backends,
    ILogger<HybridRouterChatClient> logger) : IChatClient
{
    /// <summary>What the gen_ai span reports as the provider: the hybrid router itself; the served model is per answer.</summary>
    private static readonly ChatClientMetadata Metadata = new("hybridllm", providerUri: null, defaultModelId: RoutingRequest.AutoAlias);

    public async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var history = messages as IReadOnlyList<ChatMessage> ?? messages.ToList();
        var decision = await DecideAsync(history, options, cancellationToken);
        var response = await backends.Get(decision.Route).GetResponseAsync(history, ForBackend(options, decision), cancellationToken);
        Stamp(response.AdditionalProperties ??= [], decision);
        return response;
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var history = messages as IReadOnlyList<ChatMessage> ?? messages.ToList();
        var decision = await DecideAsync(history, options, cancellationToken);
        await foreach (var update in backends.Get(decision.Route).GetStreamingResponseAsync(history, ForBackend(options, decision), cancellationToken))
        {
            yield return update;
        }

        var stamp = new ChatResponseUpdate { Role = ChatRole.Assistant, AdditionalProperties = [] };
        Stamp(stamp.AdditionalProperties, decision);
        yield return stamp;
    }

    /// <summary>Classifies when the policy needs it and decides; a classifier outage is a reason, not a crash.</summary>
    public async Task<RouteDecision> DecideAsync(IReadOnlyList<ChatMessage> messages, ChatOptions? options, CancellationToken cancellationToken)
    {
        var request = RoutingRequest.From(options);
        ClassifyResponse? classification = null;
        string? failure = null;
        if (RoutingPolicy.NeedsClassification(request))
        {
            try
            {
                classification = await classifier.ClassifyAsync(messages, cancellationToken);
            }
            catch (RpcException ex) when (ex.StatusCode is not StatusCode.Cancelled)
            {
                failure = ex.StatusCode.ToString();
                LogClassifierUnavailable(ex.StatusCode);
            }
        }

        var decision = policy.Decide(request, classification, failure);
        LogDecision(decision.Route, string.Join("; ", decision.Reasons));
        return decision;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(ChatClientMetadata) ? Metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
    }

    private static ChatOptions ForBackend(ChatOptions? options, RouteDecision decision)
    {
        var forwarded = options?.Clone() ?? new ChatOptions();
        forwarded.ModelId = decision.ModelAlias;
        return forwarded;
    }

    private static void Stamp(AdditionalPropertiesDictionary properties, RouteDecision decision)
    {
        properties[ChatMetadata.Route] = decision.Route;
        ChatMetadata.SetReasons(properties, decision.Reasons);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Routed to {Route}: {Reasons}")]
    private partial void LogDecision(string route, string reasons);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Classifier unavailable ({Status}); routing fails closed to local")]
    private partial void LogClassifierUnavailable(StatusCode status);
}
