using System.Collections.Concurrent;
using HybridLlm.Grpc.V1;

namespace HybridLlm.Cli.Gateway;

/// <summary>What a load run observed; thread-safe, filled by many workers.</summary>
internal sealed class LoadStatistics
{
    private readonly ConcurrentBag<double> _latencyMs = [];
    private readonly ConcurrentBag<double> _ttftMs = [];
    private readonly ConcurrentDictionary<string, int> _routes = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, int> _errors = new(StringComparer.Ordinal);
    private long _cacheHits;
    private long _costMicroUsd;

    public int Completed => _latencyMs.Count;

    public int Failed => _errors.Values.Sum();

    public IReadOnlyDictionary<string, int> Routes => _routes;

    public IReadOnlyDictionary<string, int> Errors => _errors;

    public long CacheHits => Interlocked.Read(ref _cacheHits);

    public double CostUsd => Interlocked.Read(ref _costMicroUsd) / 1e6;

    public void Succeeded(ChatResponse final, TimeSpan latency, TimeSpan? timeToFirstToken)
    {
        _latencyMs.Add(latency.TotalMilliseconds);
        if (timeToFirstToken is { } ttft)
        {
            _ttftMs.Add(ttft.TotalMilliseconds);
        }

        _routes.AddOrUpdate(final.Route.ToString(), 1, (_, n) => n + 1);
        if (final.CacheHit)
        {
            Interlocked.Increment(ref _cacheHits);
        }

        Interlocked.Add(ref _costMicroUsd, (long)Math.Round(final.CostUsd * 1e6));
    }

    public void Errored(string status) => _errors.AddOrUpdate(status, 1, (_, n) => n + 1);

    public (double P50, double P95, double P99) Latency() => Percentiles(_latencyMs);

    public (double P50, double P95, double P99) TimeToFirstToken() => Percentiles(_ttftMs);

    private static (double, double, double) Percentiles(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length == 0 ? (0, 0, 0) : (At(sorted, 0.50), At(sorted, 0.95), At(sorted, 0.99));
    }

    /// <summary>Nearest-rank percentile.</summary>
    internal static double At(double[] sorted, double quantile) =>
        sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Length) - 1, 0, sorted.Length - 1)];
}
