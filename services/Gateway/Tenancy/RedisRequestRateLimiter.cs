using StackExchange.Redis;

namespace HybridLlm.Gateway.Tenancy;

/// <summary>
/// Requests-per-minute per tenant, counted in Redis so every gateway replica shares one budget: a fixed one-minute
/// window per tenant, incremented and given its expiry atomically by a script.
/// </summary>
public sealed class RedisRequestRateLimiter(IConnectionMultiplexer redis, TimeProvider timeProvider)
{
    private static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    // KEYS[1] = counter; ARGV[1] = window ms. Returns {count, remaining ms of the window}.
    private const string Script = """
        local count = redis.call('INCR', KEYS[1])
        if count == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
        local ttl = redis.call('PTTL', KEYS[1])
        return {count, ttl}
        """;

    /// <returns>Null when allowed, else how long until the window resets.</returns>
    public async Task<TimeSpan?> TryAcquireAsync(string tenantId, int requestsPerMinute)
    {
        if (requestsPerMinute <= 0)
        {
            return null;
        }

        var windowStart = timeProvider.GetUtcNow().ToUnixTimeMilliseconds() / (long)Window.TotalMilliseconds;
        var key = new RedisKey($"hybridllm:ratelimit:{tenantId}:{windowStart}");
        var result = (RedisResult[])(await redis.GetDatabase().ScriptEvaluateAsync(Script, [key], [(long)Window.TotalMilliseconds]))!;
        var count = (long)result[0];
        var remainingMs = Math.Max(1, (long)result[1]);
        return count <= requestsPerMinute ? null : TimeSpan.FromMilliseconds(remainingMs);
    }
}
