using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace HybridLlm.ProprietaryAdapter.Providers;

/// <summary><c>Proprietary:CircuitBreaker</c>: counts 5xx, 529 and timeouts (never 429) and fails fast while open.</summary>
internal sealed class ProprietaryCircuitBreakerOptions
{
    /// <summary>Share of failed attempts within <see cref="SamplingDuration"/> that opens the circuit.</summary>
    [Range(0.01, 1.0)]
    public double FailureRatio { get; set; } = 0.5;

    /// <summary>Attempts needed within <see cref="SamplingDuration"/> before the ratio counts.</summary>
    [Range(2, 100_000)]
    public int MinimumThroughput { get; set; } = 10;

    /// <summary>Window over which failures are counted.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "1.00:00:00")]
    public TimeSpan SamplingDuration { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How long the circuit stays open before a trial call.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "1.00:00:00")]
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(30);

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"FailureRatio={FailureRatio}, MinimumThroughput={MinimumThroughput}, SamplingDuration={SamplingDuration}, BreakDuration={BreakDuration}");
}
