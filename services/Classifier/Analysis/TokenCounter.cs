using Microsoft.ML.Tokenizers;

namespace HybridLlm.Classifier.Analysis;

/// <summary>
/// Counts tokens with the o200k_base tiktoken encoding (GPT-4o family). The vocabulary is embedded
/// in the Microsoft.ML.Tokenizers.Data.O200kBase package, so nothing is downloaded. The tokenizer is
/// built once (it takes a few hundred milliseconds) and is safe to share between threads.
/// </summary>
public sealed class TokenCounter
{
    /// <summary>The tiktoken encoding this counter uses.</summary>
    public const string EncodingName = "o200k_base";

    /// <summary>
    /// Tokens a chat message costs beyond its text: OpenAI's published accounting for its chat format
    /// is 3 framing tokens per message plus the role name (one token for system/user/assistant).
    /// </summary>
    public const int PerMessageOverheadTokens = 4;

    /// <summary>
    /// Longest whitespace-free run counted in one piece. BPE merging inside one pre-token takes time
    /// quadratic in its length (40,000 repeated letters measured ~0.7 s), so longer runs — base64 blobs,
    /// minified code, hostile input — are cut into pieces of this many characters. Each cut can move the
    /// count by about one token; ordinary prose never reaches the limit and is counted exactly.
    /// </summary>
    internal const int MaxRunChars = 1_000;

    private readonly TiktokenTokenizer _tokenizer = TiktokenTokenizer.CreateForEncoding(EncodingName);

    /// <summary>Tokens in <paramref name="text"/>; 0 for <see langword="null"/> or empty.</summary>
    public int CountTokens(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return 0;
        }

        var remaining = text.AsSpan();
        var total = 0;
        var runLength = 0;
        for (var i = 0; i < remaining.Length; i++)
        {
            if (char.IsWhiteSpace(remaining[i]))
            {
                runLength = 0;
            }
            else if (++runLength > MaxRunChars && !char.IsLowSurrogate(remaining[i]))
            {
                total += _tokenizer.CountTokens(remaining[..i]);
                remaining = remaining[i..];
                i = 0;
                runLength = 1;
            }
        }

        return total + _tokenizer.CountTokens(remaining);
    }

    /// <summary>
    /// Tokens in a conversation: each message's text plus <see cref="PerMessageOverheadTokens"/>.
    /// Messages with empty text are skipped entirely, so an empty conversation counts 0.
    /// </summary>
    public int CountTokens(IEnumerable<ClassifierMessage> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        var total = 0;
        foreach (var message in messages)
        {
            if (!string.IsNullOrEmpty(message.Text))
            {
                total += CountTokens(message.Text) + PerMessageOverheadTokens;
            }
        }

        return total;
    }
}
