using HybridLlm.ProprietaryAdapter.Deployments;
using Microsoft.Extensions.Options;

namespace HybridLlm.ProprietaryAdapter.Providers;

/// <summary>Whether any proprietary deployment can be called, decided once from configuration.</summary>
internal sealed class ProprietaryStatus
{
    public const string NotConfiguredDescription = "proprietary provider not configured (set Proprietary:ApiKey)";
    public const string NoProviderDescription = "proprietary provider not configured (set Proprietary:Provider)";
    public const string NoDeploymentKeyDescription = "proprietary provider not configured (no deployment in Proprietary:Deployments has an ApiKey)";

    public ProprietaryStatus(IOptions<ProprietaryOptions> options)
    {
        var value = options.Value;
        var deployments = DeploymentCatalog.All(value);
        var configured = deployments.Where(d => d.Options.IsConfigured).ToList();
        IsConfigured = configured.Count > 0;
        Description = deployments switch
        {
            [] => NoProviderDescription,
            _ when !IsConfigured => value.Provider != ProviderKind.None ? NotConfiguredDescription : NoDeploymentKeyDescription,
            _ => $"proprietary provider configured: {string.Join(", ", configured.Select(d => $"{d.Name} ({d.Options.Provider})"))}; auto model {value.Model}",
        };
    }

    public bool IsConfigured { get; }

    /// <summary>Human-readable state, safe to show (never contains a key).</summary>
    public string Description { get; }
}
