using System.Globalization;

namespace HybridLlm.Bench.Gateway;

/// <summary>Every scenario's runs, per concurrency level, in the order they ran.</summary>
internal sealed class LatencyResults
{
    public Dictionary<(string Scenario, int Concurrency), List<RunResult>> Runs { get; } = [];

    public List<string> MachineNotes { get; } = [];

    public RunResult Pooled(string scenario, int concurrency) => RunResult.Pool(Runs[(scenario, concurrency)]);

    /// <summary>Median over the rounds of a per-run figure: robust to a round that a neighbour's burst spoiled, and
    /// to the runtime's allocation counter, which now and then reads lower than before (server GC).</summary>
    public double MedianOfRounds(string scenario, int concurrency, Func<RunResult, double> figure)
    {
        var values = Runs[(scenario, concurrency)].Select(figure).Where(v => v >= 0 && double.IsFinite(v)).Order().ToList();
        return values.Count == 0 ? double.NaN : values[values.Count / 2];
    }
}

/// <summary>
/// Interleaved rounds: per concurrency level, each round runs every scenario once (rotating the order), so whatever
/// else the machine is doing lands on the gateway and on its baseline alike; the rounds are then pooled.
/// </summary>
internal static class LatencyBench
{
    public static async Task<LatencyResults> RunAsync(
        IReadOnlyList<Scenario> scenarios, BenchSettings settings, TextWriter log, Func<TimeSpan>? childCpu, CancellationToken cancellationToken)
    {
        var results = new LatencyResults();
        var maxConcurrency = settings.ConcurrencyLevels.Max();
        foreach (var scenario in scenarios)
        {
            var warmup = await LoadRunner.RunAsync(scenario.Name, maxConcurrency, settings.Warmup, scenario.Call, cancellationToken, childCpu);
            log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"warm-up {scenario.Name,-20} c={maxConcurrency,-3} {warmup.RequestsPerSecond,8:0} req/s, errors {warmup.Errors}, unexpected {warmup.Unexpected}"));
            EnsureClean(warmup);
        }

        foreach (var concurrency in settings.ConcurrencyLevels)
        {
            results.MachineNotes.Add($"c={concurrency}: load average before {Machine.LoadAverage()}");
            for (var round = 0; round < settings.Rounds; round++)
            {
                for (var i = 0; i < scenarios.Count; i++)
                {
                    var scenario = scenarios[(i + round) % scenarios.Count];
                    var run = await LoadRunner.RunAsync(scenario.Name, concurrency, settings.RunDuration, scenario.Call, cancellationToken, childCpu);
                    EnsureClean(run);
                    var key = (scenario.Name, concurrency);
                    if (!results.Runs.TryGetValue(key, out var runs))
                    {
                        results.Runs[key] = runs = [];
                    }

                    runs.Add(run);
                    var p = new Percentiles(run.Latencies);
                    log.WriteLine(string.Create(CultureInfo.InvariantCulture,
                        $"round {round + 1} {scenario.Name,-20} c={concurrency,-3} p50 {p.P50,7:0.000} ms  p99 {p.P99,7:0.000} ms  {run.RequestsPerSecond,8:0} req/s  cpu {run.CpuMicrosecondsPerRequest,6:0} us/req  alloc {run.AllocatedKilobytesPerRequest,6:0.0} KB/req"));
                }
            }

            results.MachineNotes.Add($"c={concurrency}: load average after {Machine.LoadAverage()}");
        }

        return results;
    }

    /// <summary>A scenario that answers with errors or the wrong kind of answer measures something else: stop.</summary>
    private static void EnsureClean(RunResult run)
    {
        if (run.Errors > 0 || run.Unexpected > 0 || run.Requests == 0)
        {
            throw new InvalidOperationException(
                $"{run.Scenario} c={run.Concurrency}: {run.Requests} answers, {run.Errors} errors ({run.FirstError}), {run.Unexpected} of the wrong kind.");
        }
    }
}
