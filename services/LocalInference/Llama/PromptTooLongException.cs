namespace HybridLlm.LocalInference.Llama;

/// <summary>
/// The prompt does not leave room for the requested output in the model's context window.
/// An <see cref="ArgumentException"/>, so the service reports it as InvalidArgument.
/// </summary>
public sealed class PromptTooLongException : ArgumentException
{
    public PromptTooLongException(int promptTokens, int maxOutputTokens, int contextSize)
        : base($"The prompt is {promptTokens} tokens, but with {maxOutputTokens} output tokens reserved the " +
               $"{contextSize}-token context leaves room for at most {contextSize - maxOutputTokens}. " +
               "Shorten the prompt or ask for fewer output tokens.", "messages")
    {
        PromptTokens = promptTokens;
        MaxOutputTokens = maxOutputTokens;
        ContextSize = contextSize;
    }

    /// <summary>Prompt length, in tokens.</summary>
    public int PromptTokens { get; }

    /// <summary>Output tokens reserved for the reply.</summary>
    public int MaxOutputTokens { get; }

    /// <summary>Context window of one request, in tokens.</summary>
    public int ContextSize { get; }
}
