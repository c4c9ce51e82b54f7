using Microsoft.Extensions.AI;

namespace HybridLlm.LocalInference.Serving;

/// <summary>A loaded backend: the chat client that answers, and what identifies the model behind it.</summary>
/// <param name="client">Answers requests; owned and disposed by this backend.</param>
/// <param name="modelName">The model's name (GGUF metadata, or the upstream's model).</param>
/// <param name="digest">SHA-256 of the weights file, when this process can know it (not for an upstream).</param>
/// <param name="resources">Released after <paramref name="client"/>, e.g. the weights it decodes with.</param>
internal sealed class ModelBackend(IChatClient client, string modelName, string? digest, IDisposable? resources = null) : IDisposable
{
    private int _disposed;

    public IChatClient Client { get; } = client;

    public string ModelName { get; } = modelName;

    public string? Digest { get; } = digest;

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            Client.Dispose();
            resources?.Dispose();
        }
    }
}
