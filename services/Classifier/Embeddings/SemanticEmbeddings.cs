using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace HybridLlm.Classifier.Embeddings;

/// <summary>
/// The MiniLM transformer behind the <c>Embed</c> RPC (the gateway's semantic cache), built on the first call that
/// needs it: the router reads static embeddings, so a classifier whose callers never ask for embeddings never loads
/// the 90 MB model. Thread-safe; the first caller pays about a second of loading.
/// </summary>
public sealed class SemanticEmbeddings
{
    private readonly Lazy<MiniLmEmbeddingGenerator> _generator;
    private readonly int _maxTokens;

    public SemanticEmbeddings(IServiceProvider services, IOptions<MiniLmEmbeddingOptions> options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        _maxTokens = options.Value.SemanticMaxTokens;
        _generator = new(services.GetRequiredService<MiniLmEmbeddingGenerator>, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>Whether the transformer has been loaded.</summary>
    public bool IsLoaded => _generator.IsValueCreated;

    /// <summary>A view of the transformer reading whole texts (<see cref="MiniLmEmbeddingOptions.SemanticMaxTokens"/>); dispose it after use.</summary>
    public MiniLmEmbeddingGenerator CreateView() => _generator.Value.WithMaxTokens(_maxTokens);
}
