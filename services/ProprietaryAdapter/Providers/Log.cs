using Microsoft.Extensions.Logging;

namespace HybridLlm.ProprietaryAdapter.Providers;

/// <summary>Provider-layer log messages. None carries the API key, the prompt or the completion.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning,
        Message = "Proprietary provider attempt {Attempt} of {MaxAttempts} failed (status {StatusCode}, error {ErrorType}); retrying in {DelayMs} ms")]
    public static partial void RetryScheduled(
        ILogger logger, int attempt, int maxAttempts, int? statusCode, string? errorType, double delayMs);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error,
        Message = "Proprietary provider circuit opened for {BreakDurationMs} ms (last status {StatusCode}, error {ErrorType})")]
    public static partial void CircuitOpened(ILogger logger, double breakDurationMs, int? statusCode, string? errorType);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Proprietary provider circuit closed")]
    public static partial void CircuitClosed(ILogger logger);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information,
        Message = "Proprietary provider {Provider} ready: model {Model} at {Endpoint}")]
    public static partial void ProviderReady(ILogger logger, ProviderKind provider, string model, string endpoint);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Proprietary provider unavailable: {Reason}")]
    public static partial void ProviderNotConfigured(ILogger logger, string reason);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning,
        Message = "Proprietary provider {Provider} call failed: {Kind} (status {StatusCode})")]
    public static partial void CallFailed(ILogger logger, ProviderKind provider, UpstreamFailureKind kind, int? statusCode);
}
