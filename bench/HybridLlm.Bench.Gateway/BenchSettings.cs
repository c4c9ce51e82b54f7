using Microsoft.Extensions.Configuration;

namespace HybridLlm.Bench.Gateway;

/// <summary>Command-line settings (<c>--Name value</c>); every one has a default that a full run uses.</summary>
internal sealed class BenchSettings
{
    /// <summary><c>bench</c> (the whole run) or <c>serve-gateway</c> (internal: the child process of the memory soak).</summary>
    public string Mode { get; set; } = "bench";

    /// <summary>Concurrency levels of the latency and cache-hit runs.</summary>
    public string Concurrency { get; set; } = "1,32";

    /// <summary>
    /// Scenarios to run (comma-separated names, see <see cref="Scenarios"/>); empty: all. The direct baseline always runs.
    /// A subset is for profiling one path (for example <c>--Scenarios gateway</c> under <c>perf record</c>).
    /// </summary>
    public string Scenarios { get; set; } = string.Empty;

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
    /// Time the fake chat backend takes per answer (<see cref="FixedDelay"/>: a sleeping thread, no CPU). Default 10 ms,
    /// a fast model's answer: 32 callers in flight then send ~3,000 req/s and the cores keep headroom, so added latency
    /// is what the gateway's path adds to each call. Zero: an instant backend; the closed loop then saturates the two
    /// cores (shared by load generator, fakes, Redis and gateway) and latency at 32 in flight becomes CPU per request
    /// times 16 — a throughput figure, reported as such.
    /// </summary>
    public TimeSpan BackendDelay { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Answer times are uniform within ± this of <see cref="BackendDelay"/> (default 5 ms: 5–15 ms), so the
    /// closed loop's callers do not fall into step and arrive at the cores in bursts of 32.</summary>
    public TimeSpan BackendDelaySpread { get; set; } = TimeSpan.FromMilliseconds(5);

    /// <summary>
    /// -1 (default): the gateway runs inside the benchmark process. A core number: the gateway runs in a child process
    /// pinned to that core (<c>taskset</c>); start the benchmark itself pinned to the other core(s) so the load generator,
    /// the fakes and Redis do not share the gateway's core. The CPU column adds the child's CPU; allocations are the parent's.
    /// </summary>
    public int GatewayCore { get; set; } = -1;

    /// <summary>
    /// <c>in-process</c> (default): the gateway's host runs inside the benchmark process. <c>process</c>: in a child
    /// process of its own (its own thread pool and GC heap, as deployed), not pinned; the CPU column then adds the child's
    /// CPU to the parent's, the allocation column covers only the parent (load generator, fakes). A <see cref="GatewayCore"/> implies <c>process</c>.
    /// </summary>
    public string GatewayHost { get; set; } = "in-process";

    /// <summary>Environment variables of the gateway child process only (<c>Key=Value;Key=Value</c>), for runtime
    /// what-ifs (for example <c>DOTNET_gcServer=0</c>); needs <see cref="GatewayHost"/> <c>process</c>.</summary>
    public string GatewayEnvironment { get; set; } = string.Empty;

    /// <summary>
    /// A/B in one run: a second gateway child with these environment variables and configuration added (<c>Key=Value;...</c>),
    /// measured as the <c>gateway-b</c> scenario in the same interleaved rounds as the first, so both see the same machine.
    /// Needs <see cref="GatewayHost"/> <c>process</c>.
    /// </summary>
    public string CompareEnvironment { get; set; } = string.Empty;

    public string CompareOverrides { get; set; } = string.Empty;

    public bool HasComparison => CompareEnvironment.Length > 0 || CompareOverrides.Length > 0;

    /// <summary>These settings with the comparison's environment and configuration added.</summary>
    public BenchSettings ForComparison()
    {
        var b = (BenchSettings)MemberwiseClone();
        b.GatewayEnvironment = string.Join(';', new[] { GatewayEnvironment, CompareEnvironment }.Where(x => x.Length > 0));
        b.GatewayOverrides = string.Join(';', new[] { GatewayOverrides, CompareOverrides }.Where(x => x.Length > 0));
        return b;
    }

    public bool GatewayInChildProcess => GatewayCore >= 0 || GatewayHost == "process";

    /// <summary>Extra gateway configuration (<c>Key=Value;Key=Value</c>) for a what-if run; empty: as shipped.</summary>
    public string GatewayOverrides { get; set; } = string.Empty;

    /// <summary>Child mode only: where the parent's Redis and fake backends listen.</summary>
    public string Redis { get; set; } = string.Empty;

    public string BackendAddress { get; set; } = string.Empty;

    public string ClassifierAddress { get; set; } = string.Empty;

    public IReadOnlyList<int> ConcurrencyLevels =>
        Concurrency.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(level => int.Parse(level, System.Globalization.CultureInfo.InvariantCulture)).ToList();

    public bool Includes(string scenario) =>
        scenario is Gateway.Scenarios.Direct or Gateway.Scenarios.GatewayB || Scenarios.Length == 0
        || Scenarios.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Contains(scenario, StringComparer.Ordinal);

    public IReadOnlyList<KeyValuePair<string, string>> GatewayOverridePairs => Pairs(GatewayOverrides, nameof(GatewayOverrides));

    public IReadOnlyList<KeyValuePair<string, string>> GatewayEnvironmentPairs => Pairs(GatewayEnvironment, nameof(GatewayEnvironment));

    private static List<KeyValuePair<string, string>> Pairs(string text, string setting) =>
        text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(pair => pair.Split('=', 2))
            .Select(parts => parts.Length == 2
                ? KeyValuePair.Create(parts[0], parts[1])
                : throw new ArgumentException($"{setting}: '{string.Join('=', parts)}' is not Key=Value."))
            .ToList();

    public static BenchSettings Parse(string[] args)
    {
        var settings = new BenchSettings();
        new ConfigurationBuilder().AddCommandLine(args).Build().Bind(settings);
        if (settings.GatewayHost is not ("in-process" or "process"))
        {
            throw new ArgumentException("GatewayHost is in-process or process.");
        }

        if (settings.HasComparison && !settings.GatewayInChildProcess)
        {
            throw new ArgumentException("CompareEnvironment and CompareOverrides need --GatewayHost process.");
        }

        if (settings.Rounds < 1 || settings.RunDuration <= TimeSpan.Zero || settings.BackendDelay < TimeSpan.Zero || settings.BackendDelaySpread < TimeSpan.Zero
            || (settings.BackendDelay > TimeSpan.Zero && settings.BackendDelaySpread > settings.BackendDelay) || settings.ConcurrencyLevels.Any(c => c < 1))
        {
            throw new ArgumentException("Rounds, RunDuration and every Concurrency level must be positive, BackendDelay not negative, BackendDelaySpread at most BackendDelay.");
        }

        return settings;
    }
}
