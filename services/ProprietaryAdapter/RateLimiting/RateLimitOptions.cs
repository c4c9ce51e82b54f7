using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace HybridLlm.ProprietaryAdapter.RateLimiting;

/// <summary>
/// <c>Proprietary:RateLimit</c>: the client-side limiter that keeps each deployment under its configured requests and
/// tokens per minute, shared by every replica through Redis.
/// </summary>
internal sealed class RateLimitOptions
{
    /// <summary>
    /// Longest a request waits for capacity before it is deferred (when it allows that) or refused with
    /// ResourceExhausted. A request's own latency budget (<c>hints.latency_budget</c>) shortens it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan MaxWait { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Characters per token when estimating a prompt before the call (settled with the real usage after).</summary>
    [Range(1.0, 16.0)]
    public double CharsPerToken { get; set; } = 4.0;

    /// <summary>Redis key prefix of the buckets; replicas that share limits must share it.</summary>
    [Required]
    [RegularExpression(@"^[A-Za-z0-9:_\-\.]{1,100}$")]
    public string KeyPrefix { get; set; } = "hybridllm:ratelimit:v1";

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture, $"MaxWait={MaxWait}, CharsPerToken={CharsPerToken}, KeyPrefix={KeyPrefix}");
}
