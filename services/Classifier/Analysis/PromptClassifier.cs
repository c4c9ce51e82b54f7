using HybridLlm.Classifier.Embeddings;
using HybridLlm.Classifier.Features;
using HybridLlm.Classifier.Model;
using Microsoft.Extensions.AI;

namespace HybridLlm.Classifier.Analysis;

/// <summary>
/// Classifies conversations for routing: the learned router gives the task and the strong-model score; the
/// o200k_base tokenizer counts input tokens; the checksum recognizers locate PII. Reasons are built only from
/// fixed labels, enum names and numbers, so no prompt text (and no PII) can leak through them. Thread-safe;
/// register as a singleton.
/// </summary>
public sealed class PromptClassifier
{
    private readonly PiiDetector _piiDetector;
    private readonly RouterFeatureBuilder _features;
    private readonly RouterModel _model;

    internal PromptClassifier(PiiDetector piiDetector, IEmbeddingGenerator<string, Embedding<float>> embeddings,
        TokenCounter tokenCounter, TaskCueDetector cueDetector, RouterModel model)
    {
        ArgumentNullException.ThrowIfNull(embeddings);
        EnsureMatches(embeddings, model);
        _piiDetector = piiDetector;
        _features = new RouterFeatureBuilder(embeddings, tokenCounter, cueDetector);
        _model = model;
    }

    /// <summary>Training provenance of the loaded router (validation accuracy, AUC), when the weights carry it.</summary>
    internal RouterTrainingInfo? Training => _model.Training;

    /// <summary>Analyses one conversation; an empty one gives 0 tokens and no findings.</summary>
    public async Task<PromptAnalysis> ClassifyAsync(IReadOnlyList<ClassifierMessage> messages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var results = await ClassifyBatchAsync([messages], cancellationToken).ConfigureAwait(false);
        return results[0];
    }

    /// <summary>Analyses many conversations, embedding them as one batch; results are in input order.</summary>
    public async Task<IReadOnlyList<PromptAnalysis>> ClassifyBatchAsync(
        IReadOnlyList<IReadOnlyList<ClassifierMessage>> conversations, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(conversations);
        cancellationToken.ThrowIfCancellationRequested();
        var inputs = await _features.BuildAsync(conversations, cancellationToken).ConfigureAwait(false);
        var results = new PromptAnalysis[inputs.Length];
        for (var i = 0; i < inputs.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            results[i] = Analyse(conversations[i], inputs[i]);
        }

        return results;
    }

    private PromptAnalysis Analyse(IReadOnlyList<ClassifierMessage> messages, RouterInput input)
    {
        var pii = new List<PiiFinding>();
        for (var index = 0; index < messages.Count; index++)
        {
            pii.AddRange(_piiDetector.Detect(messages[index].Text, index));
        }

        var prediction = _model.Predict(input.Vector);
        var score = Math.Round(prediction.StrongScore, 4);
        return new PromptAnalysis(prediction.Task, score, input.InputTokens, pii, RouterReasons.Describe(prediction, score, input, pii));
    }

    private static void EnsureMatches(IEmbeddingGenerator<string, Embedding<float>> embeddings, RouterModel model)
    {
        var metadata = embeddings.GetService<EmbeddingGeneratorMetadata>();
        if (metadata?.DefaultModelDimensions is { } dimensions && dimensions != model.EmbeddingDimensions)
        {
            throw new InvalidOperationException(
                $"The router was trained on {model.EmbeddingDimensions}-dimensional embeddings but the generator makes {dimensions}.");
        }

        if (metadata?.DefaultModelId is { } id && !string.Equals(id, model.EmbeddingModel, StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"The router was trained on {model.EmbeddingModel} embeddings but the generator is {id}.");
        }

        if (embeddings.GetService<StaticEmbeddingGenerator>() is { } staticGenerator && staticGenerator.EdgeTokens != model.EmbeddingEdgeTokens)
        {
            throw new InvalidOperationException(
                $"The router was trained with a {model.EmbeddingEdgeTokens}-piece edge window but the generator uses {staticGenerator.EdgeTokens}.");
        }

        var window = embeddings.GetService<MiniLmEmbeddingGenerator>()?.MaxTokens ?? embeddings.GetService<StaticEmbeddingGenerator>()?.MaxTokens;
        if (window is { } tokens && tokens != model.EmbeddingMaxTokens)
        {
            throw new InvalidOperationException(
                $"The router was trained with a {model.EmbeddingMaxTokens}-token embedding window but the generator uses {tokens}.");
        }
    }
}
