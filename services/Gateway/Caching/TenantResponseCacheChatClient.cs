using System.Text.Json;
using HybridLlm.Contracts;
using HybridLlm.Gateway.Routing;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Caching.Distributed;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HybridLlm.Gateway.Caching;

/// <summary>
/// Exact-match response cache in Redis, looked up before classification so a hit costs one round trip.
/// Built on Microsoft.Extensions.AI's <see cref="CachingChatClient"/> (streaming coalescing and replay included), with
/// what <c>DistributedCachingChatClient</c> lacks here: the key carries tenant, requested model alias, privacy class
/// and pinned route (tenants never share answers; an alias never gets another route's answer), entries expire, a
/// request can bypass the cache, hits are marked and cost nothing, and a Redis outage degrades to uncached serving.
/// </summary>
public sealed partial class TenantResponseCacheChatClient(
    IChatClient innerClient,
    IDistributedCache cache,
    IOptionsMonitor<ResponseCacheOptions> options,
    ILogger<TenantResponseCacheChatClient> logger) : CachingChatClient(innerClient)
{
    private const string KeyVersion = "v1:";
    private static readonly JsonSerializerOptions Json = AIJsonUtilities.DefaultOptions;
    private int _unavailable;

    protected override bool EnableCaching(IEnumerable<ChatMessage> messages, ChatOptions? chatOptions) =>
        options.CurrentValue.Enabled
        && !ChatMetadata.GetBool(chatOptions?.AdditionalProperties, ChatMetadata.BypassCache)
        && base.EnableCaching(messages, chatOptions);

    protected override string GetCacheKey(IEnumerable<ChatMessage> messages, ChatOptions? chatOptions, params ReadOnlySpan<object?> additionalValues)
    {
        var request = RoutingRequest.From(chatOptions);
        object?[] values =
        [
            request.TenantId,
            request.ModelAlias ?? RoutingRequest.AutoAlias,
            request.IsPrivate ? "private" : "standard",
            request.PinnedRoute ?? "auto",
            messages,
            chatOptions,
            .. additionalValues,
        ];
        return KeyVersion + AIJsonUtilities.HashDataToString(values, Json);
    }

    protected override async Task<ChatResponse?> ReadCacheAsync(string key, CancellationToken cancellationToken)
    {
        var bytes = await TryAsync(() => cache.GetAsync(key, cancellationToken));
        if (bytes is null)
        {
            return null;
        }

        var response = JsonSerializer.Deserialize<ChatResponse>(bytes, Json);
        if (response is not null)
        {
            MarkHit(response.AdditionalProperties ??= []);
        }

        return response;
    }

    protected override async Task<IReadOnlyList<ChatResponseUpdate>?> ReadCacheStreamingAsync(string key, CancellationToken cancellationToken)
    {
        var bytes = await TryAsync(() => cache.GetAsync(key, cancellationToken));
        if (bytes is null || JsonSerializer.Deserialize<List<ChatResponseUpdate>>(bytes, Json) is not { } updates)
        {
            return null;
        }

        // Metadata may sit on any update; the hit marker goes last so it wins over the stored cost.
        var marker = new ChatResponseUpdate { Role = ChatRole.Assistant, AdditionalProperties = [] };
        MarkHit(marker.AdditionalProperties);
        updates.Add(marker);
        return updates;
    }

    protected override Task WriteCacheAsync(string key, ChatResponse value, CancellationToken cancellationToken) =>
        WriteAsync(key, JsonSerializer.SerializeToUtf8Bytes(value, Json), cancellationToken);

    protected override Task WriteCacheStreamingAsync(string key, IReadOnlyList<ChatResponseUpdate> value, CancellationToken cancellationToken) =>
        WriteAsync(key, JsonSerializer.SerializeToUtf8Bytes(value, Json), cancellationToken);

    private async Task WriteAsync(string key, byte[] bytes, CancellationToken cancellationToken)
    {
        var entry = new DistributedCacheEntryOptions { AbsoluteExpirationRelativeToNow = options.CurrentValue.TimeToLive };
        await TryAsync(async () =>
        {
            await cache.SetAsync(key, bytes, entry, cancellationToken);
            return Array.Empty<byte>();
        });
    }

    private static void MarkHit(AdditionalPropertiesDictionary properties)
    {
        properties[ChatMetadata.CacheHit] = true;
        properties[ChatMetadata.CostUsd] = 0d;
    }

    /// <summary>Redis trouble never fails a request: it is served uncached, logged once per outage.</summary>
    private async Task<byte[]?> TryAsync(Func<Task<byte[]?>> operation)
    {
        try
        {
            var result = await operation();
            if (Interlocked.Exchange(ref _unavailable, 0) == 1)
            {
                LogCacheRecovered();
            }

            return result;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            if (Interlocked.Exchange(ref _unavailable, 1) == 0)
            {
                LogCacheUnavailable(ex.GetType().Name);
            }

            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Response cache unavailable ({Error}); serving uncached until it returns")]
    private partial void LogCacheUnavailable(string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Response cache available again")]
    private partial void LogCacheRecovered();
}
