using System.Diagnostics;

namespace HybridLlm.Bench.Adapter;

/// <summary>One way of answering the benchmark request; <see cref="Service"/> is set when it runs in its own process.</summary>
internal sealed record Variant(string Name, Func<CancellationToken, Task> Call, AdapterProcess? Service = null);

/// <summary>What a variant accumulated at one concurrency, over every slice it ran.</summary>
internal sealed class Measurement(Variant variant, int concurrency)
{
    public Variant Variant { get; } = variant;

    public int Concurrency { get; } = concurrency;

    public List<long> LatencyTicks { get; } = [];

    public TimeSpan Elapsed { get; set; }

    public long AllocatedBytes { get; set; }

    public TimeSpan ServiceCpu { get; set; }

    public long PeakWorkingSet { get; set; }

    public long PeakManagedHeap { get; set; }
}

/// <summary>
/// Closed-loop load. At concurrency 1 the variants take turns request by request, so a busy neighbour on the machine
/// slows them alike; at higher concurrency they take turns in slices, and every slice adds to the variant's totals.
/// </summary>
internal static class LoadRunner
{
    public static async Task InterleavedSequentialAsync(IReadOnlyList<Measurement> measurements, int iterations)
    {
        var cpuBefore = measurements.Select(m => m.Variant.Service?.CpuTime ?? TimeSpan.Zero).ToArray();
        for (var i = 0; i < iterations; i++)
        {
            for (var k = 0; k < measurements.Count; k++)
            {
                var measurement = measurements[(i + k) % measurements.Count];
                var allocated = GC.GetTotalAllocatedBytes(precise: true);
                var begin = Stopwatch.GetTimestamp();
                await measurement.Variant.Call(CancellationToken.None).ConfigureAwait(false);
                var ticks = Stopwatch.GetTimestamp() - begin;
                measurement.AllocatedBytes += GC.GetTotalAllocatedBytes(precise: true) - allocated;
                measurement.LatencyTicks.Add(ticks);
                measurement.Elapsed += Stopwatch.GetElapsedTime(0, ticks);
            }
        }

        for (var k = 0; k < measurements.Count; k++)
        {
            measurements[k].ServiceCpu += (measurements[k].Variant.Service?.CpuTime ?? TimeSpan.Zero) - cpuBefore[k];
        }
    }

    public static async Task SliceAsync(Measurement measurement, int requests)
    {
        var latencies = new long[requests];
        var next = -1;
        using var sampling = new CancellationTokenSource();
        var sampler = SampleMemoryAsync(measurement, sampling.Token);
        var service = measurement.Variant.Service;
        var cpuBefore = service?.CpuTime ?? TimeSpan.Zero;
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var started = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, measurement.Concurrency).Select(_ => Task.Run(async () =>
        {
            int index;
            while ((index = Interlocked.Increment(ref next)) < requests)
            {
                var begin = Stopwatch.GetTimestamp();
                await measurement.Variant.Call(CancellationToken.None).ConfigureAwait(false);
                latencies[index] = Stopwatch.GetTimestamp() - begin;
            }
        }));
        await Task.WhenAll(workers).ConfigureAwait(false);
        measurement.Elapsed += Stopwatch.GetElapsedTime(started);
        measurement.AllocatedBytes += GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore;
        measurement.ServiceCpu += (service?.CpuTime ?? TimeSpan.Zero) - cpuBefore;
        await sampling.CancelAsync().ConfigureAwait(false);
        await sampler.ConfigureAwait(false);
        measurement.LatencyTicks.AddRange(latencies);
    }

    /// <summary>Peak resident memory of the process serving the variant (its own process, or this one) while the slice runs.</summary>
    private static async Task SampleMemoryAsync(Measurement measurement, CancellationToken cancellationToken)
    {
        using var self = Process.GetCurrentProcess();
        while (!cancellationToken.IsCancellationRequested)
        {
            self.Refresh();
            var workingSet = measurement.Variant.Service?.WorkingSet ?? self.WorkingSet64;
            measurement.PeakWorkingSet = Math.Max(measurement.PeakWorkingSet, workingSet);
            measurement.PeakManagedHeap = Math.Max(measurement.PeakManagedHeap, GC.GetTotalMemory(forceFullCollection: false));
            try
            {
                await Task.Delay(50, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
            }
        }
    }
}
