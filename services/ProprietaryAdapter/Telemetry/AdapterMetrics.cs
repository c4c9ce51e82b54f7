using System.Diagnostics.Metrics;
using HybridLlm.ProprietaryAdapter.Deferred;
using HybridLlm.ProprietaryAdapter.Deployments;
using HybridLlm.ProprietaryAdapter.Providers;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;

namespace HybridLlm.ProprietaryAdapter.Telemetry;

/// <summary>
/// The adapter's gauges (meter <c>HybridLlm.ProprietaryAdapter</c>): each deployment's circuit state
/// (0 closed, 1 half-open, 2 open or isolated) and the deferred queue's depth and in-flight entries. Read at export time.
/// </summary>
internal sealed class AdapterMetrics
{
    public const string MeterName = "HybridLlm.ProprietaryAdapter";

    public AdapterMetrics(IMeterFactory meterFactory, DeploymentCircuits circuits, DeferredJobStore jobs, IOptions<ProprietaryOptions> options)
    {
        var meter = meterFactory.Create(MeterName);
        var deployments = DeploymentCatalog.All(options.Value).Select(d => d.Name).ToArray();
        meter.CreateObservableGauge("hybridllm.adapter.circuit_state", () => deployments.Select(name =>
            new Measurement<int>(Encode(circuits.StateOf(name)), new KeyValuePair<string, object?>("deployment", name))),
            description: "Circuit breaker state per deployment: 0 closed, 1 half-open, 2 open.");
        meter.CreateObservableGauge("hybridllm.adapter.deferred_queue_depth", () => Safe(jobs.QueueLength),
            unit: "{request}", description: "Entries in the deferred-request stream.");
        meter.CreateObservableGauge("hybridllm.adapter.deferred_in_flight", () => Safe(jobs.PendingCount),
            unit: "{request}", description: "Deferred requests delivered to a worker and not yet completed.");
    }

    private static int Encode(CircuitState? state) => state switch
    {
        CircuitState.HalfOpen => 1,
        CircuitState.Open or CircuitState.Isolated => 2,
        _ => 0,
    };

    /// <summary>A gauge must never throw into the exporter: no Redis, no measurement.</summary>
    private static IEnumerable<Measurement<long>> Safe(Func<long> read)
    {
        long value;
        try
        {
            value = read();
        }
        catch (Exception ex) when (ex is StackExchange.Redis.RedisException or TimeoutException)
        {
            yield break;
        }

        yield return new Measurement<long>(value);
    }
}
