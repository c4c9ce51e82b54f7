using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace HybridLlm.ProprietaryAdapter.Providers;

/// <summary>Stands in for the vendor client when no provider or key is configured: every call fails the same clear way.</summary>
internal sealed class NotConfiguredChatClient(ProprietaryStatus status) : IChatClient
{
    public Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        Task.FromException<ChatResponse>(new ProviderNotConfiguredException(status.Description));

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages,
        ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await Task.CompletedTask.ConfigureAwait(false);
        throw new ProviderNotConfiguredException(status.Description);
#pragma warning disable CS0162 // An iterator needs a yield; the throw above always wins.
        yield break;
#pragma warning restore CS0162
    }

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is null && serviceType.IsInstanceOfType(this) ? this : null;
    }

    public void Dispose()
    {
    }
}
