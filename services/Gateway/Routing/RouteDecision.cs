namespace HybridLlm.Gateway.Routing;

/// <summary>Where one request goes, and why, in the order the rules applied.</summary>
/// <param name="Route">A <see cref="HybridLlm.Contracts.RouteNames"/> value.</param>
/// <param name="Reasons">Human-readable reasons; never prompt text or personal data.</param>
/// <param name="ModelAlias">The alias to pass to the backend, or null for its default model.</param>
public sealed record RouteDecision(string Route, IReadOnlyList<string> Reasons, string? ModelAlias);
