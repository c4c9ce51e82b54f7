using System.Text.RegularExpressions;

namespace HybridLlm.Classifier.Analysis;

/// <summary>
/// Credentials: provider key formats (OpenAI/Anthropic <c>sk-</c>, AWS <c>AKIA</c>/<c>ASIA</c>, GitHub
/// <c>ghp_</c>/<c>github_pat_</c>, Slack <c>xox?-</c>), JWTs, PEM private keys, and generic
/// <c>api_key=</c> / <c>password:</c> assignments whose value is at least 8 characters. For an
/// assignment only the value is reported, so redacting the span keeps the key name readable.
/// </summary>
internal sealed partial class SecretRecognizer : IPiiRecognizer
{
    public void Recognize(string text, List<PiiCandidate> candidates)
    {
        foreach (var match in KnownTokenPattern.EnumerateMatches(text))
        {
            candidates.Add(new PiiCandidate(PiiKind.Secret, match.Index, match.Length));
        }

        foreach (var match in PrivateKeyPattern.EnumerateMatches(text))
        {
            candidates.Add(new PiiCandidate(PiiKind.Secret, match.Index, match.Length));
        }

        foreach (Match match in AssignmentPattern.Matches(text))
        {
            var value = match.Groups["value"];
            if (!IsPlaceholder(value.ValueSpan))
            {
                candidates.Add(new PiiCandidate(PiiKind.Secret, value.Index, value.Length));
            }
        }
    }

    /// <summary>Template values (<c>${API_KEY}</c>, <c>&lt;your-key&gt;</c>, <c>********</c>) are not secrets.</summary>
    private static bool IsPlaceholder(ReadOnlySpan<char> value) =>
        value[0] is '$' or '<' or '{' or '%' || !value.ContainsAnyExcept(value[0]);

    [GeneratedRegex(
        @"(?<![\w-])(?:sk-(?:ant-|proj-)?[A-Za-z0-9_-]{20,}" +
        @"|(?:AKIA|ASIA)[0-9A-Z]{16}" +
        @"|gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,}" +
        @"|xox[abposr]-[A-Za-z0-9-]{10,}" +
        @"|eyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]*)(?![\w-])",
        RegexOptions.CultureInvariant)]
    private static partial Regex KnownTokenPattern { get; }

    // The body is optional so a pasted header without its END line is still caught.
    [GeneratedRegex(
        @"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----(?:[\s\S]*?-----END (?:[A-Z0-9]+ )*PRIVATE KEY-----)?",
        RegexOptions.CultureInvariant)]
    private static partial Regex PrivateKeyPattern { get; }

    [GeneratedRegex(
        @"(?<![A-Za-z0-9])(?:api[_-]?key|secret(?:[_-]?key)?|client[_-]?secret|access[_-]?token|auth[_-]?token|bearer[_-]?token|token|password|passwd|pwd)\b" +
        @"[""']?\s*[:=]\s*[""']?(?<value>[^\s""',;]{8,})",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.ExplicitCapture)]
    private static partial Regex AssignmentPattern { get; }
}
