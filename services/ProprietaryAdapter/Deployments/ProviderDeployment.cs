using Microsoft.Extensions.AI;

namespace HybridLlm.ProprietaryAdapter.Deployments;

/// <summary>A configured deployment at run time: its options and the vendor client behind its own retry loop and breaker.</summary>
internal sealed class ProviderDeployment(DeploymentEntry entry, IChatClient client) : IDisposable
{
    public string Name => entry.Name;

    public DeploymentOptions Options => entry.Options;

    /// <summary>The vendor SDK client over this deployment's HttpClient, with errors translated.</summary>
    public IChatClient Client { get; } = client;

    public void Dispose() => Client.Dispose();
}
