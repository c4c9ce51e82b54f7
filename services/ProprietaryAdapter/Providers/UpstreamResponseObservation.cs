namespace HybridLlm.ProprietaryAdapter.Providers;

/// <summary>
/// Carries facts about the final HTTP response of one chat call from <see cref="RetryAfterCaptureHandler"/> (deep inside
/// the vendor SDK) back to <see cref="UpstreamErrorChatClient"/>. The Anthropic SDK's exceptions do not expose response
/// headers, so the last Retry-After would otherwise be lost. The caller installs a fresh holder in an
/// <see cref="AsyncLocal{T}"/>; the handler runs in the same asynchronous flow and writes into that holder.
/// </summary>
internal sealed class UpstreamResponseObservation
{
    private static readonly AsyncLocal<UpstreamResponseObservation?> CurrentHolder = new();

    /// <summary>The holder of the call in progress on this flow, if any.</summary>
    public static UpstreamResponseObservation? Current => CurrentHolder.Value;

    /// <summary>HTTP status of the last response the retry loop returned.</summary>
    public int? LastStatusCode { get; private set; }

    /// <summary>The last response's wait hint (unclamped), if it had one.</summary>
    public TimeSpan? LastRetryAfter { get; private set; }

    /// <summary>Installs a fresh holder for the current flow (and the calls it makes) and returns it.</summary>
    public static UpstreamResponseObservation Begin()
    {
        var holder = new UpstreamResponseObservation();
        CurrentHolder.Value = holder;
        return holder;
    }

    /// <summary>Re-installs this holder, for async iterators whose flow resets between MoveNextAsync calls.</summary>
    public void Resume() => CurrentHolder.Value = this;

    public void Record(int statusCode, TimeSpan? retryAfter)
    {
        LastStatusCode = statusCode;
        LastRetryAfter = retryAfter;
    }
}
