using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace HybridLlm.Gateway.Caching;

/// <summary>
/// The optional semantic cache (config <c>SemanticCache</c>, off by default): a single-turn prompt whose embedding is
/// close enough to one answered before, with every other parameter equal, gets that answer.
/// </summary>
public sealed class SemanticCacheOptions
{
    public const string SectionName = "SemanticCache";

    public bool Enabled { get; set; }

    /// <summary>Cosine similarity at or above which two prompts count as the same question.</summary>
    [Range(0.5, 1.0)]
    public double MinSimilarity { get; set; } = 0.95;

    /// <summary>Most recent answers kept per bucket (tenant, model, privacy, pin and options); older ones drop off.</summary>
    [Range(1, 10_000)]
    public int MaxEntriesPerBucket { get; set; } = 256;

    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromHours(1);
}

[OptionsValidator]
public sealed partial class SemanticCacheOptionsValidator : IValidateOptions<SemanticCacheOptions>;
