namespace HybridLlm.Classifier.Embeddings;

/// <summary>
/// Distils all-MiniLM-L6-v2 into a <see cref="StaticEmbeddingTable"/>, the way Model2Vec does: every word piece of the
/// vocabulary goes through the transformer on its own (<c>[CLS] piece [SEP]</c>, mean-pooled), the vectors are reduced
/// by principal component analysis, and frequent pieces are down-weighted (smooth inverse frequency, frequency taken
/// from the piece's rank in the vocabulary, which BERT's word-piece vocabulary roughly orders by frequency). The result
/// is deterministic: the same package and settings give byte-identical files.
/// </summary>
public static class StaticEmbeddingDistiller
{
    /// <summary>Word pieces in MiniLM's (BERT uncased) vocabulary.</summary>
    public const int VocabularySize = 30522;

    private const int ClsId = 101;
    private const int SepId = 102;

    /// <summary>Distils the whole vocabulary; <paramref name="progress"/> hears how many pieces are done.</summary>
    /// <param name="miniLm">The transformer to distil.</param>
    /// <param name="dimensions">Principal components kept (1..384).</param>
    /// <param name="sifCoefficient">Smooth-inverse-frequency constant <c>a</c>: weight = a / (a + p(piece)); 0 turns weighting off.</param>
    /// <param name="parallelism">Transformer runs at once.</param>
    /// <param name="progress">Pieces done so far.</param>
    /// <param name="cancellationToken">Stops between batches.</param>
    public static StaticEmbeddingTable Distill(
        MiniLmEmbeddingGenerator miniLm, int dimensions, double sifCoefficient, int parallelism,
        IProgress<int>? progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(miniLm);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(dimensions, MiniLmEmbeddingGenerator.Dimensions);
        ArgumentOutOfRangeException.ThrowIfNegative(sifCoefficient);
        ArgumentOutOfRangeException.ThrowIfLessThan(parallelism, 1);

        var vectors = EmbedVocabulary(miniLm, parallelism, progress, cancellationToken);
        var reduced = PrincipalComponents.Project(vectors, dimensions);
        if (sifCoefficient > 0)
        {
            ApplySifWeights(reduced, sifCoefficient);
        }

        return StaticEmbeddingTable.FromRows(reduced);
    }

    /// <summary>The transformer's embedding of one word piece alone, as the distiller computes it.</summary>
    public static int[] SinglePiece(int id) => [ClsId, id, SepId];

    private static float[][] EmbedVocabulary(
        MiniLmEmbeddingGenerator miniLm, int parallelism, IProgress<int>? progress, CancellationToken cancellationToken)
    {
        const int chunk = 512;
        var vectors = new float[VocabularySize][];
        var done = 0;
        var chunks = Enumerable.Range(0, (VocabularySize + chunk - 1) / chunk).ToArray();
        Parallel.ForEach(chunks, new ParallelOptions { MaxDegreeOfParallelism = parallelism, CancellationToken = cancellationToken }, c =>
        {
            var start = c * chunk;
            var count = Math.Min(chunk, VocabularySize - start);
            var ids = new int[count][];
            for (var i = 0; i < count; i++)
            {
                ids[i] = SinglePiece(start + i);
            }

            var embedded = miniLm.EmbedIds(ids, cancellationToken);
            Array.Copy(embedded, 0, vectors, start, count);
            progress?.Report(Interlocked.Add(ref done, count));
        });
        return vectors;
    }

    /// <summary>
    /// Zipf's law estimate of each piece's probability from its rank (its id), then a / (a + p): "the", "of" and
    /// punctuation count for about half as much as a rare, telling piece.
    /// </summary>
    private static void ApplySifWeights(float[][] rows, double a)
    {
        var harmonic = 0.0;
        for (var rank = 1; rank <= rows.Length; rank++)
        {
            harmonic += 1.0 / rank;
        }

        for (var id = 0; id < rows.Length; id++)
        {
            var probability = 1.0 / ((id + 1) * harmonic);
            var weight = (float)(a / (a + probability));
            var row = rows[id];
            for (var d = 0; d < row.Length; d++)
            {
                row[d] *= weight;
            }
        }
    }
}
