using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace HybridLlm.ProprietaryAdapter.PromptCaching;

/// <summary>
/// <c>Proprietary:PromptCaching</c>: Anthropic prompt caching for long, stable system prompts. Marks a request already
/// carries always pass through; OpenAI caches long prompts by itself and needs nothing.
/// </summary>
internal sealed class PromptCachingOptions
{
    /// <summary>Mark long system prompts cacheable on Anthropic deployments.</summary>
    public bool CacheSystemPrompts { get; set; }

    /// <summary>
    /// Shortest system prompt (characters) worth marking. Anthropic caches nothing under 1,024 tokens (2,048 on Haiku)
    /// and charges 25% extra for a cache write, so short prompts are left alone.
    /// </summary>
    [Range(1, 10_000_000)]
    public int MinSystemPromptChars { get; set; } = 8_000;

    /// <summary>Cache lifetime: Anthropic offers 5 minutes (default) or 1 hour.</summary>
    [Range(typeof(TimeSpan), "00:05:00", "01:00:00")]
    public TimeSpan Ttl { get; set; } = TimeSpan.FromMinutes(5);

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture, $"CacheSystemPrompts={CacheSystemPrompts}, MinSystemPromptChars={MinSystemPromptChars}, Ttl={Ttl}");
}
