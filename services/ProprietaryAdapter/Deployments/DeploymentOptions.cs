using System.ComponentModel.DataAnnotations;
using System.Globalization;
using HybridLlm.ProprietaryAdapter.Providers;

namespace HybridLlm.ProprietaryAdapter.Deployments;

/// <summary>
/// <c>Proprietary:Deployments:&lt;name&gt;</c>: one vendor account, region or key, with the models it serves and the
/// limits the vendor gave it. The legacy top-level keys (<c>Proprietary:Provider</c>, <c>Endpoint</c>, <c>ApiKey</c>,
/// <c>Models</c>, <c>RequestsPerMinute</c>, <c>TokensPerMinute</c>) describe the deployment named <c>default</c>.
/// </summary>
internal sealed class DeploymentOptions
{
    /// <summary>The vendor API; <see cref="ProviderKind.None"/> disables the deployment.</summary>
    public ProviderKind Provider { get; set; } = ProviderKind.None;

    /// <summary>Base address override without <c>/v1</c>; required for OpenAICompatible and AzureOpenAI.</summary>
    public Uri? Endpoint { get; set; }

    /// <summary>The vendor API key (a secret: never logged, never in <see cref="ToString"/>). Missing means not configured.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Vendor models this deployment serves; empty means any model.</summary>
    public List<DeploymentModelOptions> Models { get; set; } = [];

    /// <summary>The vendor's requests-per-minute limit for this deployment; unset means not limited here.</summary>
    public int? RequestsPerMinute { get; set; }

    /// <summary>The vendor's tokens-per-minute limit (input + output) for this deployment; unset means not limited here.</summary>
    public int? TokensPerMinute { get; set; }

    /// <summary>True when a provider is chosen and a key is present.</summary>
    public bool IsConfigured => Provider != ProviderKind.None && !string.IsNullOrWhiteSpace(ApiKey);

    /// <summary>True when the deployment has a rate limit to keep.</summary>
    public bool IsRateLimited => RequestsPerMinute is not null || TokensPerMinute is not null;

    /// <summary>Whether this deployment serves <paramref name="modelId"/> (an empty model list serves every model).</summary>
    public bool Serves(string modelId) =>
        Models.Count == 0 || Models.Exists(m => string.Equals(m.Id, modelId, StringComparison.OrdinalIgnoreCase));

    /// <summary>Field rules for the deployment configured under <paramref name="path"/>; messages never echo the key.</summary>
    public IEnumerable<ValidationResult> Validate(string path)
    {
        if (Provider is ProviderKind.OpenAICompatible or ProviderKind.AzureOpenAI && Endpoint is null)
        {
            yield return new($"{path}:Endpoint is required when {path}:Provider is {Provider}.", [nameof(Endpoint)]);
        }

        if (Endpoint is not null && (!Endpoint.IsAbsoluteUri || (Endpoint.Scheme != Uri.UriSchemeHttp && Endpoint.Scheme != Uri.UriSchemeHttps)))
        {
            yield return new($"{path}:Endpoint must be an absolute http or https address.", [nameof(Endpoint)]);
        }

        // A stray newline from a secrets file would otherwise fail later in header validation, whose message echoes the value.
        if (ApiKey is { } key && !string.IsNullOrWhiteSpace(key) && key.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            yield return new($"{path}:ApiKey contains whitespace or control characters.", [nameof(ApiKey)]);
        }

        if (RequestsPerMinute is <= 0 or > 10_000_000)
        {
            yield return new($"{path}:RequestsPerMinute must be between 1 and 10000000 when set.", [nameof(RequestsPerMinute)]);
        }

        if (TokensPerMinute is <= 0 or > 2_000_000_000)
        {
            yield return new($"{path}:TokensPerMinute must be between 1 and 2000000000 when set.", [nameof(TokensPerMinute)]);
        }

        if (Models.Exists(m => string.IsNullOrWhiteSpace(m.Id)))
        {
            yield return new($"{path}:Models has an entry without an Id.", [nameof(Models)]);
        }
    }

    /// <summary>Describes the deployment without the key.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"Provider={Provider}, Endpoint={ProviderEndpoints.Describe(Endpoint)}, " +
        $"ApiKey={(string.IsNullOrWhiteSpace(ApiKey) ? "(not set)" : "(set)")}, " +
        $"Models=[{string.Join(", ", Models)}], RequestsPerMinute={RequestsPerMinute?.ToString(CultureInfo.InvariantCulture) ?? "(none)"}, " +
        $"TokensPerMinute={TokensPerMinute?.ToString(CultureInfo.InvariantCulture) ?? "(none)"}");
}
