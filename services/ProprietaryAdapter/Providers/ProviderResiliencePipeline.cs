using System.Net;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace HybridLlm.ProprietaryAdapter.Providers;

/// <summary>
/// The one retry loop around vendor calls, run by the provider HttpClient's resilience handler (outer to inner):
/// retry (exponential backoff with jitter, vendor wait hints clamped to MaxDelay) → circuit breaker → attempt timeout.
/// The handler sees a response as soon as its headers arrive (both SDKs send with ResponseHeadersRead), so a stream that
/// fails after it began is never retried.
/// </summary>
internal static class ProviderResiliencePipeline
{
    /// <summary>The HttpClient of the <c>default</c> deployment; others are named <c>proprietary-provider-{deployment}</c>.</summary>
    public const string HttpClientName = "proprietary-provider";
    public const string PipelineName = "proprietary-retry";
    public const string LoggerCategory = "HybridLlm.ProprietaryAdapter.Providers.Resilience";

    private const int RequestTimeout = 408;
    private const int Conflict = 409;
    private const int TooManyRequests = 429;
    private const int Overloaded = 529; // Anthropic's "overloaded_error"

    /// <summary>The named HttpClient (and so the retry loop and circuit breaker) of one deployment.</summary>
    public static string HttpClientNameFor(string deployment) =>
        string.Equals(deployment, Deployments.DeploymentCatalog.DefaultName, StringComparison.OrdinalIgnoreCase)
            ? HttpClientName
            : $"{HttpClientName}-{deployment}";

    public static void Configure(
        ResiliencePipelineBuilder<HttpResponseMessage> builder,
        string deployment,
        ProprietaryOptions options,
        CircuitBreakerStateProvider circuitState,
        TimeProvider timeProvider,
        ILogger logger)
    {
        builder.TimeProvider = timeProvider;
        var retry = options.Retry;
        if (retry.MaxAttempts > 1)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = retry.MaxAttempts - 1,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = retry.BaseDelay,
                MaxDelay = retry.MaxDelay,
                ShouldHandle = args => ValueTask.FromResult(IsRetryable(args.Outcome)),
                // Polly applies MaxDelay only to its own backoff, not to a generated delay: clamp the vendor's hint here.
                DelayGenerator = args => ValueTask.FromResult(HintedDelay(args.Outcome, retry.MaxDelay, timeProvider)),
                OnRetry = args =>
                {
                    Log.RetryScheduled(logger, deployment, args.AttemptNumber + 1, retry.MaxAttempts, StatusOf(args.Outcome),
                        ErrorOf(args.Outcome), args.RetryDelay.TotalMilliseconds);
                    return default;
                },
            });
        }

        var breaker = options.CircuitBreaker;
        builder.AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
        {
            FailureRatio = breaker.FailureRatio,
            MinimumThroughput = breaker.MinimumThroughput,
            SamplingDuration = breaker.SamplingDuration,
            BreakDuration = breaker.BreakDuration,
            ShouldHandle = args => ValueTask.FromResult(CountsAgainstCircuit(args.Outcome)),
            // Lets the deployment router skip a deployment whose circuit is open while another can serve.
            StateProvider = circuitState,
            OnOpened = args =>
            {
                Log.CircuitOpened(logger, deployment, args.BreakDuration.TotalMilliseconds, StatusOf(args.Outcome), ErrorOf(args.Outcome));
                return default;
            },
            OnClosed = _ =>
            {
                Log.CircuitClosed(logger, deployment);
                return default;
            },
        });

        builder.AddTimeout(retry.AttemptTimeout);
    }

    /// <summary>408, 409, 429, 500, 502, 503, 504, 529, connection failures and attempt timeouts.</summary>
    internal static bool IsRetryable(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Result: { } response } => (int)response.StatusCode is RequestTimeout or Conflict or TooManyRequests or Overloaded
            || response.StatusCode is HttpStatusCode.InternalServerError or HttpStatusCode.BadGateway
                or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout,
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        _ => false,
    };

    /// <summary>The vendor being unwell: 5xx (529 included), 408, connection failures and timeouts. Never 429.</summary>
    internal static bool CountsAgainstCircuit(Outcome<HttpResponseMessage> outcome) => outcome switch
    {
        { Result: { } response } => (int)response.StatusCode >= 500 || (int)response.StatusCode == RequestTimeout,
        { Exception: HttpRequestException or TimeoutRejectedException } => true,
        _ => false,
    };

    /// <summary>The vendor's wait hint clamped to <paramref name="maxDelay"/>, or null to use the computed backoff.</summary>
    internal static TimeSpan? HintedDelay(Outcome<HttpResponseMessage> outcome, TimeSpan maxDelay, TimeProvider timeProvider) =>
        outcome.Result is { } response && RetryAfterHint.Read(response, timeProvider.GetUtcNow()) is { } hint
            ? RetryAfterHint.Clamp(hint, maxDelay)
            : null;

    private static int? StatusOf(Outcome<HttpResponseMessage> outcome) => (int?)outcome.Result?.StatusCode;

    // The type name only: exception messages can carry URLs and vendor text.
    private static string? ErrorOf(Outcome<HttpResponseMessage> outcome) => outcome.Exception?.GetType().Name;
}
