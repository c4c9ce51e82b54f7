namespace HybridLlm.LocalInference.ModelFiles;

/// <summary>
/// What <c>LocalInference:Model</c> names: an http(s) URL to download into the cache, or a local file. Also the
/// checks every local model file passes before it is loaded.
/// </summary>
internal static class ModelLocation
{
    /// <summary>Where an expected digest came from, as error messages name it.</summary>
    public const string PinSource = "pinned by LocalInference:ModelSha256";

    public static bool TryGetUrl(string model, out Uri url)
    {
        if (Uri.TryCreate(model, UriKind.Absolute, out var parsed) && parsed.Scheme is "http" or "https")
        {
            url = parsed;
            return true;
        }

        url = null!;
        return false;
    }

    /// <summary>Scheme, host and path only: a query string may hold a signed token.</summary>
    public static string Describe(Uri url) => url.GetLeftPart(UriPartial.Path);

    /// <summary>
    /// Hashes a local model file and, when a digest is pinned, refuses a file that differs. The digest is also the
    /// model's identity on every answer, so it is computed even without a pin.
    /// </summary>
    /// <exception cref="FileNotFoundException">No file at <paramref name="configuredPath"/>.</exception>
    /// <exception cref="ModelIntegrityException">The file's digest differs from <paramref name="pinnedSha256"/>.</exception>
    public static ModelFile VerifyLocal(string configuredPath, string? pinnedSha256)
    {
        var path = Path.GetFullPath(configuredPath);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"The GGUF model file '{path}' (configured as LocalInference:Model = '{configuredPath}') does not exist.", path);
        }

        var actual = Sha256Digest.Compute(path);
        if (pinnedSha256 is not null && actual != pinnedSha256)
        {
            throw ModelIntegrityException.Mismatch($"file '{path}'", new FileInfo(path).Length, pinnedSha256, actual, PinSource);
        }

        return new ModelFile(path, actual);
    }
}
