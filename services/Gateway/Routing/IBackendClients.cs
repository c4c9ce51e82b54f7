using Microsoft.Extensions.AI;

namespace HybridLlm.Gateway.Routing;

/// <summary>The chat client that serves each route.</summary>
public interface IBackendClients
{
    /// <param name="route">A <see cref="HybridLlm.Contracts.RouteNames"/> value.</param>
    IChatClient Get(string route);
}
