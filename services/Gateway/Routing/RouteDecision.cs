namespace HybridLlm.Gateway.Routing;

/// <summary>Where one request goes, and why, in the order the rules applied.</summary>
/// <param name="Route">A <see cref="HybridLlm.Contracts.RouteNames"/> value.</param>
/// <param name="Reasons">Human-readable reasons; never prompt text or personal data.</param>
/// <param name="ModelAlias">The alias to pass to the backend, or null for its default model.</param>
public sealed record RouteDecision(string Route, IReadOnlyList<string> Reasons, string? ModelAlias)
{
    /// <summary>Privacy keeps this request on the local route whatever happens (no failover or escalation to the API).</summary>
    public bool LocalOnly { get; init; }

    /// <summary>The gateway chose the route itself (no pin or alias), so it may fail over to the other one.</summary>
    public bool CanFailOver { get; init; }

    /// <summary>Input tokens as the classifier counted them (0 when it did not run), for budget estimates.</summary>
    public long InputTokens { get; init; }
}
