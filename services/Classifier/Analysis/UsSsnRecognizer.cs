using System.Globalization;
using System.Text.RegularExpressions;

namespace HybridLlm.Classifier.Analysis;

/// <summary>
/// US social security numbers written AAA-GG-SSSS (dashes or spaces). The Social Security Administration
/// never issues area 000, 666 or 900–999, group 00 or serial 0000, so those are not reported.
/// </summary>
internal sealed partial class UsSsnRecognizer : IPiiRecognizer
{
    public void Recognize(string text, List<PiiCandidate> candidates)
    {
        foreach (Match match in SsnPattern.Matches(text))
        {
            var area = int.Parse(match.Groups["area"].ValueSpan, CultureInfo.InvariantCulture);
            var group = int.Parse(match.Groups["group"].ValueSpan, CultureInfo.InvariantCulture);
            var serial = int.Parse(match.Groups["serial"].ValueSpan, CultureInfo.InvariantCulture);
            if (IsIssuable(area, group, serial))
            {
                candidates.Add(new PiiCandidate(PiiKind.UsSsn, match.Index, match.Length));
            }
        }
    }

    internal static bool IsIssuable(int area, int group, int serial) =>
        area is > 0 and < 900 and not 666 && group > 0 && serial > 0;

    [GeneratedRegex(
        @"(?<![\w-]|\d[ -])(?<area>\d{3})(?<sep>[- ])(?<group>\d{2})\k<sep>(?<serial>\d{4})(?![\w-]|[ -]\d)",
        RegexOptions.CultureInvariant | RegexOptions.ExplicitCapture)]
    private static partial Regex SsnPattern { get; }
}
