namespace HybridLlm.Classifier.Analysis;

/// <summary>The task a prompt asks for and the cue that decided it.</summary>
/// <param name="Kind">The detected task.</param>
/// <param name="Cue">
/// A fixed label naming the rule that fired (for example <c>summarize</c> or <c>code-fence</c>); never
/// text taken from the prompt, so it is safe to log and return.
/// </param>
public readonly record struct TaskDetection(TaskKind Kind, string Cue);
