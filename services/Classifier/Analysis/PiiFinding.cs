namespace HybridLlm.Classifier.Analysis;

/// <summary>Where one piece of PII sits; the value itself is deliberately not carried.</summary>
/// <param name="Kind">What was found.</param>
/// <param name="MessageIndex">Index of the message in the classified conversation (0 for a single text).</param>
/// <param name="Start">Offset of the first character, in UTF-16 code units.</param>
/// <param name="Length">Length of the finding, in UTF-16 code units.</param>
public sealed record PiiFinding(PiiKind Kind, int MessageIndex, int Start, int Length)
{
    /// <summary>Offset just past the finding, in UTF-16 code units.</summary>
    public int End => Start + Length;
}
