using HybridLlm.Contracts;
using Microsoft.Extensions.AI;

namespace HybridLlm.Gateway.Routing;

/// <summary>What happened to one request: the decision, the route now being tried, attempts, and every reason on the way.</summary>
public sealed class RouteTrail(RouteDecision decision)
{
    private readonly List<string> _reasons = [.. decision.Reasons];
    private bool _failedOver;

    public RouteDecision Decision { get; } = decision;

    public string Route { get; private set; } = decision.Route;

    public IReadOnlyList<string> Reasons => _reasons;

    /// <summary>Backend calls made so far.</summary>
    public int Attempts { get; set; }

    /// <summary>Served by the local model because the proprietary route failed: the answer may be weaker than asked for.</summary>
    public bool Degraded { get; private set; }

    /// <summary>The tenant's budget policy refused the API: a decision, not a failure, so it never fails over.</summary>
    public bool BudgetRefused { get; set; }

    public void Note(string reason) => _reasons.Add(reason);

    /// <summary>Moves to the other route once, before any output reached the caller, if the decision allows it.</summary>
    public bool TryFailOver(Exception exception, CancellationToken callerToken)
    {
        if (_failedOver || BudgetRefused || !Decision.CanFailOver || !FailoverRules.CanFailOver(Route, exception, callerToken))
        {
            return false;
        }

        var failed = Route;
        Route = failed == RouteNames.Local ? RouteNames.Proprietary : RouteNames.Local;
        Degraded = Route == RouteNames.Local;
        _failedOver = true;
        _reasons.Add($"failover: {failed} failed ({FailoverRules.StatusOf(exception)?.ToString() ?? exception.GetType().Name}) → {Route}{(Degraded ? " (degraded)" : string.Empty)}");
        return true;
    }

    /// <summary>Budget exhausted: proprietary-bound auto traffic is served locally instead.</summary>
    public void Reroute(string route, string reason)
    {
        Route = route;
        _reasons.Add(reason);
    }

    /// <summary>Output validation failed locally: the answer is asked of the proprietary route instead.</summary>
    public void Escalate(string reason)
    {
        Route = RouteNames.Proprietary;
        _reasons.Add(reason);
    }

    public void Stamp(AdditionalPropertiesDictionary properties)
    {
        properties[ChatMetadata.Route] = Route;
        properties[ChatMetadata.Attempts] = Attempts;
        if (Degraded)
        {
            properties[ChatMetadata.Degraded] = true;
        }

        ChatMetadata.SetReasons(properties, _reasons);
    }
}
