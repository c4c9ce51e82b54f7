using HybridLlm.Classifier.Analysis;

namespace HybridLlm.Classifier.Model;

/// <summary>What the router's two heads say about one prompt, with the terms of the strong score's logit.</summary>
/// <param name="Task">The most probable task.</param>
/// <param name="TaskProbability">Its softmax probability.</param>
/// <param name="RunnerUp">The second most probable task.</param>
/// <param name="RunnerUpProbability">Its probability.</param>
/// <param name="StrongScore">P(the small model falls short), in [0, 1].</param>
/// <param name="EmbeddingContribution">Sum of the embedding inputs' terms in the strong logit.</param>
/// <param name="FeatureContributions">Each interpretable feature's term in the strong logit, in feature order.</param>
internal sealed record RouterPrediction(
    TaskKind Task,
    double TaskProbability,
    TaskKind RunnerUp,
    double RunnerUpProbability,
    double StrongScore,
    double EmbeddingContribution,
    IReadOnlyList<double> FeatureContributions);
