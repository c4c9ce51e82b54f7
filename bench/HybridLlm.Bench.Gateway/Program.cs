using System.Globalization;
using Grpc.Net.Client;
using HybridLlm.Grpc.V1;

namespace HybridLlm.Bench.Gateway;

/// <summary>
/// The gateway benchmark (issue 6, "Benchmark"): added latency against a direct call of the same fast fake backend,
/// cache hits on a real Redis, and the gateway's memory over a soak, all in one run.
/// </summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var settings = BenchSettings.Parse(args);
        if (settings.Mode == "serve-gateway")
        {
            return await GatewayChild.RunAsync(settings);
        }

        using var console = ConsoleSplit.Start("gateway");
        using var cancel = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            cancel.Cancel();
        };

        var w = console.Report;
        var ct = cancel.Token;
        w.WriteLine($"machine: {Machine.Describe()}");
        w.WriteLine($"gateway console log (as shipped, Information): {console.GatewayLogPath}");
        await using var redis = await RedisServer.StartAsync(ct);
        await using var fakes = await FakeBackends.StartAsync(settings.BackendDelay, settings.BackendDelaySpread, ct);
        w.WriteLine(settings.BackendDelay > TimeSpan.Zero
            ? $"fake chat backend answers after {settings.BackendDelay.TotalMilliseconds:0.###} ± {settings.BackendDelaySpread.TotalMilliseconds:0.###} ms (uniform); prompts marked '{FakeBackends.InstantMarker}' at once"
            : "fake chat backend answers at once");
        if (settings.BackendDelay > TimeSpan.Zero && !FixedDelay.IsPrecise)
        {
            w.WriteLine("warning: not Linux: the fake backend's wait falls back to Task.Delay, whose timer ticks (1–16 ms) swamp sub-millisecond differences; read the added latency at 32 in flight with care");
        }
        var setup = new GatewaySetup(redis.ConnectionString, fakes.Address, fakes.Address, settings.GatewayOverridePairs);

        LatencyResults latency;
        var breakdowns = new List<string>();
        var logLines = string.Empty;
        if (settings.GatewayInChildProcess)
        {
            w.WriteLine(settings.GatewayCore >= 0
                ? $"gateway in a child process pinned to core {settings.GatewayCore}; this process's affinity: {Machine.Affinity()}"
                : "gateway in a child process of its own, not pinned");
        }

        await using (var gateway = settings.GatewayInChildProcess
            ? (IAsyncDisposable)await GatewayProcess.StartAsync(settings, redis, fakes, settings.GatewayCore >= 0 ? settings.GatewayCore : null, _ => { }, ct)
            : await InProcessGateway.StartAsync(setup, ct))
        await using (var comparison = settings.HasComparison
            ? await GatewayProcess.StartAsync(settings.ForComparison(), redis, fakes, settings.GatewayCore >= 0 ? settings.GatewayCore : null, _ => { }, ct)
            : null)
        {
            var gatewayAddress = gateway is GatewayProcess child ? child.GrpcAddress : ((InProcessGateway)gateway).GrpcAddress;
            using var directChannel = GrpcChannel.ForAddress(fakes.Address);
            using var classifierChannel = GrpcChannel.ForAddress(fakes.Address);
            using var gatewayChannel = GrpcChannel.ForAddress(gatewayAddress);
            using var comparisonChannel = comparison is null ? null : GrpcChannel.ForAddress(comparison.GrpcAddress);
            if (comparison is not null)
            {
                w.WriteLine($"comparison gateway (gateway-b): environment '{settings.ForComparison().GatewayEnvironment}', configuration '{settings.ForComparison().GatewayOverrides}'");
            }

            var scenarios = Scenarios.Create(new(directChannel), new(classifierChannel), new(gatewayChannel), comparisonChannel is null ? null : new(comparisonChannel))
                .Where(s => settings.Includes(s.Name)).ToList();
            var children = new[] { gateway as GatewayProcess, comparison }.OfType<GatewayProcess>().ToArray();
            Func<TimeSpan>? childCpu = children.Length == 0 ? null : () => children.Aggregate(TimeSpan.Zero, (sum, c) => sum + c.TotalProcessorTime);
            logLines = await SmokeAsync(scenarios, console, w, ct);
            latency = await LatencyBench.RunAsync(scenarios, settings, w, childCpu, ct);
            if (settings.BreakdownDuration > TimeSpan.Zero && !settings.GatewayInChildProcess)
            {
                foreach (var scenario in scenarios.Where(s => s.Name is Scenarios.Gateway or Scenarios.GatewayWithClassifier or Scenarios.CacheHit))
                {
                    breakdowns.Add(await SpanBreakdown.MeasureAsync(scenario, settings.BreakdownDuration, ct));
                    w.Write(breakdowns[^1]);
                }
            }
        }

        SoakResult? soak = null;
        if (settings.SoakDuration > TimeSpan.Zero)
        {
            soak = await MemorySoak.RunAsync(settings, redis, fakes, w, ct);
        }

        w.WriteLine();
        w.WriteLine("Command: `dotnet run -c Release --project bench/HybridLlm.Bench.Gateway --" + string.Concat(args.Select(a => " " + a)) + "`");
        w.WriteLine();
        w.WriteLine($"Machine: {Machine.Describe()} (at the end). {string.Join("; ", latency.MachineNotes)}.");
        w.WriteLine();
        w.WriteLine($"Gateway console log lines per request (its appsettings.json{(settings.GatewayOverrides.Length > 0 ? " + " + settings.GatewayOverrides : string.Empty)}): {logLines}.");
        Report.WriteLatency(w, latency, settings);
        if (breakdowns.Count > 0)
        {
            w.WriteLine();
            w.WriteLine("#### Where a request's time goes (span durations at concurrency 1, after the measured rounds)");
            w.WriteLine();
            w.WriteLine("```");
            foreach (var breakdown in breakdowns)
            {
                w.WriteLine(breakdown);
            }

            w.WriteLine("```");
        }

        if (soak is not null)
        {
            Report.WriteSoak(w, soak, settings);
        }

        if (!settings.KeepGatewayLogs)
        {
            console.DeleteGatewayLogs();
        }

        return 0;
    }

    /// <summary>One answer of each kind before measuring (and the first, stored, answer of the cache-hit scenario),
    /// then how many console log lines the gateway writes per request of each kind.</summary>
    private static async Task<string> SmokeAsync(IReadOnlyList<Scenario> scenarios, ConsoleSplit console, TextWriter w, CancellationToken ct)
    {
        var cacheable = scenarios.SingleOrDefault(s => s.Name == Scenarios.CacheHit);
        foreach (var scenario in scenarios)
        {
            var ok = await scenario.Call(ct);
            if (!ok && scenario != cacheable)
            {
                throw new InvalidOperationException($"{scenario.Name}: the first answer is not of the expected kind.");
            }
        }

        if (cacheable is not null && !await cacheable.Call(ct))
        {
            throw new InvalidOperationException("The second identical cacheable request was not a cache hit.");
        }

        var counts = new List<string>();
        foreach (var scenario in scenarios.Where(s => s.Name is Scenarios.Gateway or Scenarios.GatewayWithClassifier or Scenarios.CacheHit))
        {
            await Task.Delay(500, ct); // the console logger writes on its own thread
            var before = console.GatewayLogLines();
            const int Requests = 200;
            for (var i = 0; i < Requests; i++)
            {
                await scenario.Call(ct);
            }

            await Task.Delay(500, ct);
            var perRequest = (console.GatewayLogLines() - before) / (double)Requests;
            counts.Add(string.Create(CultureInfo.InvariantCulture, $"{scenario.Name} {perRequest:0.0}"));
        }

        w.WriteLine($"gateway console log lines per request: {string.Join(", ", counts)}");
        return string.Join(", ", counts);
    }
}
