using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace HybridLlm.ProprietaryAdapter.Tests.Support;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that reports every timer created on it, so a test can wait until the retry loop has
/// actually started its backoff wait, read how long that wait is, and only then advance the clock (no race, no sleeps).
/// </summary>
internal sealed class TimerObservingTimeProvider : FakeTimeProvider
{
    private readonly Channel<TimeSpan> _dueTimes = Channel.CreateUnbounded<TimeSpan>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        _dueTimes.Writer.TryWrite(dueTime);
        return timer;
    }

    /// <summary>
    /// The due time of the next finite timer shorter than <paramref name="shorterThan"/> (Polly's attempt timeout creates
    /// its timer infinite and arms it later, so the first finite one is the retry delay).
    /// </summary>
    public async Task<TimeSpan> NextDelayAsync(TimeSpan shorterThan)
    {
        using var giveUp = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (true)
        {
            var due = await _dueTimes.Reader.ReadAsync(giveUp.Token);
            if (due >= TimeSpan.Zero && due < shorterThan)
            {
                return due;
            }
        }
    }
}
