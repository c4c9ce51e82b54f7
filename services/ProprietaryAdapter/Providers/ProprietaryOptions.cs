using System.ComponentModel.DataAnnotations;
using System.Globalization;
using Microsoft.Extensions.Options;

namespace HybridLlm.ProprietaryAdapter.Providers;

/// <summary>The <c>Proprietary</c> configuration section: which vendor, where, with which key and model.</summary>
internal sealed class ProprietaryOptions : IValidatableObject
{
    public const string SectionName = "Proprietary";

    /// <summary>The vendor API; <see cref="ProviderKind.None"/> leaves the adapter not configured.</summary>
    public ProviderKind Provider { get; set; } = ProviderKind.None;

    /// <summary>
    /// Base address override without <c>/v1</c> (e.g. <c>http://localhost:8000</c>). Required for
    /// <see cref="ProviderKind.OpenAICompatible"/> and for <see cref="ProviderKind.AzureOpenAI"/> (the resource address,
    /// <c>https://{resource}.openai.azure.com</c>).
    /// </summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The vendor API key (a secret: never logged, never in <see cref="ToString"/>). Missing means not configured.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Vendor model id, e.g. <c>gpt-4o-mini</c> or <c>claude-3-5-haiku-latest</c>.</summary>
    public string? Model { get; set; }

    /// <summary>Output token cap applied when a request names none (Anthropic requires one).</summary>
    [Range(1, 1_000_000)]
    public int MaxOutputTokens { get; set; } = 1024;

    /// <summary>The single retry loop (attempts, backoff, Retry-After clamp, attempt timeout).</summary>
    [ValidateObjectMembers]
    public ProprietaryRetryOptions Retry { get; set; } = new();

    /// <summary>The circuit breaker that fails fast while the vendor keeps failing with 5xx or timeouts.</summary>
    [ValidateObjectMembers]
    public ProprietaryCircuitBreakerOptions CircuitBreaker { get; set; } = new();

    /// <summary>True when a provider is chosen and a key is present.</summary>
    public bool IsConfigured => Provider != ProviderKind.None && !string.IsNullOrWhiteSpace(ApiKey);

    /// <summary>Cross-field rules; messages never echo the key.</summary>
    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider is ProviderKind.OpenAICompatible or ProviderKind.AzureOpenAI && Endpoint is null)
        {
            yield return new($"Proprietary:Endpoint is required when Proprietary:Provider is {Provider}.", [nameof(Endpoint)]);
        }

        if (Endpoint is not null && (!Endpoint.IsAbsoluteUri || (Endpoint.Scheme != Uri.UriSchemeHttp && Endpoint.Scheme != Uri.UriSchemeHttps)))
        {
            yield return new("Proprietary:Endpoint must be an absolute http or https address.", [nameof(Endpoint)]);
        }

        if (Provider != ProviderKind.None && string.IsNullOrWhiteSpace(Model))
        {
            yield return new($"Proprietary:Model is required when Proprietary:Provider is {Provider}.", [nameof(Model)]);
        }

        // A stray newline from a secrets file would otherwise fail later in header validation, whose message echoes the value.
        if (ApiKey is { } key && !string.IsNullOrWhiteSpace(key) && key.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            yield return new("Proprietary:ApiKey contains whitespace or control characters.", [nameof(ApiKey)]);
        }

        if (Retry.MaxDelay < Retry.BaseDelay)
        {
            yield return new("Proprietary:Retry:MaxDelay must not be shorter than Proprietary:Retry:BaseDelay.", ["Retry"]);
        }
    }

    /// <summary>Describes the options without the key.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"Provider={Provider}, Endpoint={Endpoint?.ToString() ?? "(default)"}, Model={Model ?? "(none)"}, " +
        $"ApiKey={(string.IsNullOrWhiteSpace(ApiKey) ? "(not set)" : "(set)")}, MaxOutputTokens={MaxOutputTokens}, " +
        $"Retry=[{Retry}], CircuitBreaker=[{CircuitBreaker}]");
}
