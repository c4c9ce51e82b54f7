using System.Runtime.CompilerServices;
using HybridLlm.Contracts;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace HybridLlm.ProprietaryAdapter.Deferred;

/// <summary>
/// For requests that allow deferral (<see cref="ChatMetadata.MayDefer"/>): when the call fails in a way that passes
/// (see <see cref="DeferralPolicy.IsTransient"/>, incl. no rate-limit capacity within the wait budget) before any output
/// reached the caller, the request goes to the deferred queue and the caller gets an empty answer carrying
/// <see cref="ChatMetadata.DeferredJobId"/> instead of the error. If the queue itself is unreachable, the original error
/// stands. Other requests pass through untouched.
/// </summary>
internal sealed class DeferringChatClient(IChatClient innerClient, DeferredJobStore store, DeferredQueueSignal signal, ILogger<DeferringChatClient> logger)
    : DelegatingChatClient(innerClient)
{
    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        if (!ChatMetadata.GetBool(options?.AdditionalProperties, ChatMetadata.MayDefer))
        {
            return await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (DeferralPolicy.IsTransient(e))
        {
            var jobId = await TryEnqueueAsync(messages, options, e).ConfigureAwait(false);
            if (jobId is null)
            {
                throw;
            }

            return new ChatResponse { AdditionalProperties = new() { [ChatMetadata.DeferredJobId] = jobId } };
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var mayDefer = ChatMetadata.GetBool(options?.AdditionalProperties, ChatMetadata.MayDefer);
        await using var updates = base.GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        var outputStarted = false;
        string? jobId = null;
        while (true)
        {
            try
            {
                if (!await updates.MoveNextAsync().ConfigureAwait(false))
                {
                    break;
                }
            }
            catch (Exception e) when (mayDefer && !outputStarted && DeferralPolicy.IsTransient(e))
            {
                jobId = await TryEnqueueAsync(messages, options, e).ConfigureAwait(false);
                if (jobId is null)
                {
                    throw;
                }

                break;
            }

            outputStarted = true;
            yield return updates.Current;
        }

        if (jobId is not null)
        {
            yield return new ChatResponseUpdate { Role = ChatRole.Assistant, AdditionalProperties = new() { [ChatMetadata.DeferredJobId] = jobId } };
        }
    }

    private async Task<string?> TryEnqueueAsync(IEnumerable<ChatMessage> messages, ChatOptions? options, Exception cause)
    {
        try
        {
            var jobId = await store.EnqueueAsync(messages, options).ConfigureAwait(false);
            signal.Notify();
            Log.Deferred(logger, jobId, cause.GetType().Name, DeferralPolicy.Describe(cause));
            return jobId;
        }
        catch (Exception e) when (e is RedisException or RedisTimeoutException)
        {
            Log.DeferFailed(logger, e.GetType().Name);
            return null;
        }
    }
}
