using System.Text.RegularExpressions;

namespace HybridLlm.Classifier.Analysis;

/// <summary>
/// Payment card numbers: 13–19 digits, optionally grouped by single spaces or dashes, that pass Luhn.
/// A digit run that is part of a longer number is not a card, and neither is a run of one repeated digit.
/// </summary>
internal sealed partial class PaymentCardRecognizer : IPiiRecognizer
{
    private const int MaxDigits = 19;

    public void Recognize(string text, List<PiiCandidate> candidates)
    {
        foreach (var match in CardPattern.EnumerateMatches(text))
        {
            if (IsCardNumber(text.AsSpan(match.Index, match.Length)))
            {
                candidates.Add(new PiiCandidate(PiiKind.PaymentCard, match.Index, match.Length));
            }
        }
    }

    private static bool IsCardNumber(ReadOnlySpan<char> candidate)
    {
        Span<char> digits = stackalloc char[MaxDigits];
        var count = Checksums.CollectDigits(candidate, digits);
        if (count < 13)
        {
            return false;
        }

        var number = digits[..count];
        return number.ContainsAnyExcept(number[0]) && Checksums.PassesLuhn(number);
    }

    // Lookarounds keep the match from starting or ending inside a longer digit sequence.
    [GeneratedRegex(@"(?<![\w-]|\d[ -])\d(?:[ -]?\d){12,18}(?![\w-]|[ -]\d)", RegexOptions.CultureInvariant)]
    private static partial Regex CardPattern { get; }
}
