using System.Threading.RateLimiting;
using Grpc.Core;
using HybridLlm.Contracts.Errors;
using HybridLlm.LocalInference.Llama;
using HybridLlm.LocalInference.Serving;
using Microsoft.Extensions.Options;

namespace HybridLlm.LocalInference.Admission;

/// <summary>
/// Bounds the work the backend takes on: at most <c>MaxConcurrentSequences</c> requests generate, at most
/// <c>MaxQueuedRequests</c> wait (oldest first), none waits longer than <c>MaxQueueWait</c>. Everyone else is refused
/// at once with ResourceExhausted and a retry hint, so the gateway can fail over instead of every caller slowing
/// down (an unbounded batch took a 7B model from 90 to 12 tokens/s).
/// </summary>
internal sealed partial class AdmissionController : IDisposable
{
    private readonly ConcurrencyLimiter _limiter;
    private readonly RetryAfterEstimator _retryAfter;
    private readonly TimeSpan _maxQueueWait;
    private readonly int _maxQueued;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private long _rejectedQueueFull;
    private long _rejectedQueueTimeout;

    public AdmissionController(
        IOptions<LlamaOptions> llama, IOptions<ServingOptions> serving, TimeProvider timeProvider, ILogger<AdmissionController> logger)
    {
        Slots = llama.Value.MaxConcurrentSequences;
        _maxQueued = serving.Value.MaxQueuedRequests;
        _maxQueueWait = serving.Value.MaxQueueWait;
        _timeProvider = timeProvider;
        _logger = logger;
        _retryAfter = new RetryAfterEstimator(Slots);
        _limiter = new ConcurrencyLimiter(new ConcurrencyLimiterOptions
        {
            PermitLimit = Slots,
            QueueLimit = _maxQueued,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
        });
    }

    /// <summary>Requests that may generate at once.</summary>
    public int Slots { get; }

    /// <summary>Requests holding a slot now.</summary>
    public int ActiveCount => Slots - (int)(_limiter.GetStatistics()?.CurrentAvailablePermits ?? Slots);

    /// <summary>Requests waiting for a slot now.</summary>
    public long QueuedCount => _limiter.GetStatistics()?.CurrentQueuedCount ?? 0;

    /// <summary>Requests refused because the queue was full, since start.</summary>
    public long RejectedQueueFull => Interlocked.Read(ref _rejectedQueueFull);

    /// <summary>Requests refused because they waited <c>MaxQueueWait</c> without a slot, since start.</summary>
    public long RejectedQueueTimeout => Interlocked.Read(ref _rejectedQueueTimeout);

    /// <summary>Waits for a slot; dispose the result when the request ends (however it ends) to free it.</summary>
    /// <exception cref="ChatServiceException">ResourceExhausted, with a retry-after hint, when no slot can be had in time.</exception>
    public async ValueTask<IDisposable> AdmitAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var lease = _limiter.AttemptAcquire();
        if (!lease.IsAcquired)
        {
            lease.Dispose();
            using var timeout = new CancellationTokenSource(_maxQueueWait, _timeProvider);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            try
            {
                lease = await _limiter.AcquireAsync(1, linked.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (timeout.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
            {
                Interlocked.Increment(ref _rejectedQueueTimeout);
                throw Reject($"No sequence became free within {_maxQueueWait.TotalSeconds:0.###} s (LocalInference:MaxQueueWait)");
            }

            if (!lease.IsAcquired)
            {
                lease.Dispose();
                Interlocked.Increment(ref _rejectedQueueFull);
                throw Reject($"All {Slots} sequences are busy and {_maxQueued} requests already wait (LocalInference:MaxQueuedRequests)");
            }
        }

        return new Slot(this, lease, _timeProvider.GetTimestamp());
    }

    public void Dispose() => _limiter.Dispose();

    private ChatServiceException Reject(string why)
    {
        var retryAfter = _retryAfter.Estimate(QueuedCount);
        LogRejected(why, retryAfter.TotalMilliseconds);
        return new ChatServiceException(
            StatusCode.ResourceExhausted,
            $"The local model is at capacity: {why}. Retry after {retryAfter.TotalMilliseconds:0} ms or use another route.",
            retryAfter);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Request refused: {Why}; retry hint {RetryAfterMs:0} ms")]
    private partial void LogRejected(string why, double retryAfterMs);

    /// <summary>A held slot; disposing it frees the slot and records how long it was held.</summary>
    private sealed class Slot(AdmissionController owner, RateLimitLease lease, long admittedTimestamp) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                owner._retryAfter.Record(owner._timeProvider.GetElapsedTime(admittedTimestamp));
                lease.Dispose();
            }
        }
    }
}
