namespace HybridLlm.Classifier.Analysis;

/// <summary>
/// Finds PII and secrets in text. Each kind has its own recognizer (regex proposes, checksum or range
/// check confirms); where spans of different recognizers overlap, the longer one wins, and on equal
/// length the more specific kind (checksummed before pattern-only) wins — so a card number is never
/// also reported as a phone. Stateless and thread-safe.
/// </summary>
public sealed class PiiDetector
{
    /// <summary>Tie-break order for overlapping spans of equal length: earlier wins.</summary>
    private static readonly PiiKind[] Specificity =
    [
        PiiKind.PaymentCard, PiiKind.Iban, PiiKind.Secret, PiiKind.UsSsn,
        PiiKind.Email, PiiKind.IpAddress, PiiKind.Phone,
    ];

    private readonly IPiiRecognizer[] _recognizers =
    [
        new PaymentCardRecognizer(), new IbanRecognizer(), new SecretRecognizer(), new UsSsnRecognizer(),
        new EmailRecognizer(), new IpAddressRecognizer(), new PhoneRecognizer(),
    ];

    /// <summary>Non-overlapping findings in <paramref name="text"/>, ordered by start offset.</summary>
    /// <param name="text">The text to scan; <see langword="null"/> or empty gives no findings.</param>
    /// <param name="messageIndex">Copied into each finding so a conversation's findings can be told apart.</param>
    public IReadOnlyList<PiiFinding> Detect(string? text, int messageIndex = 0)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var candidates = new List<PiiCandidate>();
        foreach (var recognizer in _recognizers)
        {
            recognizer.Recognize(text, candidates);
        }

        var byPrecedence = candidates
            .OrderByDescending(candidate => candidate.Length)
            .ThenBy(candidate => Array.IndexOf(Specificity, candidate.Kind))
            .ThenBy(candidate => candidate.Start);

        var kept = new List<PiiCandidate>();
        foreach (var candidate in byPrecedence)
        {
            if (!kept.Exists(candidate.Overlaps))
            {
                kept.Add(candidate);
            }
        }

        return kept.OrderBy(candidate => candidate.Start)
            .Select(candidate => new PiiFinding(candidate.Kind, messageIndex, candidate.Start, candidate.Length))
            .ToArray();
    }
}
