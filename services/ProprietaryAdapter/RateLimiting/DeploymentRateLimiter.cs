using System.Globalization;
using HybridLlm.ProprietaryAdapter.Deployments;
using HybridLlm.ProprietaryAdapter.Providers;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace HybridLlm.ProprietaryAdapter.RateLimiting;

/// <summary>
/// Keeps each deployment under its configured requests and tokens per minute across every replica: one atomic Lua
/// call (<see cref="TokenBucketScripts.Acquire"/>) picks the candidate with the most headroom and spends from it; with
/// none free, it waits (on the injected TimeProvider) as long as the request's budget allows, then gives up with
/// <see cref="RateLimitExceededException"/>. Redis trouble fails open (the vendor's own 429s and the retry loop still
/// protect it), logged once per outage.
/// </summary>
internal sealed class DeploymentRateLimiter
{
    // A bucket left alone this long is full again, so its key may go.
    private static readonly TimeSpan KeyTtl = TimeSpan.FromMinutes(2);

    private readonly RateLimitOptions _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<DeploymentRateLimiter> _logger;
    private readonly IConnectionMultiplexer? _redis;
    private int _outage;

    public DeploymentRateLimiter(
        IOptions<ProprietaryOptions> options,
        TimeProvider timeProvider,
        ILogger<DeploymentRateLimiter> logger,
        IConnectionMultiplexer? redis = null)
    {
        _options = options.Value.RateLimit;
        _timeProvider = timeProvider;
        _logger = logger;
        _redis = redis;
        if (redis is null && DeploymentCatalog.All(options.Value).Any(d => d.Options.IsConfigured && d.Options.IsRateLimited))
        {
            throw new InvalidOperationException(
                "Proprietary deployments with RequestsPerMinute or TokensPerMinute need Redis (ConnectionStrings:redis) to share their limits.");
        }
    }

    /// <summary>Takes capacity for a request of <paramref name="estimatedTokens"/> from the candidate with the most headroom.</summary>
    public async ValueTask<RateLimitLease> AcquireAsync(
        string model, IReadOnlyList<ProviderDeployment> candidates, long estimatedTokens, TimeSpan waitBudget, CancellationToken cancellationToken)
    {
        if (_redis is null || !candidates.Any(c => c.Options.IsRateLimited))
        {
            return new RateLimitLease(candidates[0], estimatedTokens, Metered: false);
        }

        var keys = candidates.Select(c => BucketKey(c.Name)).ToArray();
        var started = _timeProvider.GetTimestamp();
        while (true)
        {
            var (chosen, wait) = await TryAcquireAsync(keys, candidates, estimatedTokens).ConfigureAwait(false);
            if (chosen is not null)
            {
                return chosen;
            }

            if (_timeProvider.GetElapsedTime(started) + wait > waitBudget)
            {
                Log.RateLimited(_logger, model, wait.TotalMilliseconds, waitBudget.TotalMilliseconds);
                throw new RateLimitExceededException(model, wait);
            }

            await Task.Delay(wait, _timeProvider, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Gives back (or charges) the difference between the estimate and <paramref name="actualTokens"/>; never throws.</summary>
    public async ValueTask SettleAsync(RateLimitLease lease, long? actualTokens)
    {
        var options = lease.Deployment.Options;
        if (!lease.Metered || options.TokensPerMinute is null || actualTokens is not long actual || actual == lease.EstimatedTokens)
        {
            return;
        }

        try
        {
            await _redis!.GetDatabase().ScriptEvaluateAsync(
                TokenBucketScripts.Settle,
                [BucketKey(lease.Deployment.Name)],
                [NowMs(), options.RequestsPerMinute ?? 0, options.TokensPerMinute ?? 0, lease.EstimatedTokens - actual, (long)KeyTtl.TotalMilliseconds])
                .ConfigureAwait(false);
            RecoveredFromOutage();
        }
        catch (Exception e) when (e is RedisException or RedisTimeoutException)
        {
            NoteOutage(e);
        }
    }

    private async ValueTask<(RateLimitLease? Lease, TimeSpan Wait)> TryAcquireAsync(
        RedisKey[] keys, IReadOnlyList<ProviderDeployment> candidates, long estimatedTokens)
    {
        var args = new RedisValue[3 + (2 * candidates.Count)];
        args[0] = NowMs();
        args[1] = estimatedTokens;
        args[2] = (long)KeyTtl.TotalMilliseconds;
        for (var i = 0; i < candidates.Count; i++)
        {
            args[3 + (2 * i)] = candidates[i].Options.RequestsPerMinute ?? 0;
            args[4 + (2 * i)] = candidates[i].Options.TokensPerMinute ?? 0;
        }

        try
        {
            var result = (RedisResult[])(await _redis!.GetDatabase().ScriptEvaluateAsync(TokenBucketScripts.Acquire, keys, args).ConfigureAwait(false))!;
            RecoveredFromOutage();
            var index = (int)result[0];
            return index > 0
                ? (new RateLimitLease(candidates[index - 1], estimatedTokens, Metered: true), TimeSpan.Zero)
                : (null, TimeSpan.FromMilliseconds(Math.Max(1, (long)result[1])));
        }
        catch (Exception e) when (e is RedisException or RedisTimeoutException)
        {
            NoteOutage(e);
            return (new RateLimitLease(candidates[0], estimatedTokens, Metered: false), TimeSpan.Zero);
        }
    }

    private RedisKey BucketKey(string deployment) =>
        // One hash tag for every bucket, so a multi-deployment script stays in one cluster slot.
        string.Create(CultureInfo.InvariantCulture, $"{{{_options.KeyPrefix}}}:{deployment.ToLowerInvariant()}");

    private long NowMs() => _timeProvider.GetUtcNow().ToUnixTimeMilliseconds();

    private void NoteOutage(Exception e)
    {
        if (Interlocked.Exchange(ref _outage, 1) == 0)
        {
            Log.LimiterUnavailable(_logger, e.GetType().Name);
        }
    }

    private void RecoveredFromOutage()
    {
        if (Volatile.Read(ref _outage) == 1 && Interlocked.Exchange(ref _outage, 0) == 1)
        {
            Log.LimiterRecovered(_logger);
        }
    }
}
