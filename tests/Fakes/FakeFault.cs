namespace HybridLlm.Testing.Fakes;

/// <summary>
/// One injected misbehaviour, consumed by the next request a fake vendor server receives.
/// Properties combine: a <see cref="Delay"/> is waited first, then a <see cref="StatusCode"/> is answered, or else
/// the normal reply is sent malformed or cut short.
/// </summary>
public sealed record FakeFault
{
    /// <summary>HTTP status to answer with an error body (429, 500, 503, 529, 400...); null answers normally.</summary>
    public int? StatusCode { get; init; }

    /// <summary>Value of a <c>Retry-After</c> header in whole seconds.</summary>
    public int? RetryAfterSeconds { get; init; }

    /// <summary>Value of a <c>Retry-After</c> header as an HTTP date.</summary>
    public DateTimeOffset? RetryAfterDate { get; init; }

    /// <summary>Value of a <c>retry-after-ms</c> header in milliseconds.</summary>
    public int? RetryAfterMilliseconds { get; init; }

    /// <summary>Time to wait before answering (cut short when the client gives up).</summary>
    public TimeSpan Delay { get; init; }

    /// <summary>A task the server awaits before answering (after <see cref="Delay"/>): lets a test hold calls in flight.</summary>
    public Task? Gate { get; init; }

    /// <summary>Answer 200 with a body that is not valid JSON (or an SSE event whose data is not JSON).</summary>
    public bool MalformedJson { get; init; }

    /// <summary>For streaming requests: abort the connection after this many SSE events.</summary>
    public int? DropStreamAfterEvents { get; init; }

    /// <summary>For streaming requests: the pause between SSE events (a slow generation).</summary>
    public TimeSpan EventInterval { get; init; }

    /// <summary>An error status, optionally with retry hints.</summary>
    public static FakeFault Status(int statusCode, int? retryAfterSeconds = null, int? retryAfterMilliseconds = null) =>
        new() { StatusCode = statusCode, RetryAfterSeconds = retryAfterSeconds, RetryAfterMilliseconds = retryAfterMilliseconds };

    /// <summary>An answer held until <paramref name="gate"/> completes, then sent normally.</summary>
    public static FakeFault HeldUntil(Task gate) => new() { Gate = gate };

    /// <summary>A slow answer: waits, then replies normally.</summary>
    public static FakeFault Delayed(TimeSpan delay) => new() { Delay = delay };

    /// <summary>A 200 answer whose body cannot be parsed.</summary>
    public static FakeFault Malformed() => new() { MalformedJson = true };

    /// <summary>A stream that pauses <paramref name="interval"/> between events, then completes normally.</summary>
    public static FakeFault SlowStream(TimeSpan interval) => new() { EventInterval = interval };

    /// <summary>A stream that breaks (connection aborted) after <paramref name="events"/> SSE events.</summary>
    public static FakeFault DropStreamAfter(int events) => new() { DropStreamAfterEvents = events };
}
