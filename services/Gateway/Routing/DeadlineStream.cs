using Grpc.Core;
using HybridLlm.Contracts.Errors;
using Microsoft.Extensions.AI;

namespace HybridLlm.Gateway.Routing;

/// <summary>
/// A backend stream under deadlines: the first update must arrive within the time-to-first-token deadline (checked by
/// <see cref="PrefetchFirstAsync"/>, so a miss can still fail over); afterwards each update must follow the last within
/// the idle deadline, or the stream ends with DEADLINE_EXCEEDED. Settles the API budget with the final usage.
/// </summary>
internal sealed class DeadlineStream(
    IAsyncEnumerator<ChatResponseUpdate> inner,
    CancellationTokenSource timer,
    CancellationTokenSource linked,
    TimeSpan idle,
    string route,
    CancellationToken callerToken,
    Func<string?, UsageDetails?, Task> settle,
    Func<Task> release) : IAsyncEnumerator<ChatResponseUpdate>
{
    private bool _hasPrefetched;
    private bool _prefetchedAvailable;
    private bool _finished;
    private string? _modelId;
    private UsageDetails? _usage;

    public ChatResponseUpdate Current => inner.Current;

    public async Task PrefetchFirstAsync(TimeSpan firstTokenDeadline)
    {
        try
        {
            _prefetchedAvailable = await inner.MoveNextAsync();
            _hasPrefetched = true;
            Observe(_prefetchedAvailable);
        }
        catch (OperationCanceledException) when (timer.IsCancellationRequested && !callerToken.IsCancellationRequested)
        {
            throw new ChatServiceException(StatusCode.DeadlineExceeded,
                $"The {route} route produced no first token within {firstTokenDeadline.TotalMilliseconds:0} ms.");
        }
    }

    public async ValueTask<bool> MoveNextAsync()
    {
        if (_hasPrefetched)
        {
            _hasPrefetched = false;
            return await FinishIfDoneAsync(_prefetchedAvailable);
        }

        timer.CancelAfter(idle);
        try
        {
            var more = await inner.MoveNextAsync();
            Observe(more);
            return await FinishIfDoneAsync(more);
        }
        catch (OperationCanceledException) when (timer.IsCancellationRequested && !callerToken.IsCancellationRequested)
        {
            throw new ChatServiceException(StatusCode.DeadlineExceeded,
                $"The {route} stream stalled for {idle.TotalSeconds:0.#} s after it began; the answer is incomplete.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_finished)
        {
            _finished = true;
            await release();
        }

        await inner.DisposeAsync();
        linked.Dispose();
        timer.Dispose();
    }

    private void Observe(bool available)
    {
        if (available && inner.Current is { } update)
        {
            _modelId = update.ModelId ?? _modelId;
            _usage = update.Contents.OfType<UsageContent>().LastOrDefault()?.Details ?? _usage;
        }
    }

    private async Task<bool> FinishIfDoneAsync(bool more)
    {
        if (!more && !_finished)
        {
            _finished = true;
            timer.CancelAfter(Timeout.InfiniteTimeSpan);
            await settle(_modelId, _usage);
        }

        return more;
    }
}
