using HybridLlm.LocalInference.Serving;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace HybridLlm.LocalInference.Hosting;

/// <summary>
/// Memory watchdog (readiness only): Unhealthy once the process working set passes <c>LocalInference:MaxWorkingSetBytes</c>,
/// so the gateway and the orchestrator stop sending work here and the instance can be recycled before a slow leak
/// kills it mid-request. Liveness stays healthy: the process still answers and can drain.
/// </summary>
internal sealed class WorkingSetHealthCheck(IOptions<ServingOptions> options) : IHealthCheck
{
    /// <summary>Share of the memory available to the process used as the bound when none is configured.</summary>
    public const double DefaultShareOfAvailableMemory = 0.9;

    private const double MiB = 1024 * 1024;

    public long BoundBytes { get; } = options.Value.MaxWorkingSetBytes
        ?? (long)(GC.GetGCMemoryInfo().TotalAvailableMemoryBytes * DefaultShareOfAvailableMemory);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var workingSet = Environment.WorkingSet;
        var data = new Dictionary<string, object>
        {
            ["working_set_bytes"] = workingSet,
            ["bound_bytes"] = BoundBytes,
        };
        return Task.FromResult(workingSet > BoundBytes
            ? HealthCheckResult.Unhealthy(
                $"working set {workingSet / MiB:0} MiB is above the {BoundBytes / MiB:0} MiB bound (LocalInference:MaxWorkingSetBytes); recycle this instance",
                data: data)
            : HealthCheckResult.Healthy($"working set {workingSet / MiB:0} MiB of {BoundBytes / MiB:0} MiB", data));
    }
}
