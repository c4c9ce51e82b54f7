using BERTTokenizers.Base;

namespace HybridLlm.Classifier.Embeddings;

/// <summary>
/// Turns a text into the word-piece ids MiniLM reads, bounded to a window of <see cref="MaxTokens"/> ids
/// (including <c>[CLS]</c> and <c>[SEP]</c>). A text that does not fit keeps its head (three quarters of the
/// window: where the instruction usually is) and its tail (the rest: where "summarise the above" usually is).
/// The transformer's cost grows with the window, so the window is what bounds embedding latency.
/// Thread-safe: the tokenizer only reads its vocabulary.
/// </summary>
internal sealed class MiniLmTokenWindow
{
    private const int ClsId = 101;
    private const int SepId = 102;

    /// <summary>
    /// Characters read per wanted word piece before tokenizing; a word piece covers at least one character, and
    /// ordinary text averages four, so this is plenty while keeping huge prompts from being tokenized whole.
    /// </summary>
    private const int CharsPerToken = 8;

    private readonly TokenizerBase _tokenizer;
    private readonly int _headTokens;
    private readonly int _tailTokens;

    public MiniLmTokenWindow(TokenizerBase tokenizer, int maxTokens)
    {
        ArgumentNullException.ThrowIfNull(tokenizer);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTokens, 8);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(maxTokens, 512);
        _tokenizer = tokenizer;
        MaxTokens = maxTokens;
        var content = maxTokens - 2;
        _tailTokens = content / 4;
        _headTokens = content - _tailTokens;
    }

    /// <summary>Window size in word pieces, including the two special tokens.</summary>
    public int MaxTokens { get; }

    /// <summary>The ids of <paramref name="text"/>: <c>[CLS]</c>, head, tail, <c>[SEP]</c>; never longer than <see cref="MaxTokens"/>.</summary>
    public int[] Encode(string? text)
    {
        var headChars = MaxTokens * CharsPerToken;
        var all = Pieces(text, headChars, fromEnd: false);
        if (all.Count <= _headTokens + _tailTokens && (text?.Length ?? 0) <= headChars)
        {
            return Frame(all, []);
        }

        if (all.Count > _headTokens)
        {
            all.RemoveRange(_headTokens, all.Count - _headTokens);
        }

        var tail = Pieces(text, _tailTokens * CharsPerToken, fromEnd: true);
        var tailStart = Math.Max(0, tail.Count - _tailTokens);
        return Frame(all, tail.GetRange(tailStart, tail.Count - tailStart));
    }

    private List<int> Pieces(string? text, int maxChars, bool fromEnd)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return [];
        }

        var slice = text.Length <= maxChars ? text : Cut(text, maxChars, fromEnd);

        // Tokenize(limit) stops after `limit` ids ([CLS] included), so a head never tokenizes more than it keeps.
        var limit = fromEnd ? int.MaxValue : _headTokens + _tailTokens + 2;
        var tokens = _tokenizer.Tokenize(limit, [slice])[0];
        var pieces = new List<int>(tokens.Length);
        foreach (var (_, id, _) in tokens)
        {
            if (id is not ClsId and not SepId)
            {
                pieces.Add(id);
            }
        }

        return pieces;
    }

    /// <summary>A head or tail of about <paramref name="maxChars"/> characters, cut at whitespace where there is some.</summary>
    private static string Cut(string text, int maxChars, bool fromEnd)
    {
        if (fromEnd)
        {
            var start = text.Length - maxChars;
            var space = text.IndexOfAny([' ', '\n', '\t'], start);
            return space >= 0 && space < text.Length - 1 ? text[(space + 1)..] : text[start..];
        }

        var end = text.LastIndexOfAny([' ', '\n', '\t'], maxChars - 1);
        return end > 0 ? text[..end] : text[..maxChars];
    }

    private static int[] Frame(List<int> head, List<int> tail)
    {
        var ids = new int[head.Count + tail.Count + 2];
        ids[0] = ClsId;
        head.CopyTo(ids, 1);
        tail.CopyTo(ids, 1 + head.Count);
        ids[^1] = SepId;
        return ids;
    }
}
