using System.Diagnostics;

namespace HybridLlm.Bench.Gateway;

/// <summary>Nearest-rank percentiles of a latency sample, in milliseconds.</summary>
internal sealed class Percentiles
{
    private readonly double[] _sortedMilliseconds;

    public Percentiles(IReadOnlyCollection<long> stopwatchTicks)
    {
        _sortedMilliseconds = [.. stopwatchTicks.Select(t => t * 1000.0 / Stopwatch.Frequency).Order()];
    }

    public int Count => _sortedMilliseconds.Length;

    public double P50 => At(50);

    public double P90 => At(90);

    public double P99 => At(99);

    public double P999 => At(99.9);

    public double Max => _sortedMilliseconds.Length == 0 ? double.NaN : _sortedMilliseconds[^1];

    public double Mean => _sortedMilliseconds.Length == 0 ? double.NaN : _sortedMilliseconds.Average();

    public double At(double percentile)
    {
        if (_sortedMilliseconds.Length == 0)
        {
            return double.NaN;
        }

        var rank = (int)Math.Ceiling(percentile / 100 * _sortedMilliseconds.Length);
        return _sortedMilliseconds[Math.Clamp(rank - 1, 0, _sortedMilliseconds.Length - 1)];
    }
}
