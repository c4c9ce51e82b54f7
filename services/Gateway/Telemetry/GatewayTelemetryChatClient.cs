using System.Diagnostics;
using System.Runtime.CompilerServices;
using HybridLlm.Contracts;
using Microsoft.Extensions.AI;

namespace HybridLlm.Gateway.Telemetry;

/// <summary>
/// Adds HybridLlm's attributes (route, reasons, cache hit, cost, model digest) to the gen_ai span that
/// <c>UseOpenTelemetry</c> opened just outside this client, so one span tells the whole decision.
/// </summary>
public sealed class GatewayTelemetryChatClient(IChatClient innerClient) : DelegatingChatClient(innerClient)
{
    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var activity = Activity.Current;
        var response = await base.GetResponseAsync(messages, options, cancellationToken);
        Tag(activity, response.AdditionalProperties);
        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var activity = Activity.Current;
        var metadata = new AdditionalPropertiesDictionary();
        await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken))
        {
            if (update.AdditionalProperties is { } props)
            {
                foreach (var (key, value) in props)
                {
                    metadata[key] = value;
                }
            }

            yield return update;
        }

        Tag(activity, metadata);
    }

    private static void Tag(Activity? activity, AdditionalPropertiesDictionary? props)
    {
        if (activity is null || props is null)
        {
            return;
        }

        activity.SetTag("hybridllm.route", ChatMetadata.GetString(props, ChatMetadata.Route));
        activity.SetTag("hybridllm.cache_hit", ChatMetadata.GetBool(props, ChatMetadata.CacheHit));
        activity.SetTag("hybridllm.cost_usd", ChatMetadata.GetDouble(props, ChatMetadata.CostUsd));
        activity.SetTag("hybridllm.decision_reasons", ChatMetadata.GetString(props, ChatMetadata.DecisionReasons));
        if (ChatMetadata.GetString(props, ChatMetadata.ModelDigest) is { } digest)
        {
            activity.SetTag("hybridllm.model_digest", digest);
        }
    }
}
