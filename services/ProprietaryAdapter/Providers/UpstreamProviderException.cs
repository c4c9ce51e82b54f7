using System.Globalization;

namespace HybridLlm.ProprietaryAdapter.Providers;

/// <summary>What went wrong with a vendor call, coarse enough to pick a gRPC status from.</summary>
internal enum UpstreamFailureKind
{
    /// <summary>429 after every attempt (maps to ResourceExhausted with <see cref="UpstreamProviderException.RetryAfter"/>).</summary>
    RateLimited,

    /// <summary>5xx or 529 after every attempt (Unavailable).</summary>
    ServerError,

    /// <summary>A 4xx the vendor will repeat, e.g. 400 or 401 (InvalidArgument / FailedPrecondition / PermissionDenied).</summary>
    Rejected,

    /// <summary>A 2xx whose body could not be understood (Internal or Unavailable).</summary>
    MalformedResponse,

    /// <summary>The stream broke after output began; never retried (Unavailable, output so far is partial).</summary>
    StreamInterrupted,

    /// <summary>No response headers within the attempt timeout on the last attempt (DeadlineExceeded / Unavailable).</summary>
    Timeout,

    /// <summary>Connection refused, reset or DNS failure on the last attempt (Unavailable).</summary>
    Transport,

    /// <summary>The circuit breaker is open; the vendor was not called (Unavailable).</summary>
    CircuitOpen,
}

/// <summary>
/// A vendor call failed after the retry loop gave up. The message names the provider, the kind and the HTTP status but
/// never the API key, the prompt or the vendor's response body; the SDK's exception is kept as the inner exception.
/// </summary>
internal sealed class UpstreamProviderException : Exception
{
    public UpstreamProviderException(
        ProviderKind provider, UpstreamFailureKind kind, int? statusCode, TimeSpan? retryAfter, Exception? innerException)
        : base(Describe(provider, kind, statusCode, retryAfter), innerException)
    {
        Provider = provider;
        Kind = kind;
        StatusCode = statusCode;
        RetryAfter = retryAfter;
    }

    public ProviderKind Provider { get; }

    public UpstreamFailureKind Kind { get; }

    /// <summary>The vendor's last HTTP status, when a response arrived.</summary>
    public int? StatusCode { get; }

    /// <summary>The vendor's last Retry-After / retry-after-ms hint (unclamped), when it sent one.</summary>
    public TimeSpan? RetryAfter { get; }

    private static string Describe(ProviderKind provider, UpstreamFailureKind kind, int? statusCode, TimeSpan? retryAfter)
    {
        var status = statusCode is int code ? string.Create(CultureInfo.InvariantCulture, $" (HTTP {code})") : "";
        var hint = retryAfter is TimeSpan wait
            ? string.Create(CultureInfo.InvariantCulture, $"; retry after {Math.Ceiling(wait.TotalSeconds)} s")
            : "";
        return $"{provider} call failed: {kind}{status}{hint}.";
    }
}
