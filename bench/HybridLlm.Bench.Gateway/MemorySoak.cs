using System.Diagnostics;
using System.Globalization;
using Grpc.Core;
using Grpc.Net.Client;
using HybridLlm.Grpc.V1;

namespace HybridLlm.Bench.Gateway;

/// <summary>What the soak saw: the gateway's memory samples and the load's latency per minute.</summary>
internal sealed record SoakResult(
    IReadOnlyList<MemorySample> Samples,
    TimeSpan LoadDuration,
    long Requests,
    long Errors,
    string? FirstError,
    IReadOnlyList<(int Minute, Percentiles Latency)> PerMinute,
    long RedisUsedMemoryBytes,
    string Mix,
    string LoadAverageAfter);

/// <summary>
/// The gateway in a child process (<see cref="GatewayChild"/>) under paced, mixed load for the soak duration, sampling
/// its memory; the mix covers every path that could hold on to memory: routed with and without the classifier,
/// cache hits, and misses that are stored.
/// </summary>
internal static class MemorySoak
{
    private const string Mix = "40% routed pinned-local (bypass), 20% routed auto via classifier (bypass), 30% cache hits, 10% unique prompts (miss, stored)";

    public static async Task<SoakResult> RunAsync(BenchSettings settings, RedisServer redis, FakeBackends fakes, TextWriter log, CancellationToken cancellationToken)
    {
        var samples = new List<MemorySample>();
        void OnLine(string line)
        {
            if (MemorySample.TryParse(line) is not { } sample)
            {
                return;
            }

            lock (samples)
            {
                samples.Add(sample);
            }

            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"soak t={sample.ElapsedSeconds,6:0}s working set {Mb(sample.WorkingSetBytes),7:0.0} MB  GC heap {Mb(sample.GcHeapBytes),7:0.0} MB  live after full GC {Mb(sample.LiveHeapAfterFullGcBytes),6:0.0} MB  gen2 {sample.Gen2Collections}"));
        }

        SoakResult load;
        await using (var gateway = await GatewayProcess.StartAsync(settings, redis, fakes, core: null, OnLine, cancellationToken))
        {
            using var channel = GrpcChannel.ForAddress(gateway.GrpcAddress);
            var client = new ChatService.ChatServiceClient(channel);
            await client.CompleteAsync(BenchRequests.Cacheable, cancellationToken: cancellationToken); // prime the hit path

            load = await PacedLoadAsync(client, settings, cancellationToken);

            // One more sample with the load off; disposing stops the child and reads its last lines.
            await Task.Delay(settings.SoakSampleInterval + TimeSpan.FromSeconds(1), cancellationToken);
        }

        MemorySample[] taken;
        lock (samples)
        {
            taken = [.. samples];
        }

        return load with { Samples = taken, RedisUsedMemoryBytes = await redis.UsedMemoryBytesAsync(), LoadAverageAfter = Machine.LoadAverage() };
    }

    private static async Task<SoakResult> PacedLoadAsync(ChatService.ChatServiceClient client, BenchSettings settings, CancellationToken cancellationToken)
    {
        var started = Stopwatch.GetTimestamp();
        var end = started + (long)(settings.SoakDuration.TotalSeconds * Stopwatch.Frequency);
        var interval = Stopwatch.Frequency / settings.SoakRequestsPerSecond;
        var nextSlot = started;
        long sequence = 0, errors = 0;
        string? firstError = null;
        var minutes = Math.Max(1, (int)Math.Ceiling(settings.SoakDuration.TotalMinutes)); // answers after the end count in the last minute
        var perMinute = Enumerable.Range(0, minutes).Select(_ => new List<long>()).ToArray();

        async Task WorkAsync()
        {
            while (Stopwatch.GetTimestamp() < end)
            {
                var wait = Interlocked.Add(ref nextSlot, interval) - Stopwatch.GetTimestamp();
                if (wait > 0)
                {
                    await Task.Delay(TimeSpan.FromSeconds((double)wait / Stopwatch.Frequency), cancellationToken);
                }

                var n = Interlocked.Increment(ref sequence);
                var request = (n % 10) switch
                {
                    < 4 => BenchRequests.RoutedPinned,
                    < 6 => BenchRequests.RoutedAuto,
                    < 9 => BenchRequests.Cacheable,
                    _ => BenchRequests.Unique(n),
                };
                var start = Stopwatch.GetTimestamp();
                try
                {
                    await client.CompleteAsync(request, cancellationToken: cancellationToken);
                    var bucket = perMinute[Math.Min(minutes - 1, (int)(Stopwatch.GetElapsedTime(started).TotalMinutes))];
                    lock (bucket)
                    {
                        bucket.Add(Stopwatch.GetTimestamp() - start);
                    }
                }
                catch (RpcException ex) when (ex.StatusCode != StatusCode.Cancelled)
                {
                    Interlocked.Increment(ref errors);
                    Interlocked.CompareExchange(ref firstError, $"{ex.StatusCode}: {ex.Status.Detail}", null);
                }
            }
        }

        await Task.WhenAll(Enumerable.Range(0, settings.SoakConcurrency).Select(_ => Task.Run(WorkAsync, cancellationToken)));
        var answered = perMinute.Sum(b => (long)b.Count);
        return new SoakResult([], Stopwatch.GetElapsedTime(started), answered, errors, firstError,
            [.. perMinute.Select((b, i) => (i + 1, new Percentiles(b))).Where(m => m.Item2.Count > 0)], 0, Mix, string.Empty);
    }

    private static double Mb(long bytes) => bytes / (1024.0 * 1024.0);
}
