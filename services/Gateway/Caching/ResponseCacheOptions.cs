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

    /// <summary>
    /// How long one replica's claim on a missed key lasts (single-flight across replicas); others wait at most this long
    /// for its answer before calling the model themselves.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:10:00")]
    public TimeSpan MissLeaseTime { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often a waiting replica looks for the answer another replica is producing.</summary>
    [Range(typeof(TimeSpan), "00:00:00.005", "00:00:10")]
    public TimeSpan PeerPollInterval { get; set; } = TimeSpan.FromMilliseconds(50);
}

[OptionsValidator]
public sealed partial class ResponseCacheOptionsValidator : IValidateOptions<ResponseCacheOptions>;
