using HybridLlm.ProprietaryAdapter.Deployments;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace HybridLlm.ProprietaryAdapter.Providers;

/// <summary>
/// Healthy when a deployment is configured and no configured model is near its retirement date. Degraded (not
/// Unhealthy: the service still runs) with "proprietary provider not configured (set Proprietary:ApiKey)" when no key is
/// set, or with the retiring models and their aliases inside <c>Proprietary:RetirementWarningWindow</c>. Makes no vendor call.
/// </summary>
internal sealed class ProviderConfiguredHealthCheck(ProprietaryStatus status, ModelRetirementMonitor retirements) : IHealthCheck
{
    public const string Name = "proprietary-provider";

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        if (!status.IsConfigured)
        {
            return Task.FromResult(HealthCheckResult.Degraded(status.Description));
        }

        var notices = retirements.Check();
        return Task.FromResult(notices.Count == 0
            ? HealthCheckResult.Healthy(status.Description)
            : HealthCheckResult.Degraded(string.Join("; ", notices.Select(n => n.Describe()))));
    }
}
