using System.ComponentModel.DataAnnotations;
using System.Globalization;

namespace HybridLlm.ProprietaryAdapter.Deferred;

/// <summary>
/// <c>Proprietary:Deferred</c>: the Redis Stream where deferrable requests wait when the API is rate limited or down,
/// and the worker that drains it.
/// </summary>
internal sealed class DeferredQueueOptions
{
    /// <summary>Redis key prefix of the stream (<c>{prefix}:jobs</c>) and the job records (<c>{prefix}:job:{id}</c>).</summary>
    [Required]
    [RegularExpression(@"^[A-Za-z0-9:_\-\.]{1,100}$")]
    public string KeyPrefix { get; set; } = "hybridllm:deferred:v1";

    /// <summary>The consumer group every replica's worker joins.</summary>
    [Required]
    [RegularExpression(@"^[A-Za-z0-9_\-\.]{1,100}$")]
    public string ConsumerGroup { get; set; } = "proprietary-adapter";

    /// <summary>How long a job record (pending, then its answer or error) is kept.</summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00")]
    public TimeSpan ResultTtl { get; set; } = TimeSpan.FromDays(1);

    /// <summary>
    /// A job a consumer has not touched for this long is taken over by another (XAUTOCLAIM): the consumer died. Live
    /// consumers touch their jobs every third of it, so it only needs to exceed a few Redis round trips.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "1.00:00:00")]
    public TimeSpan ClaimIdleTime { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>How often an idle worker looks for new or abandoned jobs (a job queued by this replica wakes it at once).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "00:10:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How long a queued job may wait for rate-limit capacity per attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan WaitBudget { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Attempts per job (each one a full retry loop), counted across restarts; then the job fails.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Pause between attempts when the vendor sent no wait hint.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Jobs one worker runs at a time.</summary>
    [Range(1, 256)]
    public int MaxConcurrency { get; set; } = 4;

    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"KeyPrefix={KeyPrefix}, ConsumerGroup={ConsumerGroup}, ResultTtl={ResultTtl}, ClaimIdleTime={ClaimIdleTime}, " +
        $"PollInterval={PollInterval}, WaitBudget={WaitBudget}, MaxAttempts={MaxAttempts}, RetryDelay={RetryDelay}, MaxConcurrency={MaxConcurrency}");
}
