namespace HybridLlm.Classifier.Analysis;

/// <summary>
/// Classifies a conversation for routing: task kind, strong-model score, input tokens and PII locations.
/// Reasons are built only from fixed labels, enum names and numbers, so no prompt text (and no PII)
/// can leak through them. Stateless and thread-safe; register as a singleton.
/// </summary>
public sealed class PromptClassifier(PiiDetector piiDetector, TokenCounter tokenCounter, TaskCueDetector taskCueDetector)
{
    /// <summary>Analyses <paramref name="messages"/>; an empty list gives 0 tokens and no findings.</summary>
    public PromptAnalysis Classify(IReadOnlyList<ClassifierMessage> messages, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(messages);

        var pii = new List<PiiFinding>();
        var questions = 0;
        var constraints = 0;
        for (var index = 0; index < messages.Count; index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var message = messages[index];
            pii.AddRange(piiDetector.Detect(message.Text, index));

            // Instructions come from the user and the system prompt; earlier answers do not add difficulty.
            if (!string.Equals(message.Role, "assistant", StringComparison.OrdinalIgnoreCase) && !string.IsNullOrEmpty(message.Text))
            {
                questions += PromptFeatures.CountQuestions(message.Text);
                constraints += PromptFeatures.CountConstraints(message.Text);
            }
        }

        cancellationToken.ThrowIfCancellationRequested();
        var inputTokens = tokenCounter.CountTokens(messages);
        var task = taskCueDetector.Detect(messages);

        var reasons = new List<string>();
        var score = StrongScoreHeuristic.Score(task, inputTokens, questions, constraints, reasons);
        if (pii.Count > 0)
        {
            var kinds = pii.Select(f => f.Kind).Distinct().Order().Select(k => StrongScoreHeuristic.SnakeCase(k.ToString()));
            reasons.Add($"pii={string.Join(',', kinds)} ({pii.Count} findings)");
        }

        return new PromptAnalysis(task.Kind, score, inputTokens, pii, reasons);
    }
}
