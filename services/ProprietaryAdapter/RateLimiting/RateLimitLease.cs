using HybridLlm.ProprietaryAdapter.Deployments;

namespace HybridLlm.ProprietaryAdapter.RateLimiting;

/// <summary>Capacity taken for one request on one deployment, settled with the real usage once the call ends.</summary>
/// <param name="Deployment">Where the request goes.</param>
/// <param name="EstimatedTokens">Tokens spent from the deployment's bucket up front.</param>
/// <param name="Metered">False when nothing was spent (unlimited deployment, or Redis unreachable): nothing to settle.</param>
internal sealed record RateLimitLease(ProviderDeployment Deployment, long EstimatedTokens, bool Metered);
