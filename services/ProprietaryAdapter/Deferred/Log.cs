using Microsoft.Extensions.Logging;

namespace HybridLlm.ProprietaryAdapter.Deferred;

/// <summary>Deferred-queue log messages (job ids and failure kinds, never prompts or keys).</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 30, Level = LogLevel.Information, Message = "Request deferred as job {JobId} after {ErrorType}: {Reason}")]
    public static partial void Deferred(ILogger logger, string jobId, string errorType, string reason);

    [LoggerMessage(EventId = 31, Level = LogLevel.Warning, Message = "Deferred queue unreachable ({ErrorType}); the request fails instead of being queued")]
    public static partial void DeferFailed(ILogger logger, string errorType);

    [LoggerMessage(EventId = 32, Level = LogLevel.Information, Message = "Deferred job {JobId} completed on attempt {Attempt}")]
    public static partial void JobCompleted(ILogger logger, string jobId, long attempt);

    [LoggerMessage(EventId = 33, Level = LogLevel.Warning, Message = "Deferred job {JobId} failed on attempt {Attempt}: {Reason}")]
    public static partial void JobFailed(ILogger logger, string jobId, long attempt, string reason);

    [LoggerMessage(EventId = 34, Level = LogLevel.Information,
        Message = "Deferred job {JobId} attempt {Attempt} hit {ErrorType}; trying again in {DelayMs} ms")]
    public static partial void JobRetrying(ILogger logger, string jobId, long attempt, string errorType, double delayMs);

    [LoggerMessage(EventId = 35, Level = LogLevel.Warning, Message = "Deferred queue worker: Redis trouble ({ErrorType}); retrying")]
    public static partial void WorkerRedisError(ILogger logger, string errorType);

    [LoggerMessage(EventId = 36, Level = LogLevel.Warning, Message = "Deferred queue entry {EntryId} is not a job (no job id); dropped")]
    public static partial void MalformedEntry(ILogger logger, string entryId);

    [LoggerMessage(EventId = 38, Level = LogLevel.Error, Message = "Deferred queue worker: unexpected failure; the batch stays pending")]
    public static partial void WorkerFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 37, Level = LogLevel.Information, Message = "Deferred queue worker {Consumer} started (group {Group})")]
    public static partial void WorkerStarted(ILogger logger, string consumer, string group);
}
