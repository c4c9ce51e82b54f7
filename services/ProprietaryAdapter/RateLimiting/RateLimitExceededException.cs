using System.Globalization;

namespace HybridLlm.ProprietaryAdapter.RateLimiting;

/// <summary>
/// No deployment serving the model has capacity within the request's wait budget. Maps to ResourceExhausted with
/// <see cref="RetryAfter"/> as the hint, or sends a deferrable request to the deferred queue.
/// </summary>
internal sealed class RateLimitExceededException(string model, TimeSpan retryAfter)
    : Exception(string.Create(
        CultureInfo.InvariantCulture,
        $"Every proprietary deployment serving '{model}' is at its configured rate limit; retry after {Math.Ceiling(retryAfter.TotalSeconds)} s."))
{
    /// <summary>When the soonest deployment has room again.</summary>
    public TimeSpan RetryAfter { get; } = retryAfter;
}
