using HybridLlm.Classifier.Analysis;

namespace HybridLlm.Classifier.Model;

/// <summary>
/// The trained router: inputs (embedding then interpretable features) are standardised, then a softmax
/// regression picks the task and a logistic regression gives the strong-model score. Immutable and thread-safe;
/// build it with <see cref="RouterModelLoader"/>, which has validated every dimension.
/// </summary>
internal sealed class RouterModel
{
    private readonly float[] _mean;
    private readonly float[] _inverseStd;
    private readonly TaskKind[] _labels;
    private readonly float[][] _taskWeights;
    private readonly float[] _taskBias;
    private readonly float[] _strongWeights;
    private readonly float _strongBias;

    internal RouterModel(
        string embeddingModel, int embeddingDimensions, int embeddingMaxTokens, float[] mean, float[] std,
        TaskKind[] labels, float[][] taskWeights, float[] taskBias, float[] strongWeights, float strongBias, RouterTrainingInfo? training)
    {
        EmbeddingModel = embeddingModel;
        EmbeddingDimensions = embeddingDimensions;
        EmbeddingMaxTokens = embeddingMaxTokens;
        _mean = mean;
        _inverseStd = std.Select(s => 1 / s).ToArray();
        _labels = labels;
        _taskWeights = taskWeights;
        _taskBias = taskBias;
        _strongWeights = strongWeights;
        _strongBias = strongBias;
        Training = training;
    }

    public string EmbeddingModel { get; }

    public int EmbeddingDimensions { get; }

    /// <summary>The word-piece window the embeddings must be computed with.</summary>
    public int EmbeddingMaxTokens { get; }

    /// <summary>Static encoder only: word pieces at each end averaged on their own (0: whole-window mean only).</summary>
    public int EmbeddingEdgeTokens { get; init; }

    /// <summary>SHA-256 of the static word-piece table the weights were trained on (static encoder only).</summary>
    public string? EmbeddingTableSha256 { get; init; }

    /// <summary>Whether the weights read <see cref="Embeddings.StaticEmbeddingGenerator"/> vectors.</summary>
    public bool UsesStaticEmbeddings =>
        string.Equals(EmbeddingModel, Embeddings.StaticEmbeddingGenerator.ModelId, StringComparison.OrdinalIgnoreCase);

    /// <summary>Length of the input vector: embedding dimensions plus interpretable features.</summary>
    public int InputDimensions => _mean.Length;

    /// <summary>Training provenance and validation scores, when the file carries them.</summary>
    public RouterTrainingInfo? Training { get; }

    /// <summary>Scores one input vector (raw, not standardised).</summary>
    public RouterPrediction Predict(ReadOnlySpan<float> input)
    {
        if (input.Length != InputDimensions)
        {
            throw new ArgumentException($"The router reads {InputDimensions} inputs, got {input.Length}.", nameof(input));
        }

        Span<float> z = stackalloc float[input.Length];
        for (var i = 0; i < z.Length; i++)
        {
            z[i] = (input[i] - _mean[i]) * _inverseStd[i];
        }

        Span<double> probabilities = stackalloc double[_labels.Length];
        for (var k = 0; k < _labels.Length; k++)
        {
            probabilities[k] = LinearMath.Dot(_taskWeights[k], z) + _taskBias[k];
        }

        LinearMath.SoftmaxInPlace(probabilities);
        int best = -1, second = -1;
        for (var k = 0; k < probabilities.Length; k++)
        {
            if (best < 0 || probabilities[k] > probabilities[best])
            {
                (best, second) = (k, best);
            }
            else if (second < 0 || probabilities[k] > probabilities[second])
            {
                second = k;
            }
        }

        var embedding = (double)LinearMath.Dot(_strongWeights.AsSpan(0, EmbeddingDimensions), z[..EmbeddingDimensions]);
        var contributions = new double[InputDimensions - EmbeddingDimensions];
        var logit = _strongBias + embedding;
        for (var j = 0; j < contributions.Length; j++)
        {
            contributions[j] = (double)_strongWeights[EmbeddingDimensions + j] * z[EmbeddingDimensions + j];
            logit += contributions[j];
        }

        return new RouterPrediction(
            _labels[best], probabilities[best], _labels[second], probabilities[second], LinearMath.Sigmoid(logit), embedding, contributions);
    }
}
