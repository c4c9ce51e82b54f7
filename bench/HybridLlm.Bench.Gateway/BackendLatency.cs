namespace HybridLlm.Bench.Gateway;

/// <summary>
/// The fake backend's answer time: uniform between <c>mean − spread</c> and <c>mean + spread</c>, drawn per request from
/// 21 evenly spaced values, each served by its own <see cref="FixedDelay"/> thread (so every queue stays first in, first
/// out and precise). A spread keeps the closed loop's callers out of step: with one fixed delay all 32 answers come back
/// together and queue for the cores in a burst, which real traffic does not do.
/// </summary>
internal sealed class BackendLatency : IDisposable
{
    private const int Steps = 21;
    private readonly FixedDelay[] _delays;

    public BackendLatency(TimeSpan mean, TimeSpan spread)
    {
        if (spread > mean)
        {
            throw new ArgumentException("The spread cannot exceed the mean delay.", nameof(spread));
        }

        _delays = spread == TimeSpan.Zero
            ? [new FixedDelay(mean)]
            : [.. Enumerable.Range(0, Steps).Select(i => new FixedDelay(mean - spread + (spread * 2 * i / (Steps - 1))))];
    }

    public Task WaitAsync() => _delays[Random.Shared.Next(_delays.Length)].WaitAsync();

    public void Dispose()
    {
        foreach (var delay in _delays)
        {
            delay.Dispose();
        }
    }
}
