using System.ComponentModel.DataAnnotations;
using System.Globalization;
using HybridLlm.ProprietaryAdapter.Deferred;
using HybridLlm.ProprietaryAdapter.Deployments;
using HybridLlm.ProprietaryAdapter.PromptCaching;
using HybridLlm.ProprietaryAdapter.RateLimiting;
using Microsoft.Extensions.Options;

namespace HybridLlm.ProprietaryAdapter.Providers;

/// <summary>
/// The <c>Proprietary</c> configuration section: the deployments (vendor, where, key, models, limits), the model for
/// <c>auto</c> traffic, and the retry, breaker, rate-limit, deferral and prompt-caching settings they share. The
/// top-level <c>Provider</c>/<c>Endpoint</c>/<c>ApiKey</c>/<c>Models</c>/<c>RequestsPerMinute</c>/<c>TokensPerMinute</c>
/// keys describe the deployment named <c>default</c>, so single-provider configuration keeps working.
/// </summary>
internal sealed class ProprietaryOptions : IValidatableObject
{
    public const string SectionName = "Proprietary";

    /// <summary>The <c>default</c> deployment's vendor API; <see cref="ProviderKind.None"/> means there is none.</summary>
    public ProviderKind Provider { get; set; } = ProviderKind.None;

    /// <summary>The <c>default</c> deployment's base address override (see <see cref="DeploymentOptions.Endpoint"/>).</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The <c>default</c> deployment's key (a secret: never logged, never in <see cref="ToString"/>).</summary>
    public string? ApiKey { get; set; }

    /// <summary>The <c>default</c> deployment's models (empty: any), with optional retirement dates.</summary>
    public List<DeploymentModelOptions> Models { get; set; } = [];

    /// <summary>The <c>default</c> deployment's requests-per-minute limit.</summary>
    public int? RequestsPerMinute { get; set; }

    /// <summary>The <c>default</c> deployment's tokens-per-minute limit.</summary>
    public int? TokensPerMinute { get; set; }

    /// <summary>Further named deployments, e.g. a second key or region for the same vendor.</summary>
    public Dictionary<string, DeploymentOptions> Deployments { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Vendor model id for <c>auto</c> traffic, e.g. <c>gpt-4o-mini</c> or <c>claude-3-5-haiku-latest</c>.</summary>
    public string? Model { get; set; }

    /// <summary>Logical aliases (<c>fast</c> → <c>gpt-4o-mini</c>); read here only to check them against the deployments.</summary>
    public Dictionary<string, string> Aliases { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Output token cap applied when a request names none (Anthropic requires one).</summary>
    [Range(1, 1_000_000)]
    public int MaxOutputTokens { get; set; } = 1024;

    /// <summary>How long before a model's <c>RetiresOn</c> date the service starts warning and reports Degraded.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "365.00:00:00")]
    public TimeSpan RetirementWarningWindow { get; set; } = TimeSpan.FromDays(30);

    /// <summary>The single retry loop (attempts, backoff, Retry-After clamp, attempt timeout).</summary>
    [ValidateObjectMembers]
    public ProprietaryRetryOptions Retry { get; set; } = new();

    /// <summary>The circuit breaker (one per deployment) that fails fast while the vendor keeps failing with 5xx or timeouts.</summary>
    [ValidateObjectMembers]
    public ProprietaryCircuitBreakerOptions CircuitBreaker { get; set; } = new();

    /// <summary>Client-side requests/tokens-per-minute limiting shared through Redis.</summary>
    [ValidateObjectMembers]
    public RateLimitOptions RateLimit { get; set; } = new();

    /// <summary>The deferred queue for requests that allow deferral.</summary>
    [ValidateObjectMembers]
    public DeferredQueueOptions Deferred { get; set; } = new();

    /// <summary>Anthropic prompt caching of long system prompts.</summary>
    [ValidateObjectMembers]
    public PromptCachingOptions PromptCaching { get; set; } = new();

    /// <summary>Cross-field rules; messages never echo a key.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        var deployments = DeploymentCatalog.All(this);
        if (Deployments.ContainsKey(DeploymentCatalog.DefaultName) && Provider != ProviderKind.None)
        {
            yield return new($"Proprietary:Deployments:{DeploymentCatalog.DefaultName} clashes with the top-level Proprietary:Provider keys, " +
                "which already describe the deployment named default.", [nameof(Deployments)]);
        }

        foreach (var deployment in deployments)
        {
            if (!DeploymentCatalog.IsValidName(deployment.Name))
            {
                yield return new($"{deployment.ConfigurationPath}: a deployment name may hold only letters, digits, '-' and '_' (at most 64).",
                    [nameof(Deployments)]);
            }

            if (deployment.Name != DeploymentCatalog.DefaultName && deployment.Options.Provider == ProviderKind.None)
            {
                yield return new($"{deployment.ConfigurationPath}:Provider is required.", [nameof(Deployments)]);
            }

            foreach (var result in deployment.Options.Validate(deployment.ConfigurationPath))
            {
                yield return result;
            }
        }

        if (deployments.Count > 0 && string.IsNullOrWhiteSpace(Model))
        {
            yield return Provider != ProviderKind.None
                ? new($"Proprietary:Model is required when Proprietary:Provider is {Provider}.", [nameof(Model)])
                : new("Proprietary:Model (the model for auto traffic) is required when Proprietary:Deployments are configured.", [nameof(Model)]);
        }

        foreach (var (alias, model) in Aliases.Where(a => deployments.Count > 0 && !deployments.Any(d => d.Options.Serves(a.Value))))
        {
            yield return new($"Proprietary:Aliases:{alias} maps to '{model}', which no deployment lists in its Models.", [nameof(Aliases)]);
        }

        if (Retry.MaxDelay < Retry.BaseDelay)
        {
            yield return new("Proprietary:Retry:MaxDelay must not be shorter than Proprietary:Retry:BaseDelay.", ["Retry"]);
        }

        if (PromptCaching.Ttl != TimeSpan.FromMinutes(5) && PromptCaching.Ttl != TimeSpan.FromHours(1))
        {
            yield return new("Proprietary:PromptCaching:Ttl must be 00:05:00 or 01:00:00 (what Anthropic offers).", ["PromptCaching"]);
        }
    }

    /// <summary>Describes the options without any key.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"Deployments=[{string.Join("; ", DeploymentCatalog.All(this).Select(d => $"{d.Name}: {d.Options}"))}], " +
        $"Model={Model ?? "(none)"}, MaxOutputTokens={MaxOutputTokens}, RetirementWarningWindow={RetirementWarningWindow}, " +
        $"Retry=[{Retry}], CircuitBreaker=[{CircuitBreaker}], RateLimit=[{RateLimit}], Deferred=[{Deferred}], PromptCaching=[{PromptCaching}]");
}
