using System.Diagnostics;
using Grpc.Core;

namespace HybridLlm.Bench.Gateway;

/// <summary>One call of a scenario; returns false when the answer is not the kind the scenario measures.</summary>
internal delegate Task<bool> BenchCall(CancellationToken cancellationToken);

/// <summary>
/// Closed-loop load: <c>concurrency</c> workers each send the next request as soon as the previous one answered, for a
/// fixed time. Latency is client-observed (request written to answer read); CPU time is the whole process's plus, when the
/// gateway runs in a child process, the child's; allocations are this process's only.
/// </summary>
internal static class LoadRunner
{
    public static async Task<RunResult> RunAsync(
        string scenario, int concurrency, TimeSpan duration, BenchCall call, CancellationToken cancellationToken, Func<TimeSpan>? childCpu = null)
    {
        using var process = Process.GetCurrentProcess();
        var cpuBefore = process.TotalProcessorTime + (childCpu?.Invoke() ?? TimeSpan.Zero);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var gcBefore = GcCounts();
        var started = Stopwatch.GetTimestamp();
        var deadline = started + (long)(duration.TotalSeconds * Stopwatch.Frequency);

        var workers = Enumerable.Range(0, concurrency)
            .Select(_ => Task.Run(() => WorkAsync(call, deadline, cancellationToken), cancellationToken))
            .ToArray();
        var outcomes = await Task.WhenAll(workers);

        var elapsed = Stopwatch.GetElapsedTime(started);
        process.Refresh();
        var gcAfter = GcCounts();
        return new RunResult(
            scenario,
            concurrency,
            [.. outcomes.SelectMany(o => o.Latencies)],
            elapsed,
            outcomes.Sum(o => o.Errors),
            outcomes.Sum(o => o.Unexpected),
            outcomes.Select(o => o.FirstError).FirstOrDefault(e => e is not null),
            process.TotalProcessorTime + (childCpu?.Invoke() ?? TimeSpan.Zero) - cpuBefore,
            GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore,
            [gcAfter[0] - gcBefore[0], gcAfter[1] - gcBefore[1], gcAfter[2] - gcBefore[2]]);
    }

    private static async Task<WorkerOutcome> WorkAsync(BenchCall call, long deadline, CancellationToken cancellationToken)
    {
        var latencies = new List<long>(capacity: 16_384);
        int errors = 0, unexpected = 0;
        string? firstError = null;
        while (Stopwatch.GetTimestamp() < deadline && !cancellationToken.IsCancellationRequested)
        {
            var start = Stopwatch.GetTimestamp();
            try
            {
                if (!await call(cancellationToken))
                {
                    unexpected++;
                }

                latencies.Add(Stopwatch.GetTimestamp() - start);
            }
            catch (RpcException ex) when (ex.StatusCode != StatusCode.Cancelled)
            {
                errors++;
                firstError ??= $"{ex.StatusCode}: {ex.Status.Detail}";
            }
        }

        return new WorkerOutcome(latencies, errors, unexpected, firstError);
    }

    private static int[] GcCounts() => [GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2)];

    private sealed record WorkerOutcome(List<long> Latencies, int Errors, int Unexpected, string? FirstError);
}

/// <summary>What one run (or several pooled runs) of a scenario measured. Latencies are <see cref="Stopwatch"/> ticks.</summary>
internal sealed record RunResult(
    string Scenario,
    int Concurrency,
    long[] Latencies,
    TimeSpan Elapsed,
    int Errors,
    int Unexpected,
    string? FirstError,
    TimeSpan CpuTime,
    long AllocatedBytes,
    int[] Collections)
{
    public int Requests => Latencies.Length;

    public double RequestsPerSecond => Requests / Elapsed.TotalSeconds;

    /// <summary>Process CPU per answered request, in microseconds (both cores count).</summary>
    public double CpuMicrosecondsPerRequest => CpuTime.TotalMicroseconds / Math.Max(1, Requests);

    public double AllocatedKilobytesPerRequest => AllocatedBytes / 1024.0 / Math.Max(1, Requests);

    public static RunResult Pool(IReadOnlyList<RunResult> runs) => new(
        runs[0].Scenario,
        runs[0].Concurrency,
        [.. runs.SelectMany(r => r.Latencies)],
        TimeSpan.FromTicks(runs.Sum(r => r.Elapsed.Ticks)),
        runs.Sum(r => r.Errors),
        runs.Sum(r => r.Unexpected),
        runs.Select(r => r.FirstError).FirstOrDefault(e => e is not null),
        TimeSpan.FromTicks(runs.Sum(r => r.CpuTime.Ticks)),
        runs.Sum(r => r.AllocatedBytes),
        [runs.Sum(r => r.Collections[0]), runs.Sum(r => r.Collections[1]), runs.Sum(r => r.Collections[2])]);
}
