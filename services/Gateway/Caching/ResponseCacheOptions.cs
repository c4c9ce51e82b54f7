using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace HybridLlm.Gateway.Caching;

/// <summary>The Redis response cache (config section <c>ResponseCache</c>).</summary>
public sealed class ResponseCacheOptions
{
    public const string SectionName = "ResponseCache";

    /// <summary>Redis key prefix of every cached answer.</summary>
    public const string KeyPrefix = "hybridllm:cache:";

    public bool Enabled { get; set; } = true;

    /// <summary>How long an answer stays servable.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "30.00:00:00")]
    public TimeSpan TimeToLive { get; set; } = TimeSpan.FromHours(1);
}

[OptionsValidator]
public sealed partial class ResponseCacheOptionsValidator : IValidateOptions<ResponseCacheOptions>;
