using System.Diagnostics;
using System.Globalization;

namespace HybridLlm.Bench.Gateway;

/// <summary>
/// <c>--Mode serve-gateway</c>: the gateway alone in a process of its own, so its working set and GC heap are not mixed
/// with the load generator's. Protocol on stdout: <c>READY &lt;grpc address&gt;</c>, then one <see cref="MemorySample"/>
/// line per interval; the parent ends it with <c>STOP</c> on stdin.
/// </summary>
internal static class GatewayChild
{
    public static async Task<int> RunAsync(BenchSettings settings)
    {
        using var console = ConsoleSplit.Start("soak-gateway");
        var setup = new GatewaySetup(settings.Redis, new Uri(settings.BackendAddress), new Uri(settings.ClassifierAddress), settings.GatewayOverridePairs);
        await using (var gateway = await InProcessGateway.StartAsync(setup, CancellationToken.None))
        {
            console.Report.WriteLine($"READY {gateway.GrpcAddress}");
            await SampleUntilStoppedAsync(settings, console.Report);
        }

        if (!settings.KeepGatewayLogs)
        {
            console.DeleteGatewayLogs();
        }

        return 0;
    }

    private static async Task SampleUntilStoppedAsync(BenchSettings settings, TextWriter report)
    {

        using var stop = new CancellationTokenSource();
        var stdin = Task.Run(async () =>
        {
            while (await Console.In.ReadLineAsync() is { } line && line != "STOP")
            {
                // Only STOP (or the parent closing stdin) ends the child.
            }

            await stop.CancelAsync();
        });

        var started = Stopwatch.GetTimestamp();
        using var timer = new PeriodicTimer(settings.SoakSampleInterval);
        do
        {
            report.WriteLine(MemorySample.Take(Stopwatch.GetElapsedTime(started)).ToLine());
        }
        while (await WaitAsync(timer, stop.Token));

        await stdin;
    }

    private static async Task<bool> WaitAsync(PeriodicTimer timer, CancellationToken cancellationToken)
    {
        try
        {
            return await timer.WaitForNextTickAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }
}

/// <summary>The gateway process's memory at one moment: as it is under load, and what is live after a full GC.</summary>
internal sealed record MemorySample(double ElapsedSeconds, long WorkingSetBytes, long GcHeapBytes, long GcCommittedBytes, long LiveHeapAfterFullGcBytes, int Gen2Collections)
{
    public const string Prefix = "MEM";

    /// <summary>Reads the numbers as they are, then forces one full blocking GC for the live heap (every sample
    /// interval, a pause the soak's latency figures include).</summary>
    public static MemorySample Take(TimeSpan elapsed)
    {
        var workingSet = Environment.WorkingSet;
        var info = GC.GetGCMemoryInfo();
        var gen2 = GC.CollectionCount(2);
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        return new MemorySample(elapsed.TotalSeconds, workingSet, info.HeapSizeBytes, info.TotalCommittedBytes, GC.GetTotalMemory(forceFullCollection: false), gen2);
    }

    public string ToLine() => string.Create(CultureInfo.InvariantCulture,
        $"{Prefix} {ElapsedSeconds:0.0} {WorkingSetBytes} {GcHeapBytes} {GcCommittedBytes} {LiveHeapAfterFullGcBytes} {Gen2Collections}");

    public static MemorySample? TryParse(string line)
    {
        var parts = line.Split(' ');
        if (parts.Length != 7 || parts[0] != Prefix)
        {
            return null;
        }

        var i = CultureInfo.InvariantCulture;
        return new MemorySample(double.Parse(parts[1], i), long.Parse(parts[2], i), long.Parse(parts[3], i), long.Parse(parts[4], i), long.Parse(parts[5], i), int.Parse(parts[6], i));
    }
}
