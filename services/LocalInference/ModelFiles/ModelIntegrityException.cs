namespace HybridLlm.LocalInference.ModelFiles;

/// <summary>
/// A model file that must not be served: its SHA-256 differs from the expected one, or nothing says what it
/// should be. The service refuses to start rather than answer from weights nobody can vouch for.
/// </summary>
public sealed class ModelIntegrityException : Exception
{
    public ModelIntegrityException(string message)
        : base(message)
    {
    }

    private ModelIntegrityException(string message, string expectedSha256, string actualSha256)
        : base(message)
    {
        ExpectedSha256 = expectedSha256;
        ActualSha256 = actualSha256;
    }

    /// <summary>The digest the file should have (lowercase hex), when one was known.</summary>
    public string? ExpectedSha256 { get; }

    /// <summary>The digest the file has (lowercase hex), when it was computed.</summary>
    public string? ActualSha256 { get; }

    /// <param name="what">The file or URL, as it may appear in a log (no query string).</param>
    /// <param name="expectedFrom">Where the expected digest came from, e.g. the setting's name.</param>
    public static ModelIntegrityException Mismatch(string what, long bytes, string expected, string actual, string expectedFrom) =>
        new($"The model {what} ({bytes:N0} bytes) failed its integrity check: expected SHA-256 {expected} ({expectedFrom}), " +
            $"actual SHA-256 {actual}. The file is truncated, corrupted or not the pinned model; it was not loaded.",
            expected, actual);
}
