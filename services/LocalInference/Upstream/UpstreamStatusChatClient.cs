using System.ClientModel;
using System.Globalization;
using System.Runtime.CompilerServices;
using Grpc.Core;
using HybridLlm.Contracts.Errors;
using Microsoft.Extensions.AI;

namespace HybridLlm.LocalInference.Upstream;

/// <summary>
/// Turns the OpenAI SDK's <see cref="ClientResultException"/> into the status a caller can act on: 429 is
/// ResourceExhausted (with the upstream's retry hint), a rejected request is InvalidArgument, anything else
/// Unavailable. The message names the HTTP status only: an upstream error body may echo the prompt.
/// </summary>
internal sealed class UpstreamStatusChatClient(IChatClient innerClient) : DelegatingChatClient(innerClient)
{
    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        try
        {
            return await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }
        catch (ClientResultException ex)
        {
            throw Translate(ex);
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var updates = base.GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
        await using (updates.ConfigureAwait(false))
        {
            while (true)
            {
                try
                {
                    if (!await updates.MoveNextAsync().ConfigureAwait(false))
                    {
                        yield break;
                    }
                }
                catch (ClientResultException ex)
                {
                    throw Translate(ex);
                }

                yield return updates.Current;
            }
        }
    }

    internal static ChatServiceException Translate(ClientResultException exception)
    {
        var status = exception.Status;
        var (code, what) = status switch
        {
            429 => (StatusCode.ResourceExhausted, "is rate limiting or at capacity"),
            400 or 413 or 422 => (StatusCode.InvalidArgument, "rejected the request"),
            0 => (StatusCode.Unavailable, "could not be reached"),
            _ => (StatusCode.Unavailable, "failed"),
        };
        return new ChatServiceException(code, $"The upstream model server {what} (HTTP {status}).", RetryAfter(exception), exception);
    }

    private static TimeSpan? RetryAfter(ClientResultException exception)
    {
        var headers = exception.GetRawResponse()?.Headers;
        if (headers is null)
        {
            return null;
        }

        if (headers.TryGetValue("retry-after-ms", out var ms) && double.TryParse(ms, NumberStyles.Float, CultureInfo.InvariantCulture, out var milliseconds) && milliseconds >= 0)
        {
            return TimeSpan.FromMilliseconds(Math.Min(milliseconds, TimeSpan.FromHours(1).TotalMilliseconds));
        }

        return headers.TryGetValue("Retry-After", out var seconds) && double.TryParse(seconds, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= 0
            ? TimeSpan.FromSeconds(Math.Min(value, TimeSpan.FromHours(1).TotalSeconds))
            : null;
    }
}
