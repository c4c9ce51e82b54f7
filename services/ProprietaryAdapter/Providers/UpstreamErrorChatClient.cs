using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging;

namespace HybridLlm.ProprietaryAdapter.Providers;

/// <summary>
/// Outermost layer over the vendor SDK's chat client: turns SDK, transport and resilience exceptions into
/// <see cref="UpstreamProviderException"/> carrying the last status and Retry-After, for both call shapes.
/// </summary>
internal sealed class UpstreamErrorChatClient(IChatClient innerClient, string deployment, ProviderKind provider, ILogger logger)
    : DelegatingChatClient(innerClient)
{
    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var observation = UpstreamResponseObservation.Begin();
        try
        {
            return await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (Translate(e, observation, outputStarted: false, cancellationToken) is { } translated)
        {
            throw translated;
        }
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var observation = UpstreamResponseObservation.Begin();
        var outputStarted = false;
        await using var updates = base.GetStreamingResponseAsync(messages, options, cancellationToken)
            .GetAsyncEnumerator(cancellationToken);
        while (true)
        {
            // An async iterator's flow is the consumer's on every MoveNextAsync; put the holder back each time.
            observation.Resume();
            bool hasNext;
            try
            {
                hasNext = await updates.MoveNextAsync().ConfigureAwait(false);
            }
            catch (Exception e) when (Translate(e, observation, outputStarted, cancellationToken) is { } translated)
            {
                throw translated;
            }

            if (!hasNext)
            {
                yield break;
            }

            outputStarted = true;
            yield return updates.Current;
        }
    }

    private UpstreamProviderException? Translate(
        Exception exception, UpstreamResponseObservation observation, bool outputStarted, CancellationToken cancellationToken)
    {
        var translated = UpstreamErrorTranslator.Translate(provider, exception, observation, outputStarted, cancellationToken);
        if (translated is not null)
        {
            Log.CallFailed(logger, deployment, provider, translated.Kind, translated.StatusCode);
        }

        return translated;
    }
}
