using Microsoft.Extensions.Options;

namespace HybridLlm.ProprietaryAdapter.Providers;

/// <summary>Whether the proprietary provider can be called, decided once from configuration.</summary>
internal sealed class ProprietaryStatus
{
    public const string NotConfiguredDescription = "proprietary provider not configured (set Proprietary:ApiKey)";
    public const string NoProviderDescription = "proprietary provider not configured (set Proprietary:Provider)";

    public ProprietaryStatus(IOptions<ProprietaryOptions> options)
    {
        var value = options.Value;
        Provider = value.Provider;
        Model = value.Model;
        IsConfigured = value.IsConfigured;
        Description = value switch
        {
            { Provider: ProviderKind.None } => NoProviderDescription,
            { IsConfigured: false } => NotConfiguredDescription,
            _ => $"proprietary provider {value.Provider} configured (model {value.Model})",
        };
    }

    public ProviderKind Provider { get; }

    public string? Model { get; }

    public bool IsConfigured { get; }

    /// <summary>Human-readable state, safe to show (never contains the key).</summary>
    public string Description { get; }
}
