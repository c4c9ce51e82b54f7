using System.Runtime.CompilerServices;
using Grpc.Core;
using HybridLlm.Contracts;
using HybridLlm.Contracts.Errors;
using Microsoft.Extensions.AI;

namespace HybridLlm.Gateway.Tenancy;

/// <summary>
/// Applies the caller's tenant to the request before the cache sees it: the authenticated tenant replaces any tenant the
/// caller claims (so cached answers can never cross tenants), strict residency makes the request private, the allowed
/// routes travel to the router, and the tenant's requests-per-minute limit is enforced (429 / RESOURCE_EXHAUSTED).
/// </summary>
public sealed partial class TenantPolicyChatClient(
    IChatClient innerClient, IHttpContextAccessor httpContext, TenantDirectory directory, RedisRequestRateLimiter rateLimiter,
    ILogger<TenantPolicyChatClient> logger)
    : DelegatingChatClient(innerClient)
{
    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        await base.GetResponseAsync(messages, await ApplyAsync(options), cancellationToken);

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var applied = await ApplyAsync(options);
        await foreach (var update in base.GetStreamingResponseAsync(messages, applied, cancellationToken))
        {
            yield return update;
        }
    }

    private async Task<ChatOptions> ApplyAsync(ChatOptions? options)
    {
        var applied = options?.Clone() ?? new ChatOptions();
        var props = applied.AdditionalProperties ??= [];
        var tenant = TenantAuthenticationMiddleware.Current(httpContext.HttpContext)
            ?? directory.Anonymous(ChatMetadata.GetString(props, ChatMetadata.TenantId));
        props[ChatMetadata.TenantId] = tenant.TenantId;
        if (tenant.Policy.StrictResidency)
        {
            props[ChatMetadata.Privacy] = "private";
        }

        if (tenant.Policy.AllowedRoutes.Count > 0)
        {
            props[ChatMetadata.AllowedRoutes] = string.Join(',', tenant.Policy.AllowedRoutes);
        }
        if (await TryAcquireAsync(tenant) is { } retryAfter)
        {
            throw new ChatServiceException(StatusCode.ResourceExhausted,
                $"Tenant '{tenant.TenantId}' is over its limit of {tenant.Policy.RequestsPerMinute} requests per minute.", retryAfter);
        }

        return applied;
    }

    /// <summary>The limit fails open when Redis is unreachable: an outage of shared state must not stop all traffic.</summary>
    private async Task<TimeSpan?> TryAcquireAsync(TenantContext tenant)
    {
        try
        {
            return await rateLimiter.TryAcquireAsync(tenant.TenantId, tenant.Policy.RequestsPerMinute);
        }
        catch (Exception ex) when (ex is StackExchange.Redis.RedisException or TimeoutException)
        {
            LogRateLimitUnavailable(ex.GetType().Name);
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rate-limit counters unavailable ({Error}); allowing the request")]
    private partial void LogRateLimitUnavailable(string error);
}
