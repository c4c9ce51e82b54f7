using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HybridLlm.ProprietaryAdapter.Providers;

/// <summary>
/// Healthy when a provider and key are configured; Degraded (not Unhealthy: the service still runs and answers
/// FailedPrecondition) with "proprietary provider not configured (set Proprietary:ApiKey)" when the key is missing.
/// Makes no vendor call.
/// </summary>
internal sealed class ProviderConfiguredHealthCheck(ProprietaryStatus status) : IHealthCheck
{
    public const string Name = "proprietary-provider";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
        Task.FromResult(status.IsConfigured
            ? HealthCheckResult.Healthy(status.Description)
            : HealthCheckResult.Degraded(status.Description));
}
