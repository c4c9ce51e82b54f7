using System.Runtime.CompilerServices;
using HybridLlm.Contracts;
using Microsoft.Extensions.AI;

namespace HybridLlm.Gateway.Costing;

/// <summary>Stamps each answer with what it cost (US dollars), from the served route, model and usage.</summary>
public sealed class CostingChatClient(IChatClient innerClient, PriceCalculator prices) : DelegatingChatClient(innerClient)
{
    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var response = await base.GetResponseAsync(messages, options, cancellationToken);
        var props = response.AdditionalProperties ??= [];
        if (prices.Price(ChatMetadata.GetString(props, ChatMetadata.Route), response.ModelId, response.Usage) is { } cost)
        {
            props[ChatMetadata.CostUsd] = cost;
        }

        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        UsageDetails? usage = null;
        string? modelId = null, route = null;
        await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken))
        {
            usage = update.Contents.OfType<UsageContent>().LastOrDefault()?.Details ?? usage;
            modelId = update.ModelId ?? modelId;
            route = ChatMetadata.GetString(update.AdditionalProperties, ChatMetadata.Route) ?? route;
            yield return update;
        }

        if (prices.Price(route, modelId, usage) is { } cost)
        {
            yield return new ChatResponseUpdate { Role = ChatRole.Assistant, AdditionalProperties = new() { [ChatMetadata.CostUsd] = cost } };
        }
    }
}
