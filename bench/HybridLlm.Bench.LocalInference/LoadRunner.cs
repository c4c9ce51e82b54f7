using System.Collections.Concurrent;
using System.Diagnostics;

namespace HybridLlm.Bench.LocalInference;

/// <summary>Drives a target: closed-loop callers, or a wave of callers arriving at once.</summary>
internal static class LoadRunner
{
    /// <summary><paramref name="concurrency"/> callers, each sending <paramref name="requestsPerCaller"/> requests back to back.</summary>
    public static async Task<LevelResult> RunClosedLoopAsync(IStreamTarget target, int concurrency, int requestsPerCaller)
    {
        var outcomes = new ConcurrentBag<StreamOutcome>();
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(_ => Task.Run(async () =>
        {
            for (var i = 0; i < requestsPerCaller; i++)
            {
                outcomes.Add(await target.StreamAsync(Interlocked.Increment(ref next)));
            }
        })));
        return Summarize(concurrency, outcomes, clock.Elapsed);
    }

    /// <summary><paramref name="callers"/> requests at once; past capacity some are refused, which is the point.</summary>
    public static async Task<(LevelResult Result, IReadOnlyList<double> RetryAfterMs)> RunWaveAsync(IStreamTarget target, int callers)
    {
        var clock = Stopwatch.StartNew();
        var outcomes = await Task.WhenAll(Enumerable.Range(0, callers).Select(i => Task.Run(() => target.StreamAsync(i))));
        return (Summarize(callers, outcomes, clock.Elapsed), [.. outcomes.Where(o => o.RetryAfterMs is not null).Select(o => o.RetryAfterMs!.Value)]);
    }

    private static LevelResult Summarize(int concurrency, IReadOnlyCollection<StreamOutcome> outcomes, TimeSpan elapsed)
    {
        var served = outcomes.Where(o => !o.Shed).ToList();
        return new LevelResult(
            concurrency, served.Count, outcomes.Count - served.Count, served.Sum(o => o.Tokens), elapsed,
            [.. served.Select(o => o.FirstTokenMs)]);
    }
}
