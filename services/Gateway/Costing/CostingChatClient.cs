using System.Runtime.CompilerServices;
using HybridLlm.Contracts;
using Microsoft.Extensions.AI;

namespace HybridLlm.Gateway.Costing;

/// <summary>
/// Stamps each answer with what it cost (US dollars, from the served route, model and usage) and queues it, with its
/// all-API counterfactual, for the Redis spend ledger (<see cref="SpendRecordWriter"/>): counting never delays or fails
/// a request.
/// </summary>
public sealed class CostingChatClient(IChatClient innerClient, PriceCalculator prices, SpendRecordWriter? spend, TimeProvider timeProvider)
    : DelegatingChatClient(innerClient)
{
    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var response = await base.GetResponseAsync(messages, options, cancellationToken);
        var props = response.AdditionalProperties ??= [];
        var cost = Account(options, ChatMetadata.GetString(props, ChatMetadata.Route), response.ModelId, response.Usage,
            ChatMetadata.GetDouble(props, ChatMetadata.ComputeMs));
        if (cost is not null)
        {
            props[ChatMetadata.CostUsd] = cost.Value;
        }

        return response;
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        UsageDetails? usage = null;
        string? modelId = null, route = null;
        var computeMs = 0d;
        await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken))
        {
            usage = update.Contents.OfType<UsageContent>().LastOrDefault()?.Details ?? usage;
            computeMs = ChatMetadata.GetDouble(update.AdditionalProperties, ChatMetadata.ComputeMs) is > 0 and var measured ? measured : computeMs;
            modelId = update.ModelId ?? modelId;
            route = ChatMetadata.GetString(update.AdditionalProperties, ChatMetadata.Route) ?? route;
            yield return update;
        }

        if (Account(options, route, modelId, usage, computeMs) is { } cost)
        {
            yield return new ChatResponseUpdate { Role = ChatRole.Assistant, AdditionalProperties = new() { [ChatMetadata.CostUsd] = cost } };
        }
    }

    private double? Account(ChatOptions? options, string? route, string? modelId, UsageDetails? usage, double computeMs)
    {
        var cost = prices.Price(route, modelId, usage, computeMs);
        if (spend is not null && route is not null && !ChatMetadata.GetBool(options?.AdditionalProperties, ChatMetadata.DryRun))
        {
            var tenant = ChatMetadata.GetString(options?.AdditionalProperties, ChatMetadata.TenantId) ?? "default";
            spend.TryRecord(new SpendRecord(tenant, route, cost ?? 0, prices.AllApiPrice(usage),
                usage?.InputTokenCount ?? 0, usage?.OutputTokenCount ?? 0, timeProvider.GetUtcNow()));
        }

        return cost;
    }
}
