using HybridLlm.ProprietaryAdapter.Providers;
using HybridLlm.ProprietaryAdapter.RateLimiting;

namespace HybridLlm.ProprietaryAdapter.Deferred;

/// <summary>Which failures a deferrable request is queued for (and a queued job is retried after), and what a caller is told.</summary>
internal static class DeferralPolicy
{
    /// <summary>
    /// Rate limited (by the vendor after the retry loop, or by our limiter beyond the wait budget), vendor unavailable
    /// (5xx, connection failures) or circuit open: conditions that pass. Rejections, malformed answers, timeouts and
    /// streams cut after output began are not: retrying later would not help or would bill twice.
    /// </summary>
    public static bool IsTransient(Exception exception) => exception switch
    {
        RateLimitExceededException => true,
        UpstreamProviderException upstream => upstream.Kind is UpstreamFailureKind.RateLimited or UpstreamFailureKind.ServerError
            or UpstreamFailureKind.Transport or UpstreamFailureKind.CircuitOpen,
        _ => false,
    };

    /// <summary>The vendor's or the limiter's wait hint, if the failure carried one.</summary>
    public static TimeSpan? RetryAfter(Exception exception) => exception switch
    {
        RateLimitExceededException limited => limited.RetryAfter,
        UpstreamProviderException upstream => upstream.RetryAfter,
        _ => null,
    };

    /// <summary>A failure message safe to store and return: ours are written without keys or prompt text; others are named only.</summary>
    public static string Describe(Exception exception) => exception switch
    {
        UpstreamProviderException or RateLimitExceededException or ProviderNotConfiguredException => exception.Message,
        _ => $"Unexpected {exception.GetType().Name} while answering the deferred request.",
    };
}
