namespace HybridLlm.Classifier.Analysis;

/// <summary>A validated span produced by one recognizer, before overlaps are resolved.</summary>
internal readonly record struct PiiCandidate(PiiKind Kind, int Start, int Length)
{
    public int End => Start + Length;

    public bool Overlaps(PiiCandidate other) => Start < other.End && other.Start < End;
}

/// <summary>Finds one kind of PII: a source-generated regex proposes, code validates (checksums, ranges).</summary>
internal interface IPiiRecognizer
{
    /// <summary>Adds every validated span in <paramref name="text"/>; spans may overlap other recognizers' spans.</summary>
    void Recognize(string text, List<PiiCandidate> candidates);
}
