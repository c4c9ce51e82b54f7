using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace HybridLlm.Classifier.Analysis;

/// <summary>
/// IBANs (ISO 13616), compact or printed in groups: a registered country code, two check digits and the
/// country's BBAN length, verified with MOD 97-10. The length table decides where an IBAN ends, so a
/// following upper-case word is never swallowed into it.
/// </summary>
internal sealed partial class IbanRecognizer : IPiiRecognizer
{
    private const int MaxIbanLength = 34;

    /// <summary>Total IBAN length per country, from the SWIFT IBAN registry.</summary>
    private static readonly FrozenDictionary<string, int> LengthByCountry = new Dictionary<string, int>
    {
        ["AD"] = 24, ["AE"] = 23, ["AL"] = 28, ["AT"] = 20, ["AZ"] = 28, ["BA"] = 20, ["BE"] = 16,
        ["BG"] = 22, ["BH"] = 22, ["BI"] = 27, ["BR"] = 29, ["BY"] = 28, ["CH"] = 21, ["CR"] = 22,
        ["CY"] = 28, ["CZ"] = 24, ["DE"] = 22, ["DJ"] = 27, ["DK"] = 18, ["DO"] = 28, ["EE"] = 20,
        ["EG"] = 29, ["ES"] = 24, ["FI"] = 18, ["FK"] = 18, ["FO"] = 18, ["FR"] = 27, ["GB"] = 22,
        ["GE"] = 22, ["GI"] = 23, ["GL"] = 18, ["GR"] = 27, ["GT"] = 28, ["HR"] = 21, ["HU"] = 28,
        ["IE"] = 22, ["IL"] = 23, ["IQ"] = 23, ["IS"] = 26, ["IT"] = 27, ["JO"] = 30, ["KW"] = 30,
        ["KZ"] = 20, ["LB"] = 28, ["LC"] = 32, ["LI"] = 21, ["LT"] = 20, ["LU"] = 20, ["LV"] = 21,
        ["LY"] = 25, ["MC"] = 27, ["MD"] = 24, ["ME"] = 22, ["MK"] = 19, ["MN"] = 20, ["MR"] = 27,
        ["MT"] = 31, ["MU"] = 30, ["NI"] = 28, ["NL"] = 18, ["NO"] = 15, ["OM"] = 23, ["PK"] = 24,
        ["PL"] = 28, ["PS"] = 29, ["PT"] = 25, ["QA"] = 29, ["RO"] = 24, ["RS"] = 22, ["RU"] = 33,
        ["SA"] = 24, ["SC"] = 31, ["SD"] = 18, ["SE"] = 24, ["SI"] = 19, ["SK"] = 24, ["SM"] = 27,
        ["SO"] = 23, ["ST"] = 25, ["SV"] = 28, ["TL"] = 23, ["TN"] = 24, ["TR"] = 26, ["UA"] = 29,
        ["VA"] = 22, ["VG"] = 24, ["XK"] = 20, ["YE"] = 30,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public void Recognize(string text, List<PiiCandidate> candidates)
    {
        foreach (var match in IbanShape.EnumerateMatches(text))
        {
            if (TryMeasure(text, match.Index, match.Length, out var length))
            {
                candidates.Add(new PiiCandidate(PiiKind.Iban, match.Index, length));
            }
        }
    }

    /// <summary>Walks the country's IBAN length through the (possibly spaced) candidate and verifies it.</summary>
    private static bool TryMeasure(string text, int start, int candidateLength, out int length)
    {
        length = 0;
        if (!LengthByCountry.TryGetValue(text.Substring(start, 2), out var expected))
        {
            return false;
        }

        Span<char> compact = stackalloc char[MaxIbanLength];
        var count = 0;
        var end = start;
        var candidateEnd = start + candidateLength;
        for (; end < candidateEnd && count < expected; end++)
        {
            if (text[end] != ' ')
            {
                compact[count++] = text[end];
            }
        }

        var endsOnBoundary = end == text.Length || !char.IsAsciiLetterOrDigit(text[end]);
        if (count != expected || !endsOnBoundary || !Checksums.PassesIbanMod97(compact[..count]))
        {
            return false;
        }

        length = end - start;
        return true;
    }

    [GeneratedRegex(@"(?<![A-Za-z0-9])[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]){11,30}", RegexOptions.CultureInvariant)]
    private static partial Regex IbanShape { get; }
}
