using HybridLlm.Contracts;
using Microsoft.Extensions.AI;

namespace HybridLlm.Gateway.Routing;

/// <summary>The routing-relevant facts of one request, read once from its options.</summary>
public sealed record RoutingRequest(string TenantId, bool IsPrivate, string? PinnedRoute, string? ModelAlias, TimeSpan? LatencyBudget)
{
    /// <summary>Routes the tenant may use; null means both.</summary>
    public IReadOnlySet<string>? AllowedRoutes { get; init; }

    /// <summary>The request defines tools or continues a tool-calling conversation.</summary>
    public bool UsesTools { get; init; }

    /// <summary>The caller's idle-stream deadline (tightens the route's), if it set one.</summary>
    public TimeSpan? IdleTimeout { get; init; }

    public bool Allows(string route) => AllowedRoutes is null || AllowedRoutes.Contains(route);

    public const string AutoAlias = "auto";

    public static RoutingRequest From(ChatOptions? options, IEnumerable<ChatMessage>? messages = null)
    {
        var props = options?.AdditionalProperties;
        var alias = options?.ModelId;
        var budgetMs = ChatMetadata.GetDouble(props, ChatMetadata.LatencyBudgetMs);
        var allowed = ChatMetadata.GetString(props, ChatMetadata.AllowedRoutes) is { } list
            ? list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal)
            : null;
        return new RoutingRequest(
            ChatMetadata.GetString(props, ChatMetadata.TenantId) ?? "default",
            ChatMetadata.GetString(props, ChatMetadata.Privacy) == "private",
            ChatMetadata.GetString(props, ChatMetadata.PinnedRoute),
            string.IsNullOrEmpty(alias) || string.Equals(alias, AutoAlias, StringComparison.OrdinalIgnoreCase) ? null : alias,
            budgetMs > 0 ? TimeSpan.FromMilliseconds(budgetMs) : null)
        {
            AllowedRoutes = allowed,
            IdleTimeout = ChatMetadata.GetDouble(props, ChatMetadata.IdleTimeoutMs) is > 0 and var idleMs ? TimeSpan.FromMilliseconds(idleMs) : null,
            UsesTools = options?.Tools is { Count: > 0 }
                || messages?.Any(m => m.Contents.Any(c => c is FunctionCallContent or FunctionResultContent)) == true,
        };
    }
}
