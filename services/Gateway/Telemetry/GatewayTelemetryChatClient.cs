using System.Diagnostics;
using System.Runtime.CompilerServices;
using HybridLlm.Contracts;
using HybridLlm.Contracts.Errors;
using Microsoft.Extensions.AI;

namespace HybridLlm.Gateway.Telemetry;

/// <summary>
/// Adds HybridLlm's attributes (route, reasons, cache hit, cost, model digest) to the gen_ai span that
/// <c>UseOpenTelemetry</c> opened just outside this client, so one span tells the whole decision, and records
/// <see cref="GatewayMetrics"/>.
/// </summary>
public sealed class GatewayTelemetryChatClient(IChatClient innerClient, GatewayMetrics metrics, TimeProvider timeProvider) : DelegatingChatClient(innerClient)
{
    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var activity = Activity.Current;
        var started = timeProvider.GetTimestamp();
        ChatResponse response;
        try
        {
            response = await base.GetResponseAsync(messages, options, cancellationToken);
        }
        catch (Exception ex)
        {
            metrics.Failed(ChatErrorMapper.ToRpcException(ex, cancellationToken).StatusCode.ToString());
            throw;
        }

        Tag(activity, response.AdditionalProperties);
        metrics.Answered(response.AdditionalProperties, response.Usage, timeProvider.GetElapsedTime(started));
        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var activity = Activity.Current;
        var started = timeProvider.GetTimestamp();
        var metadata = new AdditionalPropertiesDictionary();
        UsageDetails? usage = null;
        TimeSpan? firstToken = null;
        await using var updates = base.GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            try
            {
                if (!await updates.MoveNextAsync())
                {
                    break;
                }
            }
            catch (Exception ex)
            {
                metrics.Failed(ChatErrorMapper.ToRpcException(ex, cancellationToken).StatusCode.ToString());
                throw;
            }

            var update = updates.Current;
            if (firstToken is null && update.Text.Length > 0)
            {
                // The route is only known from the stream's last update, so the first token is recorded at the end.
                firstToken = timeProvider.GetElapsedTime(started);
            }

            usage = update.Contents.OfType<UsageContent>().LastOrDefault()?.Details ?? usage;
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
        if (firstToken is { } ttft)
        {
            metrics.FirstToken(ttft, metadata);
        }

        metrics.Answered(metadata, usage, timeProvider.GetElapsedTime(started));
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
        activity.SetTag("hybridllm.attempts", (int)ChatMetadata.GetDouble(props, ChatMetadata.Attempts));
        if (ChatMetadata.GetBool(props, ChatMetadata.Degraded))
        {
            activity.SetTag("hybridllm.degraded", true);
        }

        if (ChatMetadata.GetString(props, ChatMetadata.ModelDigest) is { } digest)
        {
            activity.SetTag("hybridllm.model_digest", digest);
        }
    }
}
