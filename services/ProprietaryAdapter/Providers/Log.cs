using HybridLlm.ProprietaryAdapter.Deployments;
using Microsoft.Extensions.Logging;

namespace HybridLlm.ProprietaryAdapter.Providers;

/// <summary>Provider-layer log messages. None carries an API key, the prompt or the completion.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1, Level = LogLevel.Warning,
        Message = "Proprietary deployment {Deployment}: attempt {Attempt} of {MaxAttempts} failed (status {StatusCode}, error {ErrorType}); retrying in {DelayMs} ms")]
    public static partial void RetryScheduled(
        ILogger logger, string deployment, int attempt, int maxAttempts, int? statusCode, string? errorType, double delayMs);

    [LoggerMessage(EventId = 2, Level = LogLevel.Error,
        Message = "Proprietary deployment {Deployment}: circuit opened for {BreakDurationMs} ms (last status {StatusCode}, error {ErrorType})")]
    public static partial void CircuitOpened(ILogger logger, string deployment, double breakDurationMs, int? statusCode, string? errorType);

    [LoggerMessage(EventId = 3, Level = LogLevel.Information, Message = "Proprietary deployment {Deployment}: circuit closed")]
    public static partial void CircuitClosed(ILogger logger, string deployment);

    [LoggerMessage(EventId = 4, Level = LogLevel.Information,
        Message = "Proprietary deployment {Deployment} ready: {Provider} at {Endpoint}, models {Models}, limits {RequestsPerMinute} requests/min and {TokensPerMinute} tokens/min")]
    public static partial void ProviderReady(
        ILogger logger, string deployment, ProviderKind provider, string endpoint, string models, int? requestsPerMinute, int? tokensPerMinute);

    [LoggerMessage(EventId = 5, Level = LogLevel.Warning, Message = "Proprietary provider unavailable: {Reason}")]
    public static partial void ProviderNotConfigured(ILogger logger, string reason);

    [LoggerMessage(EventId = 6, Level = LogLevel.Warning,
        Message = "Proprietary deployment {Deployment} ({Provider}) call failed: {Kind} (status {StatusCode})")]
    public static partial void CallFailed(ILogger logger, string deployment, ProviderKind provider, UpstreamFailureKind kind, int? statusCode);

    [LoggerMessage(EventId = 7, Level = LogLevel.Warning,
        Message = "Proprietary deployment {Deployment} has no ApiKey ({ConfigurationPath}:ApiKey) and serves nothing")]
    public static partial void DeploymentWithoutKey(ILogger logger, string deployment, string configurationPath);

    public static void ProviderReady(ILogger logger, DeploymentEntry deployment) => ProviderReady(
        logger,
        deployment.Name,
        deployment.Options.Provider,
        ProviderEndpoints.Describe(deployment.Options.Endpoint),
        deployment.Options.Models.Count == 0 ? "(any)" : string.Join(", ", deployment.Options.Models),
        deployment.Options.RequestsPerMinute,
        deployment.Options.TokensPerMinute);
}
