using System.ClientModel;
using System.Text.Json;
using Anthropic.Exceptions;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace HybridLlm.ProprietaryAdapter.Providers;

/// <summary>Maps what the vendor SDKs and the resilience handler throw onto <see cref="UpstreamProviderException"/>.</summary>
internal static class UpstreamErrorTranslator
{
    /// <summary>
    /// The translated exception, or null for exceptions that are not about the vendor (the caller's own cancellation,
    /// argument errors), which pass through unchanged.
    /// </summary>
    public static UpstreamProviderException? Translate(
        ProviderKind provider,
        Exception exception,
        UpstreamResponseObservation observation,
        bool outputStarted,
        CancellationToken callerToken)
    {
        if (Classify(exception, outputStarted, callerToken) is not var (kind, status))
        {
            return null;
        }

        status ??= observation.LastStatusCode is >= 400 and var last ? last : null;
        var retryAfter = kind switch
        {
            UpstreamFailureKind.RateLimited or UpstreamFailureKind.ServerError => observation.LastRetryAfter,
            // An open circuit knows when it will let a trial call through: that is the caller's hint.
            UpstreamFailureKind.CircuitOpen => BrokenCircuit(exception)?.RetryAfter,
            _ => null,
        };
        return new UpstreamProviderException(provider, kind, status, retryAfter, exception);
    }

    private static (UpstreamFailureKind Kind, int? Status)? Classify(Exception exception, bool outputStarted, CancellationToken callerToken) =>
        exception switch
        {
            OperationCanceledException when callerToken.IsCancellationRequested => null,
            UpstreamProviderException or ProviderNotConfiguredException => null,
            BrokenCircuitException => (UpstreamFailureKind.CircuitOpen, null),
            TimeoutRejectedException => (UpstreamFailureKind.Timeout, null),
            // An SDK-level timeout (OpenAI NetworkTimeout, also its idle limit between stream reads; Anthropic Timeout)
            // surfaces as cancellation the caller did not ask for.
            OperationCanceledException => (outputStarted ? UpstreamFailureKind.StreamInterrupted : UpstreamFailureKind.Timeout, null),
            ClientResultException { Status: > 0 } openAi => (FromStatus(openAi.Status), openAi.Status),
            AnthropicApiException anthropic => (FromStatus((int)anthropic.StatusCode), (int)anthropic.StatusCode),
            JsonException or AnthropicInvalidDataException => (UpstreamFailureKind.MalformedResponse, null),
            AnthropicSseException => (outputStarted ? UpstreamFailureKind.StreamInterrupted : UpstreamFailureKind.ServerError, null),
            ClientResultException or AnthropicIOException or HttpRequestException or IOException =>
                (outputStarted ? UpstreamFailureKind.StreamInterrupted : UpstreamFailureKind.Transport, null),
            _ => null,
        };

    private static BrokenCircuitException? BrokenCircuit(Exception? exception)
    {
        for (; exception is not null; exception = exception.InnerException)
        {
            if (exception is BrokenCircuitException broken)
            {
                return broken;
            }
        }

        return null;
    }

    private static UpstreamFailureKind FromStatus(int status) => status switch
    {
        429 => UpstreamFailureKind.RateLimited,
        408 => UpstreamFailureKind.Timeout,
        >= 500 => UpstreamFailureKind.ServerError,
        _ => UpstreamFailureKind.Rejected,
    };
}
