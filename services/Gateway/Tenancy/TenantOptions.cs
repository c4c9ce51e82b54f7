using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace HybridLlm.Gateway.Tenancy;

/// <summary>Who may call the gateway and on what terms (config section <c>Tenancy</c>).</summary>
public sealed class TenancyOptions
{
    public const string SectionName = "Tenancy";

    /// <summary>
    /// When true every call needs <c>Authorization: Bearer &lt;key&gt;</c> of a configured tenant (401 otherwise).
    /// When false (development), callers without a key are the tenant their routing hint names, or <c>default</c>.
    /// </summary>
    public bool RequireApiKey { get; set; }

    /// <summary>Tenants by id.</summary>
    public Dictionary<string, TenantPolicy> Tenants { get; set; } = new(StringComparer.Ordinal);

    /// <summary>Applied to callers without a configured tenant (development mode only).</summary>
    public TenantPolicy DefaultPolicy { get; set; } = new();
}

/// <summary>One tenant's keys and policy.</summary>
public sealed class TenantPolicy
{
    /// <summary>SHA-256 (hex) of each API key; keys themselves are never stored. Several allow rotation.</summary>
    public List<string> ApiKeySha256 { get; set; } = [];

    /// <summary>Strict residency: every request is treated as private (local only, fails closed).</summary>
    public bool StrictResidency { get; set; }

    /// <summary>
    /// Routes this tenant may use (empty = all); a pin or alias to another route is 403, auto traffic stays within them.
    /// (Empty by default because configuration binding appends to a pre-filled list.)
    /// </summary>
    public List<string> AllowedRoutes { get; set; } = [];

    /// <summary>Requests per minute across all gateway replicas (Redis); 0 = unlimited.</summary>
    [Range(0, 10_000_000)]
    public int RequestsPerMinute { get; set; }

    /// <summary>Monthly proprietary-API budget in US dollars; 0 = unlimited.</summary>
    [Range(0.0, 100_000_000.0)]
    public double MonthlyApiBudgetUsd { get; set; }

    /// <summary>What happens to proprietary-bound traffic once the budget is spent.</summary>
    public OverBudgetAction OverBudget { get; set; } = OverBudgetAction.Local;
}

public enum OverBudgetAction
{
    /// <summary>Serve it locally instead (unless it must go to the API, then reject).</summary>
    Local,

    /// <summary>Refuse with RESOURCE_EXHAUSTED.</summary>
    Reject,

    /// <summary>
    /// Defer: refuse with RESOURCE_EXHAUSTED and a retry hint pointing at the start of next month (UTC), when the budget
    /// resets, so a caller that may defer schedules the work then instead of spending past the budget now.
    /// </summary>
    Defer,
}

[OptionsValidator]
public sealed partial class TenantPolicyValidator : IValidateOptions<TenantPolicy>;

/// <summary>Checks every tenant at start: ranges, key hashes that look like SHA-256 hex, and known route names.</summary>
public sealed class TenancyOptionsValidator : IValidateOptions<TenancyOptions>
{
    private static readonly TenantPolicyValidator PolicyValidator = new();

    public ValidateOptionsResult Validate(string? name, TenancyOptions options)
    {
        var failures = new List<string>();
        foreach (var (id, policy) in options.Tenants.Append(new("(default policy)", options.DefaultPolicy)))
        {
            if (PolicyValidator.Validate(id, policy) is { Failed: true } result)
            {
                failures.Add($"Tenancy:Tenants:{id}: {result.FailureMessage}");
            }

            if (policy.ApiKeySha256.Any(h => h.Trim().Length != 64 || !h.Trim().All(Uri.IsHexDigit)))
            {
                failures.Add($"Tenancy:Tenants:{id}:ApiKeySha256 must hold 64-character hex SHA-256 digests of the keys, not the keys.");
            }

            if (policy.AllowedRoutes.Any(r => r is not ("local" or "proprietary")))
            {
                failures.Add($"Tenancy:Tenants:{id}:AllowedRoutes may only contain local and proprietary.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
