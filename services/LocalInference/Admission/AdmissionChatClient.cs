using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace HybridLlm.LocalInference.Admission;

/// <summary>
/// Holds a slot of the <see cref="AdmissionController"/> for exactly as long as a request runs: a stream keeps it
/// until the caller finishes, cancels or stops reading, so a disconnect frees capacity at once.
/// </summary>
internal sealed class AdmissionChatClient(IChatClient innerClient, AdmissionController admission) : DelegatingChatClient(innerClient)
{
    public override async Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        using var slot = await admission.AdmitAsync(cancellationToken).ConfigureAwait(false);
        return await base.GetResponseAsync(messages, options, cancellationToken).ConfigureAwait(false);
    }

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        using var slot = await admission.AdmitAsync(cancellationToken).ConfigureAwait(false);
        await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken).ConfigureAwait(false))
        {
            yield return update;
        }
    }
}
