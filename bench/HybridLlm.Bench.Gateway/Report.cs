using System.Globalization;

namespace HybridLlm.Bench.Gateway;

/// <summary>The markdown tables of bench/RESULTS.md's "Gateway" section, from one run's results.</summary>
internal static class Report
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    public static void WriteLatency(TextWriter w, LatencyResults results, BenchSettings settings)
    {
        var levels = settings.ConcurrencyLevels;
        WriteTargets(w, results, levels, settings.BackendDelay == TimeSpan.Zero
            ? "at once"
            : F($"in {(settings.BackendDelay - settings.BackendDelaySpread).TotalMilliseconds:0.#}–{(settings.BackendDelay + settings.BackendDelaySpread).TotalMilliseconds:0.#} ms"));
        w.WriteLine();
        w.WriteLine("#### Added latency: gateway vs the same fake backend called directly (cache bypassed, classifier skipped, backend delay as configured)");
        w.WriteLine();
        w.WriteLine("| concurrency | direct p50 / p99 | gateway p50 / p99 | **added p50** (target <= 1 ms) | **added p99** (target <= 3 ms) | added p50 per round | req/s direct / gateway | CPU per request, gateway − direct (median of rounds) | allocated per request, gateway − direct (median of rounds) |");
        w.WriteLine("|---|---|---|---|---|---|---|---|---|");
        foreach (var c in levels)
        {
            if (Compare(results, Scenarios.Gateway, Scenarios.Direct, c) is { } x)
            {
                w.WriteLine(F($"| {c} | {x.DirectCell} | {x.GatewayCell} | **{Ms(x.AddedP50)}** | **{Ms(x.AddedP99)}** | {x.Rounds} | {x.RequestsPerSecondCell} | {x.CpuMicroseconds:0} µs | {x.AllocatedKilobytes:0.0} KB |"));
            }

            // The comparison gateway runs in a child process: this process's allocations say nothing about it.
            if (Compare(results, Scenarios.GatewayB, Scenarios.Direct, c) is { } b)
            {
                w.WriteLine(F($"| {c} (gateway-b) | {b.DirectCell} | {b.GatewayCell} | **{Ms(b.AddedP50)}** | **{Ms(b.AddedP99)}** | {b.Rounds} | {b.RequestsPerSecondCell} | {b.CpuMicroseconds:0} µs | – |"));
            }
        }

        if (levels.Any(c => results.Runs.ContainsKey((Scenarios.GatewayInstant, c))))
        {
            w.WriteLine();
            w.WriteLine("#### Saturation: the same, the backend answering at once (closed loop: latency = CPU per request × in flight / cores)");
            w.WriteLine();
            w.WriteLine("| concurrency | direct p50 / p99 | gateway p50 / p99 | added p50 | added p99 | req/s direct / gateway | CPU per request, gateway − direct (median of rounds) | allocated per request, gateway − direct |");
            w.WriteLine("|---|---|---|---|---|---|---|---|");
            foreach (var c in levels)
            {
                if (Compare(results, Scenarios.GatewayInstant, Scenarios.DirectInstant, c) is { } x)
                {
                    w.WriteLine(F($"| {c} | {x.DirectCell} | {x.GatewayCell} | {Ms(x.AddedP50)} | {Ms(x.AddedP99)} | {x.RequestsPerSecondCell} | {x.CpuMicroseconds:0} µs | {x.AllocatedKilobytes:0.0} KB |"));
                }
            }
        }

        w.WriteLine();
        w.WriteLine("#### The auto route: with the (instant, gRPC) classifier call");
        w.WriteLine();
        w.WriteLine("| concurrency | gateway+classifier p50 / p99 | added vs direct p50 / p99 | classifier hop alone p50 / p99 | added p50 minus the classifier hop | req/s |");
        w.WriteLine("|---|---|---|---|---|---|");
        foreach (var c in levels.Where(c => results.Runs.ContainsKey((Scenarios.GatewayWithClassifier, c)) && results.Runs.ContainsKey((Scenarios.ClassifierDirect, c))))
        {
            var auto = results.Pooled(Scenarios.GatewayWithClassifier, c);
            Percentiles d = new(results.Pooled(Scenarios.Direct, c).Latencies), a = new(auto.Latencies),
                k = new(results.Pooled(Scenarios.ClassifierDirect, c).Latencies);
            w.WriteLine(F($"| {c} | {Ms(a.P50)} / {Ms(a.P99)} | {Ms(a.P50 - d.P50)} / {Ms(a.P99 - d.P99)} | {Ms(k.P50)} / {Ms(k.P99)} | {Ms(a.P50 - d.P50 - k.P50)} | {auto.RequestsPerSecond:0} |"));
        }

        w.WriteLine();
        w.WriteLine("#### Cache hits (same request repeated; real Redis on loopback)");
        w.WriteLine();
        w.WriteLine("| concurrency | p50 | p99 | p99.9 | req/s | targets | CPU per hit (whole process, median of rounds) | allocated per hit (whole process, median of rounds) |");
        w.WriteLine("|---|---|---|---|---|---|---|---|");
        foreach (var c in levels.Where(c => results.Runs.ContainsKey((Scenarios.CacheHit, c))))
        {
            var hits = results.Pooled(Scenarios.CacheHit, c);
            var p = new Percentiles(hits.Latencies);
            var target = c == 1 ? "p99 <= 2 ms sequential" : ">= 3,000 hits/s";
            w.WriteLine(F($"| {c} | {Ms(p.P50)} | {Ms(p.P99)} | {Ms(p.P999)} | **{hits.RequestsPerSecond:0}** | {target} | {Cpu(results, Scenarios.CacheHit, c):0} µs | {Alloc(results, Scenarios.CacheHit, c):0.0} KB |"));
        }

        w.WriteLine();
        w.WriteLine("<details><summary>Every scenario, pooled over the rounds</summary>");
        w.WriteLine();
        w.WriteLine("| scenario | c | requests | p50 | p90 | p99 | p99.9 | max | req/s | CPU/req (median of rounds) | alloc/req (median of rounds) | GCs gen0/1/2 |");
        w.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|---|");
        foreach (var ((scenario, c), _) in results.Runs)
        {
            var run = results.Pooled(scenario, c);
            var p = new Percentiles(run.Latencies);
            w.WriteLine(F($"| {scenario} | {c} | {run.Requests} | {Ms(p.P50)} | {Ms(p.P90)} | {Ms(p.P99)} | {Ms(p.P999)} | {Ms(p.Max)} | {run.RequestsPerSecond:0} | {Cpu(results, scenario, c):0} µs | {Alloc(results, scenario, c):0.0} KB | {run.Collections[0]}/{run.Collections[1]}/{run.Collections[2]} |"));
        }

        w.WriteLine();
        w.WriteLine("</details>");
    }

    /// <summary>
    /// The targets, each read from the scenario that measures it: at 1 in flight nothing queues, so the instant backend
    /// gives the path's cost most precisely (a 5–15 ms answer time would add ±0.2 ms of sampling noise over a few hundred
    /// answers); at 32 in flight the 5–15 ms backend keeps the cores below saturation, so the figure is what the gateway
    /// adds to each call rather than how long a saturated closed loop queues for CPU (shown after, for information).
    /// </summary>
    private static void WriteTargets(TextWriter w, LatencyResults results, IReadOnlyList<int> levels, string delayedBackend)
    {
        w.WriteLine();
        w.WriteLine("#### Against the targets (added latency excludes classifier time: pinned route, cache bypassed)");
        w.WriteLine();
        w.WriteLine("| concurrency | backend answers | added p50 (target <= 1 ms) | added p99 (target <= 3 ms) | added p50 per round |");
        w.WriteLine("|---|---|---|---|---|");
        foreach (var c in levels)
        {
            var (gateway, direct, backend) = c == 1
                ? (Scenarios.GatewayInstant, Scenarios.DirectInstant, "at once")
                : (Scenarios.Gateway, Scenarios.Direct, delayedBackend);
            if (Compare(results, gateway, direct, c) is { } x)
            {
                w.WriteLine(F($"| {c} | {backend} | **{Ms(x.AddedP50)}** | **{Ms(x.AddedP99)}** | {x.Rounds} |"));
            }
        }
    }

    /// <summary>A gateway scenario against its direct baseline at one concurrency; null when either did not run.</summary>
    private static Comparison? Compare(LatencyResults results, string gatewayScenario, string directScenario, int c)
    {
        if (!results.Runs.TryGetValue((gatewayScenario, c), out var gatewayRuns) || !results.Runs.TryGetValue((directScenario, c), out var directRuns))
        {
            return null;
        }

        RunResult direct = RunResult.Pool(directRuns), gateway = RunResult.Pool(gatewayRuns);
        var rounds = gatewayRuns.Zip(directRuns, (gr, dr) => Ms(new Percentiles(gr.Latencies).P50 - new Percentiles(dr.Latencies).P50));
        return new Comparison(
            new Percentiles(direct.Latencies),
            new Percentiles(gateway.Latencies),
            string.Join(", ", rounds),
            F($"{direct.RequestsPerSecond:0} / {gateway.RequestsPerSecond:0}"),
            Cpu(results, gatewayScenario, c) - Cpu(results, directScenario, c),
            Alloc(results, gatewayScenario, c) - Alloc(results, directScenario, c));
    }

    /// <summary>What one gateway-vs-direct row shows: pooled percentiles, the added p50 of each round, and cost per request.</summary>
    private sealed record Comparison(
        Percentiles Direct, Percentiles Gateway, string Rounds, string RequestsPerSecondCell, double CpuMicroseconds, double AllocatedKilobytes)
    {
        public double AddedP50 => Gateway.P50 - Direct.P50;

        public double AddedP99 => Gateway.P99 - Direct.P99;

        public string DirectCell => $"{Ms(Direct.P50)} / {Ms(Direct.P99)}";

        public string GatewayCell => $"{Ms(Gateway.P50)} / {Ms(Gateway.P99)}";
    }

    public static void WriteSoak(TextWriter w, SoakResult soak, BenchSettings settings)
    {
        var loadSeconds = soak.LoadDuration.TotalSeconds;
        var during = soak.Samples.Where(s => s.ElapsedSeconds >= 60 && s.ElapsedSeconds <= loadSeconds + 5).ToList();
        w.WriteLine();
        w.WriteLine(F($"#### Gateway memory: {soak.LoadDuration.TotalMinutes:0.#} min soak, gateway alone in its own process"));
        w.WriteLine();
        w.WriteLine(F($"Load: {settings.SoakConcurrency} workers paced to {settings.SoakRequestsPerSecond} req/s; achieved {soak.Requests / loadSeconds:0} req/s, {soak.Requests} answers, {soak.Errors} errors{(soak.FirstError is null ? "" : $" ({soak.FirstError})")}. Mix: {soak.Mix}."));
        w.WriteLine();
        w.WriteLine("| t | working set | GC heap (at last GC) | GC committed | live heap after forced full GC | gen2 GCs so far |");
        w.WriteLine("|---|---|---|---|---|---|");
        var shown = soak.Samples.Where((s, i) => i == 0 || i == soak.Samples.Count - 1 || Math.Abs(s.ElapsedSeconds % 60) < settings.SoakSampleInterval.TotalSeconds / 2
            || Math.Abs(s.ElapsedSeconds % 60 - 60) < settings.SoakSampleInterval.TotalSeconds / 2);
        foreach (var s in shown)
        {
            var phase = s.ElapsedSeconds > loadSeconds + 5 ? " (load off)" : s.ElapsedSeconds < 1 ? " (idle, before load)" : string.Empty;
            w.WriteLine(F($"| {s.ElapsedSeconds / 60:0.0} min{phase} | {Mb(s.WorkingSetBytes):0.0} MB | {Mb(s.GcHeapBytes):0.0} MB | {Mb(s.GcCommittedBytes):0.0} MB | {Mb(s.LiveHeapAfterFullGcBytes):0.0} MB | {s.Gen2Collections} |"));
        }

        if (during.Count >= 3)
        {
            w.WriteLine();
            w.WriteLine(F($"Slope from minute 1 to the end of the load ({during.Count} samples, least squares): working set **{Slope(during, s => s.WorkingSetBytes):+0.00;-0.00} MB/min**, live heap after full GC **{Slope(during, s => s.LiveHeapAfterFullGcBytes):+0.000;-0.000} MB/min**, GC heap {Slope(during, s => s.GcHeapBytes):+0.00;-0.00} MB/min. Redis used memory at the end: {Mb(soak.RedisUsedMemoryBytes):0.0} MB (the stored unique prompts; Redis's, not the gateway's)."));
        }

        w.WriteLine();
        w.WriteLine("Latency of the soak's mixed load per minute (includes one forced full GC in the gateway per sample interval):");
        w.WriteLine();
        w.WriteLine("| minute | " + string.Join(" | ", soak.PerMinute.Select(m => m.Minute.ToString(Invariant))) + " |");
        w.WriteLine("|---|" + string.Concat(soak.PerMinute.Select(_ => "---|")));
        w.WriteLine("| p50 ms | " + string.Join(" | ", soak.PerMinute.Select(m => Ms(m.Latency.P50))) + " |");
        w.WriteLine("| p99 ms | " + string.Join(" | ", soak.PerMinute.Select(m => Ms(m.Latency.P99))) + " |");
    }

    private static double Cpu(LatencyResults results, string scenario, int c) =>
        results.MedianOfRounds(scenario, c, r => r.CpuMicrosecondsPerRequest);

    private static double Alloc(LatencyResults results, string scenario, int c) =>
        results.MedianOfRounds(scenario, c, r => r.AllocatedKilobytesPerRequest);

    /// <summary>Least-squares slope in MB per minute.</summary>
    private static double Slope(IReadOnlyList<MemorySample> samples, Func<MemorySample, long> value)
    {
        var xs = samples.Select(s => s.ElapsedSeconds / 60).ToArray();
        var ys = samples.Select(s => Mb(value(s))).ToArray();
        double mx = xs.Average(), my = ys.Average();
        var covariance = xs.Zip(ys, (x, y) => (x - mx) * (y - my)).Sum();
        var variance = xs.Sum(x => (x - mx) * (x - mx));
        return variance == 0 ? 0 : covariance / variance;
    }

    private static string Ms(double milliseconds) => milliseconds.ToString("0.000", Invariant);

    private static double Mb(long bytes) => bytes / (1024.0 * 1024.0);

    private static string F(FormattableString text) => text.ToString(Invariant);
}
