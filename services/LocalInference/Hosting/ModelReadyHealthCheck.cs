using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HybridLlm.LocalInference.Hosting;

/// <summary>Readiness: unhealthy until the model is loaded and warmed up, so nothing routes to a cold service.</summary>
internal sealed class ModelReadyHealthCheck(ModelWarmup warmup) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(
            warmup.IsReady ? HealthCheckResult.Healthy("model loaded and warmed up")
            : warmup.FailureReason is { } failure ? HealthCheckResult.Unhealthy($"model failed to load: {failure}")
            : HealthCheckResult.Unhealthy("loading model"));
}
