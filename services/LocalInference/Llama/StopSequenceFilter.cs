using System.Text;

namespace HybridLlm.LocalInference.Llama;

/// <summary>
/// Cuts generated text at the first stop sequence. Text that might be the start of a stop sequence is held
/// back until the next piece shows whether it is one, so a stop sequence never leaks to a streaming caller.
/// </summary>
internal sealed class StopSequenceFilter
{
    private readonly string[] _stops;
    private readonly StringBuilder _held = new();

    public StopSequenceFilter(IEnumerable<string> stopSequences) =>
        _stops = [.. stopSequences.Where(s => !string.IsNullOrEmpty(s))];

    /// <summary>Adds a piece; returns the text now safe to emit and whether a stop sequence was reached.</summary>
    public string Push(string piece, out bool stopped)
    {
        stopped = false;
        if (_stops.Length == 0)
        {
            return piece;
        }

        _held.Append(piece);
        var held = _held.ToString();

        // Every stop sequence must start inside the held text: anything emitted earlier was not a prefix.
        var cut = -1;
        foreach (var stop in _stops)
        {
            var at = held.IndexOf(stop, StringComparison.Ordinal);
            if (at >= 0 && (cut < 0 || at < cut))
            {
                cut = at;
            }
        }

        if (cut >= 0)
        {
            stopped = true;
            _held.Clear();
            return held[..cut];
        }

        var keep = LongestSuffixStartingAStop(held);
        _held.Remove(0, held.Length - keep);
        return held[..^keep];
    }

    /// <summary>Returns whatever is still held back (generation ended for another reason).</summary>
    public string Flush()
    {
        var rest = _held.ToString();
        _held.Clear();
        return rest;
    }

    private int LongestSuffixStartingAStop(string text)
    {
        var longest = 0;
        foreach (var stop in _stops)
        {
            for (var length = Math.Min(stop.Length - 1, text.Length); length > longest; length--)
            {
                if (text.AsSpan(text.Length - length).SequenceEqual(stop.AsSpan(0, length)))
                {
                    longest = length;
                    break;
                }
            }
        }

        return longest;
    }
}
