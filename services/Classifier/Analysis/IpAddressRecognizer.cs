using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace HybridLlm.Classifier.Analysis;

/// <summary>
/// IP addresses. IPv4 is dotted-quad with octets 0–255 and no leading zeros (so version strings like
/// 01.02.03.04 and dates stay out). IPv6 candidates are colon-separated hex groups that
/// <see cref="IPAddress.TryParse(ReadOnlySpan{char}, out IPAddress?)"/> accepts as IPv6; very short
/// forms such as <c>::1</c> or <c>a::b</c> are skipped because C++ scopes and Rust paths look the same.
/// </summary>
internal sealed partial class IpAddressRecognizer : IPiiRecognizer
{
    private const int MinIpv6Length = 6;

    public void Recognize(string text, List<PiiCandidate> candidates)
    {
        foreach (var match in Ipv4Pattern.EnumerateMatches(text))
        {
            if (IsIpv4(text.AsSpan(match.Index, match.Length)))
            {
                candidates.Add(new PiiCandidate(PiiKind.IpAddress, match.Index, match.Length));
            }
        }

        foreach (var match in Ipv6Candidate.EnumerateMatches(text))
        {
            var candidate = text.AsSpan(match.Index, match.Length);
            if (candidate.Length >= MinIpv6Length
                && IPAddress.TryParse(candidate, out var address)
                && address.AddressFamily == AddressFamily.InterNetworkV6)
            {
                candidates.Add(new PiiCandidate(PiiKind.IpAddress, match.Index, match.Length));
            }
        }
    }

    private static bool IsIpv4(ReadOnlySpan<char> candidate)
    {
        foreach (var range in candidate.Split('.'))
        {
            var octet = candidate[range];
            if ((octet.Length > 1 && octet[0] == '0') || int.Parse(octet, CultureInfo.InvariantCulture) > 255)
            {
                return false;
            }
        }

        return true;
    }

    [GeneratedRegex(@"(?<![\w.])\d{1,3}(?:\.\d{1,3}){3}(?![\w]|\.\d)", RegexOptions.CultureInvariant)]
    private static partial Regex Ipv4Pattern { get; }

    // Hex groups with at least two colons, optionally ending in an embedded IPv4 (::ffff:192.0.2.1).
    [GeneratedRegex(
        @"(?<![\w:.])(?:[0-9A-Fa-f]{0,4}:){2,7}(?:(?:\d{1,3}\.){3}\d{1,3}|[0-9A-Fa-f]{0,4})(?![\w:]|\.\d)",
        RegexOptions.CultureInvariant)]
    private static partial Regex Ipv6Candidate { get; }
}
