using System.Runtime.CompilerServices;
using HybridLlm.Contracts;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace HybridLlm.Gateway.Costing;

/// <summary>
/// Stamps each answer with what it cost (US dollars, from the served route, model and usage) and counts it in the
/// Redis spend ledger with its all-API counterfactual. A ledger outage never fails a request.
/// </summary>
public sealed partial class CostingChatClient(IChatClient innerClient, PriceCalculator prices, SpendLedger? ledger, ILogger<CostingChatClient> logger)
    : DelegatingChatClient(innerClient)
{
    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var response = await base.GetResponseAsync(messages, options, cancellationToken);
        var props = response.AdditionalProperties ??= [];
        var cost = await AccountAsync(options, ChatMetadata.GetString(props, ChatMetadata.Route), response.ModelId, response.Usage);
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
        await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken))
        {
            usage = update.Contents.OfType<UsageContent>().LastOrDefault()?.Details ?? usage;
            modelId = update.ModelId ?? modelId;
            route = ChatMetadata.GetString(update.AdditionalProperties, ChatMetadata.Route) ?? route;
            yield return update;
        }

        if (await AccountAsync(options, route, modelId, usage) is { } cost)
        {
            yield return new ChatResponseUpdate { Role = ChatRole.Assistant, AdditionalProperties = new() { [ChatMetadata.CostUsd] = cost } };
        }
    }

    private async Task<double?> AccountAsync(ChatOptions? options, string? route, string? modelId, UsageDetails? usage)
    {
        var cost = prices.Price(route, modelId, usage);
        if (ledger is null || route is null || ChatMetadata.GetBool(options?.AdditionalProperties, ChatMetadata.DryRun))
        {
            return cost;
        }

        try
        {
            var tenant = ChatMetadata.GetString(options?.AdditionalProperties, ChatMetadata.TenantId) ?? "default";
            await ledger.RecordAsync(tenant, route, cost ?? 0, prices.AllApiPrice(usage), usage?.InputTokenCount ?? 0, usage?.OutputTokenCount ?? 0);
        }
        catch (Exception ex) when (ex is StackExchange.Redis.RedisException or TimeoutException)
        {
            LogLedgerUnavailable(ex.GetType().Name);
        }

        return cost;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Spend ledger unavailable ({Error}); the request was served but not counted")]
    private partial void LogLedgerUnavailable(string error);
}
