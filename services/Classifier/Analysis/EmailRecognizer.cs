using System.Text.RegularExpressions;

namespace HybridLlm.Classifier.Analysis;

/// <summary>E-mail addresses: a dot-atom local part, a dotted host and an alphabetic top-level domain.</summary>
internal sealed partial class EmailRecognizer : IPiiRecognizer
{
    public void Recognize(string text, List<PiiCandidate> candidates)
    {
        foreach (var match in EmailPattern.EnumerateMatches(text))
        {
            candidates.Add(new PiiCandidate(PiiKind.Email, match.Index, match.Length));
        }
    }

    [GeneratedRegex(
        @"(?<![\w.%+-])[A-Za-z0-9_%+-](?:[A-Za-z0-9._%+-]{0,63})@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}(?![\w-])",
        RegexOptions.CultureInvariant)]
    private static partial Regex EmailPattern { get; }
}
