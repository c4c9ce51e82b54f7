namespace HybridLlm.Classifier.Analysis;

/// <summary>What the classifier concluded about a conversation.</summary>
/// <param name="Task">The detected task.</param>
/// <param name="StrongScore">
/// How much the prompt needs a strong (large, proprietary) model, in [0, 1]; 0 means a small local model
/// should do.
/// </param>
/// <param name="InputTokens">o200k_base tokens over all messages, including the per-message overhead.</param>
/// <param name="Pii">Where PII and secrets sit, by message; the values themselves are not included.</param>
/// <param name="Reasons">Human-readable factors behind the result; they never contain prompt text.</param>
public sealed record PromptAnalysis(
    TaskKind Task,
    double StrongScore,
    int InputTokens,
    IReadOnlyList<PiiFinding> Pii,
    IReadOnlyList<string> Reasons);
