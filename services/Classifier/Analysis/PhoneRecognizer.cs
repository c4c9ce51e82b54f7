using System.Text.RegularExpressions;

namespace HybridLlm.Classifier.Analysis;

/// <summary>
/// Telephone numbers: international (+CC, 8–15 digits as E.164 allows) and the common national shapes
/// — North American (415) 555-2671 / 415-555-2671 and trunk-prefixed European 020 7946 0958.
/// A bare digit run is never a phone (it is more often an order or card number), and neither is a
/// fragment of a longer separated number or anything shaped like a date.
/// </summary>
internal sealed partial class PhoneRecognizer : IPiiRecognizer
{
    private const int MinNationalDigits = 7;
    private const int MinInternationalDigits = 8;
    private const int MaxDigits = 15;

    public void Recognize(string text, List<PiiCandidate> candidates)
    {
        foreach (var match in PhonePattern.EnumerateMatches(text))
        {
            var candidate = text.AsSpan(match.Index, match.Length);
            var digits = CountDigits(candidate);
            var minDigits = candidate[0] == '+' ? MinInternationalDigits : MinNationalDigits;
            if (digits >= minDigits && digits <= MaxDigits && !DatePattern.IsMatch(candidate))
            {
                candidates.Add(new PiiCandidate(PiiKind.Phone, match.Index, match.Length));
            }
        }
    }

    private static int CountDigits(ReadOnlySpan<char> candidate)
    {
        var count = 0;
        foreach (var c in candidate)
        {
            if (char.IsAsciiDigit(c))
            {
                count++;
            }
        }

        return count;
    }

    // Alternatives: international; NANP with area code in parentheses; NANP 3-3-4; trunk prefix 0.
    [GeneratedRegex(
        @"(?<![\w+]|\d[ .-])" +
        @"(?:\+\d{1,3}[ .-]?(?:\(\d{1,4}\)[ .-]?)?\d{1,4}(?:[ .-]?\d{2,4}){1,5}" +
        @"|\(\d{3}\)[ .-]?\d{3}[ .-]?\d{4}" +
        @"|\d{3}([.-])\d{3}\1\d{4}|\d{3} \d{3} \d{4}" +
        @"|0\d{1,4}[ /-]\d{3,8}(?:[ -]\d{2,4}){0,3})" +
        @"(?![\w-]|[ .-]\d)",
        RegexOptions.CultureInvariant)]
    private static partial Regex PhonePattern { get; }

    [GeneratedRegex(@"^(?:\d{4}[-./ ]\d{1,2}[-./ ]\d{1,2}|\d{1,2}[-./ ]\d{1,2}[-./ ]\d{2,4})$", RegexOptions.CultureInvariant)]
    private static partial Regex DatePattern { get; }
}
