using System.Globalization;
using System.Security.Cryptography;

namespace HybridLlm.LocalInference.ModelFiles;

/// <summary>SHA-256 digests of model files, as lowercase hex: computing them and reading them from settings or headers.</summary>
internal static class Sha256Digest
{
    private const int HexLength = 64;

    /// <summary>
    /// Accepts <c>abc…</c>, <c>sha256:abc…</c> and the quoted or weak ETag forms servers use (<c>"abc…"</c>,
    /// <c>W/"abc…"</c>); returns lowercase hex, or null when <paramref name="value"/> is not a SHA-256 digest.
    /// </summary>
    public static string? Normalize(string? value)
    {
        var text = value.AsSpan().Trim();
        if (text.StartsWith("W/", StringComparison.Ordinal))
        {
            text = text[2..];
        }

        text = text.Trim('"');
        if (text.StartsWith("sha256:", StringComparison.OrdinalIgnoreCase))
        {
            text = text["sha256:".Length..];
        }

        if (text.Length != HexLength)
        {
            return null;
        }

        foreach (var c in text)
        {
            if (!char.IsAsciiHexDigit(c))
            {
                return null;
            }
        }

        return text.ToString().ToLower(CultureInfo.InvariantCulture);
    }

    /// <summary>Hashes a whole file (about 1 s per GB), reading it once in large sequential chunks.</summary>
    public static string Compute(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20, FileOptions.SequentialScan);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
