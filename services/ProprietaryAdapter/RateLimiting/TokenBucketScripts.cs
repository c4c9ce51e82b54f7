namespace HybridLlm.ProprietaryAdapter.RateLimiting;

/// <summary>
/// The Lua scripts behind <see cref="DeploymentRateLimiter"/>. Each deployment has one Redis hash holding two token
/// buckets: <c>r</c> (requests left) and <c>t</c> (tokens left), refilled continuously at limit/60 s, plus <c>ts</c>
/// (last update, ms). Time comes from the callers' TimeProvider; a replica whose clock lags refills nothing rather than
/// moving the bucket back. Redis runs a script atomically, so replicas never both spend the same capacity.
/// </summary>
internal static class TokenBucketScripts
{
    /// <summary>
    /// Picks the candidate with the most headroom that can take the request now and spends one request and the
    /// estimated tokens from it. KEYS: the candidates' hashes. ARGV: now (ms), estimated tokens, key TTL (ms), then per
    /// candidate its requests/min and tokens/min (0 = unlimited). Returns { chosen index (1-based) or 0, wait in ms
    /// until the soonest candidate has room }. A request larger than a token bucket waits for a full bucket.
    /// </summary>
    public const string Acquire = """
        local now = tonumber(ARGV[1])
        local cost = tonumber(ARGV[2])
        local ttl = tonumber(ARGV[3])
        local best, bestScore, bestR, bestT, bestTs = 0, -1, 0, 0, 0
        local wait = -1
        for i = 1, #KEYS do
          local rpm = tonumber(ARGV[2 + 2 * i])
          local tpm = tonumber(ARGV[3 + 2 * i])
          local state = redis.call('HMGET', KEYS[i], 'r', 't', 'ts')
          local r = tonumber(state[1]) or rpm
          local t = tonumber(state[2]) or tpm
          local ts = tonumber(state[3]) or now
          local elapsed = math.max(0, now - ts)
          if rpm > 0 then r = math.min(rpm, r + elapsed * rpm / 60000) end
          if tpm > 0 then t = math.min(tpm, t + elapsed * tpm / 60000) end
          local c = cost
          if tpm > 0 and c > tpm then c = tpm end
          local need = 0
          if rpm > 0 and r < 1 then need = (1 - r) * 60000 / rpm end
          if tpm > 0 and t < c then need = math.max(need, (c - t) * 60000 / tpm) end
          if need <= 0 then
            local score = 1
            if rpm > 0 then score = math.min(score, (r - 1) / rpm) end
            if tpm > 0 then score = math.min(score, (t - c) / tpm) end
            if score > bestScore then
              best, bestScore, bestTs = i, score, math.max(ts, now)
              bestR = (rpm > 0) and (r - 1) or 0
              bestT = (tpm > 0) and (t - c) or 0
            end
          elseif wait < 0 or need < wait then
            wait = need
          end
        end
        if best > 0 then
          redis.call('HSET', KEYS[best], 'r', bestR, 't', bestT, 'ts', bestTs)
          redis.call('PEXPIRE', KEYS[best], ttl)
          return { best, 0 }
        end
        return { 0, math.ceil(wait) }
        """;

    /// <summary>
    /// Settles a request's token estimate against its real usage. KEYS: the deployment's hash. ARGV: now (ms),
    /// requests/min, tokens/min, tokens to give back (negative: the request used more than estimated), key TTL (ms).
    /// A missing hash is a full bucket. The balance may go negative (down to minus one minute's worth), which makes
    /// later requests wait until the overrun is paid off.
    /// </summary>
    public const string Settle = """
        local now = tonumber(ARGV[1])
        local rpm = tonumber(ARGV[2])
        local tpm = tonumber(ARGV[3])
        local delta = tonumber(ARGV[4])
        local ttl = tonumber(ARGV[5])
        local state = redis.call('HMGET', KEYS[1], 'r', 't', 'ts')
        local r = tonumber(state[1]) or rpm
        local t = tonumber(state[2]) or tpm
        local ts = tonumber(state[3]) or now
        local elapsed = math.max(0, now - ts)
        if rpm > 0 then r = math.min(rpm, r + elapsed * rpm / 60000) end
        t = math.max(-tpm, math.min(tpm, t + elapsed * tpm / 60000 + delta))
        redis.call('HSET', KEYS[1], 'r', r, 't', t, 'ts', math.max(ts, now))
        redis.call('PEXPIRE', KEYS[1], ttl)
        return 1
        """;
}
