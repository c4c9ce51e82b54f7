using Microsoft.Extensions.Configuration;

namespace HybridLlm.Bench.Gateway;

/// <summary>Command-line settings (<c>--Name value</c>); every one has a default that a full run uses.</summary>
internal sealed class BenchSettings
{
    /// <summary><c>bench</c> (the whole run) or <c>serve-gateway</c> (internal: the child process of the memory soak).</summary>
    public string Mode { get; set; } = "bench";

    /// <summary>Concurrency levels of the latency and cache-hit runs.</summary>
    public string Concurrency { get; set; } = "1,32";

    /// <summary>Interleaved rounds per concurrency level: each round runs every scenario once, so a noisy
    /// neighbour hurts gateway and baseline alike.</summary>
    public int Rounds { get; set; } = 6;

    /// <summary>Measured time of one scenario in one round.</summary>
    public TimeSpan RunDuration { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Load before measuring, per scenario, so tiered JIT and connection pools settle.</summary>
    public TimeSpan Warmup { get; set; } = TimeSpan.FromSeconds(4);

    /// <summary>Per routed scenario, sequential requests whose spans are broken down afterwards; zero skips it.</summary>
    public TimeSpan BreakdownDuration { get; set; } = TimeSpan.FromSeconds(3);

    /// <summary>Keep the gateway's console logs (in the temp folder) after the run.</summary>
    public bool KeepGatewayLogs { get; set; }

    /// <summary>Length of the memory soak; zero skips it.</summary>
    public TimeSpan SoakDuration { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Paced request rate of the soak (all workers together), below saturation so other work on the
    /// machine keeps a core.</summary>
    public int SoakRequestsPerSecond { get; set; } = 1_000;

    public int SoakConcurrency { get; set; } = 32;

    /// <summary>How often the soak's gateway process reports its memory.</summary>
    public TimeSpan SoakSampleInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>
    /// Time the fake chat backend takes per answer (a timer, no CPU). Zero: instant, the closed loop saturates the two
    /// cores and latency at high concurrency is CPU per request times concurrency. A few milliseconds: the path's cost.
    /// </summary>
    public TimeSpan BackendDelay { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// -1 (default): the gateway runs inside the benchmark process. A core number: the gateway runs in a child process
    /// pinned to that core (<c>taskset</c>); start the benchmark itself pinned to the other core(s) so the load generator,
    /// the fakes and Redis do not share the gateway's core. CPU and allocation columns then cover only the parent.
    /// </summary>
    public int GatewayCore { get; set; } = -1;

    /// <summary>Extra gateway configuration (<c>Key=Value;Key=Value</c>) for a what-if run; empty: as shipped.</summary>
    public string GatewayOverrides { get; set; } = string.Empty;

    /// <summary>Child mode only: where the parent's Redis and fake backends listen.</summary>
    public string Redis { get; set; } = string.Empty;

    public string BackendAddress { get; set; } = string.Empty;

    public string ClassifierAddress { get; set; } = string.Empty;

    public IReadOnlyList<int> ConcurrencyLevels =>
        Concurrency.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(level => int.Parse(level, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    public IReadOnlyList<KeyValuePair<string, string>> GatewayOverridePairs =>
        GatewayOverrides.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(parts => parts.Length == 2
                ? KeyValuePair.Create(parts[0], parts[1])
                : throw new ArgumentException($"GatewayOverrides: '{string.Join('=', parts)}' is not Key=Value."))
            .ToList();

    public static BenchSettings Parse(string[] args)
    {
        var settings = new BenchSettings();
        new ConfigurationBuilder().AddCommandLine(args).Build().Bind(settings);
        if (settings.Rounds < 1 || settings.RunDuration <= TimeSpan.Zero || settings.BackendDelay < TimeSpan.Zero || settings.ConcurrencyLevels.Any(c => c < 1))
        {
            throw new ArgumentException("Rounds, RunDuration and every Concurrency level must be positive, BackendDelay not negative.");
        }

        return settings;
    }
}
