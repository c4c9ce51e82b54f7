using Microsoft.Extensions.AI;

namespace HybridLlm.ProprietaryAdapter.RateLimiting;

/// <summary>
/// Estimates a request's tokens before the call, as vendors count them against tokens-per-minute: the prompt (from its
/// length) plus the output cap. Deliberately high for the output, since the vendor reserves the cap too; the limiter
/// settles the difference with the real usage once the answer is in.
/// </summary>
internal static class TokenEstimator
{
    /// <summary>Per-message framing (role markers and separators) vendors add to the prompt.</summary>
    private const int TokensPerMessage = 4;

    public static long Estimate(IEnumerable<ChatMessage> messages, ChatOptions? options, int defaultMaxOutputTokens, double charsPerToken)
    {
        ArgumentNullException.ThrowIfNull(messages);
        long characters = 0;
        var count = 0;
        foreach (var message in messages)
        {
            count++;
            foreach (var content in message.Contents)
            {
                if (content is TextContent text)
                {
                    characters += text.Text?.Length ?? 0;
                }
            }
        }

        characters += options?.Instructions?.Length ?? 0;
        var promptTokens = (long)Math.Ceiling(characters / charsPerToken) + (count * TokensPerMessage);
        return promptTokens + (options?.MaxOutputTokens ?? defaultMaxOutputTokens);
    }
}
