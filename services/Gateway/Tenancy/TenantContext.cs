namespace HybridLlm.Gateway.Tenancy;

/// <summary>The authenticated caller of one request, attached to its HttpContext by <see cref="TenantAuthenticationMiddleware"/>.</summary>
/// <param name="TenantId">The tenant; for key-less development calls, the tenant the hint names.</param>
/// <param name="Authenticated">True when an API key proved the tenant (a hint cannot override it then).</param>
public sealed record TenantContext(string TenantId, bool Authenticated, TenantPolicy Policy);
