using StackExchange.Redis;

namespace HybridLlm.Gateway.Caching;

/// <summary>
/// Single-flight across gateway replicas: the first replica to miss a key takes a short Redis lease on it; the others
/// wait for its answer to land in the cache instead of calling the model too. Leases expire on their own, so a replica
/// that dies mid-call delays the others by at most the lease time.
/// </summary>
public sealed class RedisMissLock(IConnectionMultiplexer redis)
{
    private const string Prefix = "hybridllm:inflight:";

    // Deletes the lease only if it is still ours (it may have expired and been taken by another replica).
    private const string ReleaseScript = "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end";

    /// <returns>A lease to dispose when the answer is stored, or null when another replica holds the key.</returns>
    public async Task<IAsyncDisposable?> TryAcquireAsync(string cacheKey, TimeSpan leaseTime)
    {
        var token = Guid.NewGuid().ToString("N");
        var key = (RedisKey)(Prefix + cacheKey);
        return await redis.GetDatabase().StringSetAsync(key, token, leaseTime, When.NotExists)
            ? new Lease(redis, key, token)
            : null;
    }

    public Task<bool> IsHeldAsync(string cacheKey) => redis.GetDatabase().KeyExistsAsync(Prefix + cacheKey);

    private sealed class Lease(IConnectionMultiplexer redis, RedisKey key, string token) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            try
            {
                await redis.GetDatabase().ScriptEvaluateAsync(ReleaseScript, [key], [token]);
            }
            catch (RedisException)
            {
                // The lease expires by itself.
            }
        }
    }
}
