namespace HybridLlm.Classifier.Analysis;

/// <summary>One chat message to classify.</summary>
/// <param name="Role">The author role as the caller names it: <c>system</c>, <c>user</c>, <c>assistant</c>, <c>tool</c>.</param>
/// <param name="Text">The message text; may be empty.</param>
public sealed record ClassifierMessage(string Role, string Text);
