namespace HybridLlm.LocalInference.Admission;

/// <summary>
/// Estimates how soon a refused request could be served, from how long recent requests held a sequence: the queue
/// drains <c>slots</c> requests per average request, and a newcomer waits for everyone ahead of it.
/// </summary>
internal sealed class RetryAfterEstimator
{
    /// <summary>Hint given before any request has finished.</summary>
    public static readonly TimeSpan Initial = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan Floor = TimeSpan.FromMilliseconds(100);
    private static readonly TimeSpan Ceiling = TimeSpan.FromSeconds(60);

    // Weight of the newest duration in the moving average: recent enough to follow load, steady enough not to jump.
    private const double NewestWeight = 0.2;

    private readonly Lock _gate = new();
    private readonly int _slots;
    private double _averageMs = double.NaN;

    public RetryAfterEstimator(int slots)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(slots);
        _slots = slots;
    }

    /// <summary>Moving average of how long a request held its sequence, or null before the first one finished.</summary>
    public TimeSpan? AverageHold
    {
        get
        {
            lock (_gate)
            {
                return double.IsNaN(_averageMs) ? null : TimeSpan.FromMilliseconds(_averageMs);
            }
        }
    }

    public void Record(TimeSpan held)
    {
        lock (_gate)
        {
            _averageMs = double.IsNaN(_averageMs)
                ? held.TotalMilliseconds
                : (NewestWeight * held.TotalMilliseconds) + ((1 - NewestWeight) * _averageMs);
        }
    }

    /// <summary>The wait for a sequence with <paramref name="queued"/> requests ahead, clamped to 100 ms … 60 s.</summary>
    public TimeSpan Estimate(long queued)
    {
        if (AverageHold is not { } average)
        {
            return Initial;
        }

        var rounds = (Math.Max(queued, 0) / _slots) + 1;
        var estimate = average * rounds;
        return estimate < Floor ? Floor : estimate > Ceiling ? Ceiling : estimate;
    }
}
