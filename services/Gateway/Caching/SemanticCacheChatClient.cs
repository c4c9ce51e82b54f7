using System.Numerics.Tensors;
using System.Text.Json;
using HybridLlm.Contracts;
using HybridLlm.Gateway.Routing;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace HybridLlm.Gateway.Caching;

/// <summary>
/// Semantic cache behind the exact-match cache: for single-turn prompts only, looks for an earlier answer whose prompt
/// embedding is within <see cref="SemanticCacheOptions.MinSimilarity"/> (cosine) in the same bucket — same tenant,
/// model alias, privacy class, pin and options — so tenants and routes stay apart exactly as in the exact cache.
/// Entries live in Redis lists capped per bucket; a lookup scans the bucket (bounded by the cap).
/// </summary>
public sealed partial class SemanticCacheChatClient(
    IChatClient innerClient,
    IEmbeddingGenerator<string, Embedding<float>> embeddings,
    IConnectionMultiplexer redis,
    IOptionsMonitor<SemanticCacheOptions> options,
    ILogger<SemanticCacheChatClient> logger) : DelegatingChatClient(innerClient)
{
    private const string KeyPrefix = "hybridllm:semcache:v1:";
    private static readonly JsonSerializerOptions Json = AIJsonUtilities.DefaultOptions;

    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? chatOptions = null, CancellationToken cancellationToken = default)
    {
        var history = messages as IReadOnlyList<ChatMessage> ?? messages.ToList();
        var settings = options.CurrentValue;
        if (!settings.Enabled || SingleTurnPrompt(history) is not { } prompt || !Cacheable(chatOptions))
        {
            return await base.GetResponseAsync(history, chatOptions, cancellationToken);
        }

        var key = BucketKey(chatOptions);
        float[] vector;
        try
        {
            vector = (await embeddings.GenerateAsync([prompt], cancellationToken: cancellationToken))[0].Vector.ToArray();
            if (await FindAsync(key, vector, settings.MinSimilarity) is { } hit)
            {
                return hit;
            }
        }
        catch (Exception ex) when (ex is RedisException or global::Grpc.Core.RpcException or TimeoutException)
        {
            LogUnavailable(ex.GetType().Name);
            return await base.GetResponseAsync(history, chatOptions, cancellationToken);
        }

        var response = await base.GetResponseAsync(history, chatOptions, cancellationToken);
        if (ChatMetadata.GetString(response.AdditionalProperties, ChatMetadata.DeferredJobId) is not { Length: > 0 })
        {
            await StoreAsync(key, vector, response, settings);
        }

        return response;
    }

    /// <summary>Semantic matches need the whole question in one user message (and at most a system prompt, matched exactly).</summary>
    private static string? SingleTurnPrompt(IReadOnlyList<ChatMessage> messages)
    {
        var users = messages.Where(m => m.Role == ChatRole.User).ToList();
        return users.Count == 1 && messages.All(m => m.Role == ChatRole.User || m.Role == ChatRole.System) ? users[0].Text : null;
    }

    private static bool Cacheable(ChatOptions? chatOptions) =>
        !ChatMetadata.GetBool(chatOptions?.AdditionalProperties, ChatMetadata.BypassCache)
        && !ChatMetadata.GetBool(chatOptions?.AdditionalProperties, ChatMetadata.DryRun)
        && chatOptions?.Tools is not { Count: > 0 };

    /// <summary>Everything but the user's words: tenant, alias, privacy, pin, system prompt and generation options.</summary>
    private static string BucketKey(ChatOptions? chatOptions)
    {
        var request = RoutingRequest.From(chatOptions);
        object?[] values = [request.TenantId, request.ModelAlias ?? "auto", request.IsPrivate, request.PinnedRoute ?? "auto", chatOptions];
        return KeyPrefix + AIJsonUtilities.HashDataToString(values, Json);
    }

    private async Task<ChatResponse?> FindAsync(string key, float[] vector, double minSimilarity)
    {
        var entries = await redis.GetDatabase().ListRangeAsync(key);
        SemanticEntry? best = null;
        var bestSimilarity = minSimilarity;
        foreach (var raw in entries)
        {
            var entry = JsonSerializer.Deserialize<SemanticEntry>((byte[])raw!);
            if (entry is null || entry.Vector.Length != vector.Length)
            {
                continue;
            }

            var similarity = TensorPrimitives.CosineSimilarity(vector, entry.Vector);
            if (similarity >= bestSimilarity)
            {
                (best, bestSimilarity) = (entry, similarity);
            }
        }

        if (best is null)
        {
            return null;
        }

        var response = JsonSerializer.Deserialize<ChatResponse>(best.Response, Json)!;
        var props = response.AdditionalProperties ??= [];
        props[ChatMetadata.CacheHit] = true;
        props[ChatMetadata.CostUsd] = 0d;
        ChatMetadata.SetReasons(props, [.. ChatMetadata.GetReasons(props), $"semantic cache: similarity {bestSimilarity:0.000}"]);
        return response;
    }

    private async Task StoreAsync(string key, float[] vector, ChatResponse response, SemanticCacheOptions settings)
    {
        try
        {
            var entry = JsonSerializer.SerializeToUtf8Bytes(new SemanticEntry(vector, JsonSerializer.SerializeToUtf8Bytes(response, Json)));
            var db = redis.GetDatabase();
            await db.ListLeftPushAsync(key, entry);
            await db.ListTrimAsync(key, 0, settings.MaxEntriesPerBucket - 1);
            await db.KeyExpireAsync(key, settings.TimeToLive);
        }
        catch (RedisException ex)
        {
            LogUnavailable(ex.GetType().Name);
        }
    }

    private sealed record SemanticEntry(float[] Vector, byte[] Response);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Semantic cache unavailable ({Error}); serving without it")]
    private partial void LogUnavailable(string error);
}
