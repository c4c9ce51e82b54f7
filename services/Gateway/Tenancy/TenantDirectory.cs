using System.Collections.Frozen;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace HybridLlm.Gateway.Tenancy;

/// <summary>Finds a tenant by API key: the key is hashed (SHA-256) and compared with configured hashes only.</summary>
public sealed class TenantDirectory
{
    private readonly FrozenDictionary<string, (string TenantId, TenantPolicy Policy)> _byKeyHash;
    private readonly TenancyOptions _options;

    public TenantDirectory(IOptions<TenancyOptions> options)
    {
        _options = options.Value;
        _byKeyHash = _options.Tenants
            .SelectMany(t => t.Value.ApiKeySha256.Select(hash => (Hash: hash.Trim().ToLowerInvariant(), t.Key, t.Value)))
            .ToFrozenDictionary(x => x.Hash, x => (x.Key, x.Value), StringComparer.Ordinal);
    }

    public bool RequireApiKey => _options.RequireApiKey;

    public TenantContext? FindByApiKey(string apiKey) =>
        _byKeyHash.TryGetValue(Hash(apiKey), out var tenant) ? new TenantContext(tenant.TenantId, true, tenant.Policy) : null;

    /// <summary>Development mode: an unauthenticated caller named by its hint (policy of that tenant if configured).</summary>
    public TenantContext Anonymous(string? hintedTenantId)
    {
        var id = string.IsNullOrEmpty(hintedTenantId) ? "default" : hintedTenantId;
        return new TenantContext(id, false, _options.Tenants.TryGetValue(id, out var policy) ? policy : _options.DefaultPolicy);
    }

    /// <summary>The policy governing a tenant id (the default policy for unconfigured development tenants).</summary>
    public TenantPolicy PolicyFor(string tenantId) =>
        _options.Tenants.TryGetValue(tenantId, out var policy) ? policy : _options.DefaultPolicy;

    public static string Hash(string apiKey) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(apiKey)));
}
