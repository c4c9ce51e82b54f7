using System.Text;
using HybridLlm.Classifier.Analysis;
using Microsoft.Extensions.AI;

namespace HybridLlm.Classifier.Features;

/// <summary>
/// Turns conversations into router inputs: the sentence embedding of the latest user message (the request itself)
/// followed by <see cref="InterpretableFeatures"/> over the user and system text. Training and inference both
/// use this one class, so a model always reads inputs built the way it was trained on. Thread-safe.
/// </summary>
internal sealed class RouterFeatureBuilder(
    IEmbeddingGenerator<string, Embedding<float>> embeddings, TokenCounter tokenCounter, TaskCueDetector cueDetector)
{
    /// <summary>Builds inputs for many conversations at once; the embeddings run as one batch.</summary>
    public async Task<RouterInput[]> BuildAsync(IReadOnlyList<IReadOnlyList<ClassifierMessage>> conversations, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(conversations);
        var focus = conversations.Select(FocusText).ToArray();
        var generated = await embeddings.GenerateAsync(focus, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (generated.Count != conversations.Count)
        {
            throw new InvalidOperationException($"The embedding generator returned {generated.Count} embeddings for {conversations.Count} texts.");
        }

        var inputs = new RouterInput[conversations.Count];
        for (var i = 0; i < inputs.Length; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            inputs[i] = Build(conversations[i], generated[i].Vector.Span);
        }

        return inputs;
    }

    private RouterInput Build(IReadOnlyList<ClassifierMessage> messages, ReadOnlySpan<float> embedding)
    {
        var inputTokens = tokenCounter.CountTokens(messages);
        var cue = cueDetector.Detect(messages);
        var raw = new float[InterpretableFeatures.Count];
        InterpretableFeatures.Compute(InstructionText(messages), inputTokens, cue.Kind, raw);

        var vector = new float[embedding.Length + raw.Length];
        embedding.CopyTo(vector);
        for (var j = 0; j < raw.Length; j++)
        {
            vector[embedding.Length + j] = InterpretableFeatures.ToModelValue(j, raw[j]);
        }

        return new RouterInput(vector, raw, inputTokens, cue);
    }

    /// <summary>The latest user message with text, else the latest message with text, else empty.</summary>
    internal static string FocusText(IReadOnlyList<ClassifierMessage> messages)
    {
        var focus = messages.LastOrDefault(m => IsRole(m, "user") && !string.IsNullOrWhiteSpace(m.Text))
            ?? messages.LastOrDefault(m => !string.IsNullOrWhiteSpace(m.Text));
        return focus?.Text ?? "";
    }

    /// <summary>What asks for work: user and system text. Earlier answers do not make the request harder.</summary>
    private static string InstructionText(IReadOnlyList<ClassifierMessage> messages)
    {
        var text = new StringBuilder();
        foreach (var message in messages)
        {
            if (!IsRole(message, "assistant") && !string.IsNullOrEmpty(message.Text))
            {
                text.Append(message.Text).Append('\n');
            }
        }

        return text.ToString();
    }

    private static bool IsRole(ClassifierMessage message, string role) =>
        string.Equals(message.Role, role, StringComparison.OrdinalIgnoreCase);
}
