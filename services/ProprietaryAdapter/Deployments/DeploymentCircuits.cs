using System.Collections.Concurrent;
using Polly.CircuitBreaker;

namespace HybridLlm.ProprietaryAdapter.Deployments;

/// <summary>
/// The circuit breaker state of each deployment's retry pipeline, so the router can send traffic to a deployment whose
/// circuit is closed while another's is open. One provider per deployment, attached to that deployment's breaker.
/// </summary>
internal sealed class DeploymentCircuits
{
    private readonly ConcurrentDictionary<string, CircuitBreakerStateProvider> _states = new(StringComparer.OrdinalIgnoreCase);

    public CircuitBreakerStateProvider For(string deployment) => _states.GetOrAdd(deployment, static _ => new CircuitBreakerStateProvider());

    /// <summary>The breaker's state, or null before the deployment's first call.</summary>
    public CircuitState? StateOf(string deployment) =>
        _states.TryGetValue(deployment, out var state) ? state.CircuitState : null;

    /// <summary>True while the deployment's breaker rejects calls (open or isolated); false before its first call.</summary>
    public bool IsOpen(string deployment) =>
        _states.TryGetValue(deployment, out var state) && state.CircuitState is CircuitState.Open or CircuitState.Isolated;
}
