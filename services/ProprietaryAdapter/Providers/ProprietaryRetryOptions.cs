using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace HybridLlm.ProprietaryAdapter.Providers;

/// <summary>
/// <c>Proprietary:Retry</c>: the one retry loop around vendor calls. Defaults follow the published pattern for LLM APIs
/// (4 attempts, waits growing from 2 s to 30 s on 429/529/5xx).
/// </summary>
internal sealed class ProprietaryRetryOptions
{
    /// <summary>Total attempts including the first (1 disables retries).</summary>
    [Range(1, 10)]
    public int MaxAttempts { get; set; } = 4;

    /// <summary>First backoff delay; later ones grow exponentially with jitter.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Cap for both the computed backoff and a vendor's Retry-After / retry-after-ms hint.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Time allowed per attempt until the response headers arrive. A non-streaming completion sends its headers only
    /// when generation is done, so keep this generous; it never cuts a stream that has started.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "1.00:00:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>Worst case for the whole loop: every attempt timing out and every wait at its cap.</summary>
    public TimeSpan WorstCaseDuration => (AttemptTimeout * MaxAttempts) + (MaxDelay * (MaxAttempts - 1));

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"MaxAttempts={MaxAttempts}, BaseDelay={BaseDelay}, MaxDelay={MaxDelay}, AttemptTimeout={AttemptTimeout}");
}
