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
    ILogger<TenantResponseCacheChatClient> logger,
    RedisMissLock? missLock = null,
    TimeProvider? timeProvider = null) : CachingChatClient(innerClient)
{
    private const string KeyVersion = "v1:";
    private static readonly JsonSerializerOptions Json = AIJsonUtilities.DefaultOptions;
    private readonly SingleFlight<ChatResponse> _singleFlight = new();
    private int _unavailable;

    /// <summary>
    /// The non-streaming path, with the cache key computed once: a hit is one Redis read; concurrent identical misses in
    /// this replica share one model call (<see cref="SingleFlight{T}"/>), and across replicas one (<see cref="RedisMissLock"/>).
    /// Followers get the answer as a cache hit.
    /// </summary>
    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var history = messages as IReadOnlyList<ChatMessage> ?? messages.ToList();
        if (!EnableCaching(history, options))
        {
            return await InnerClient.GetResponseAsync(history, options, cancellationToken);
        }

        var key = GetCacheKey(history, options, false);
        if (await ReadCacheAsync(key, cancellationToken) is { } hit)
        {
            return hit;
        }

        return await _singleFlight.RunAsync(
            key,
            () => ComputeOnceAcrossReplicasAsync(key, history, options, cancellationToken),
            CopyAsHit,
            cancellationToken);
    }

    private static ChatResponse CopyAsHit(ChatResponse answer)
    {
        var copy = JsonSerializer.Deserialize<ChatResponse>(JsonSerializer.SerializeToUtf8Bytes(answer, Json), Json)!;
        MarkHit(copy.AdditionalProperties ??= []);
        return copy;
    }

    /// <summary>
    /// The model call for a miss, unless another replica is already making it: then wait (polling the cache) for its
    /// answer while its lease lasts. Redis trouble never blocks the request: it simply proceeds.
    /// </summary>
    private async Task<ChatResponse> ComputeOnceAcrossReplicasAsync(
        string key, IReadOnlyList<ChatMessage> history, ChatOptions? chatOptions, CancellationToken cancellationToken)
    {
        IAsyncDisposable? lease = null;
        if (missLock is not null)
        {
            var settings = options.CurrentValue;
            try
            {
                lease = await missLock.TryAcquireAsync(key, settings.MissLeaseTime);
                if (lease is null && await WaitForPeerAsync(key, settings, cancellationToken) is { } peerAnswer)
                {
                    return peerAnswer;
                }
            }
            catch (StackExchange.Redis.RedisException)
            {
            }
        }

        try
        {
            // Checked again now that the key is ours: a flight (here or on another replica) that just finished stored
            // its answer before it let go of the key.
            if (await ReadCacheAsync(key, cancellationToken) is { } justStored)
            {
                return justStored;
            }

            var response = await InnerClient.GetResponseAsync(history, chatOptions, cancellationToken);
            await WriteCacheAsync(key, response, cancellationToken);
            return response;
        }
        finally
        {
            if (lease is not null)
            {
                await lease.DisposeAsync();
            }
        }
    }

    private async Task<ChatResponse?> WaitForPeerAsync(string key, ResponseCacheOptions settings, CancellationToken cancellationToken)
    {
        var clock = timeProvider ?? TimeProvider.System;
        var started = clock.GetTimestamp();
        while (clock.GetElapsedTime(started) < settings.MissLeaseTime)
        {
            await Task.Delay(settings.PeerPollInterval, clock, cancellationToken);
            if (await ReadCacheAsync(key, cancellationToken) is { } answer)
            {
                return answer;
            }

            if (!await missLock!.IsHeldAsync(key))
            {
                // The peer failed or gave up: the answer is ours to make.
                return await ReadCacheAsync(key, cancellationToken);
            }
        }

        return null;
    }

    protected override bool EnableCaching(IEnumerable<ChatMessage> messages, ChatOptions? chatOptions) =>
        options.CurrentValue.Enabled
        && !ChatMetadata.GetBool(chatOptions?.AdditionalProperties, ChatMetadata.BypassCache)
        && !ChatMetadata.GetBool(chatOptions?.AdditionalProperties, ChatMetadata.DryRun)
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
            ToolsSignature(chatOptions),
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

    /// <summary>Only complete answers are stored: a deferred job ticket is not an answer.</summary>
    protected override Task WriteCacheAsync(string key, ChatResponse value, CancellationToken cancellationToken) =>
        ChatMetadata.GetString(value.AdditionalProperties, ChatMetadata.DeferredJobId) is { Length: > 0 }
            ? Task.CompletedTask
            : WriteAsync(key, JsonSerializer.SerializeToUtf8Bytes(value, Json), cancellationToken);

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

    /// <summary>ChatOptions' JSON leaves tools out, so the key names them explicitly: different tools, different answers.</summary>
    private static string ToolsSignature(ChatOptions? options) =>
        options?.Tools is not { Count: > 0 } tools
            ? string.Empty
            : string.Join('|', tools.Select(t => t is AIFunctionDeclaration f ? $"{f.Name}:{f.Description}:{f.JsonSchema.GetRawText()}" : t.Name))
              + "#" + options.ToolMode switch
              {
                  NoneChatToolMode => "none",
                  RequiredChatToolMode { RequiredFunctionName: { } name } => name,
                  RequiredChatToolMode => "required",
                  _ => "auto",
              };

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
