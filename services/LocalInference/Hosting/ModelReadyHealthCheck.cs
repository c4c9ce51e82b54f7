using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HybridLlm.LocalInference.Hosting;

/// <summary>Readiness: unhealthy until the model is loaded and warmed up, so nothing routes to a cold service.</summary>
internal sealed class ModelReadyHealthCheck(ModelWarmup warmup) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(warmup.State switch
        {
            WarmupState.Ready => HealthCheckResult.Healthy("model loaded and warmed up"),
            WarmupState.Failed => HealthCheckResult.Unhealthy($"model failed to load: {warmup.Problem}"),
            WarmupState.WarmingUp => HealthCheckResult.Unhealthy(
                warmup.Problem is { } problem ? $"warming up (last attempt failed: {problem})" : "warming up"),
            _ => HealthCheckResult.Unhealthy("loading model"),
        });
}
