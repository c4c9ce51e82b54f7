using System.Security.Cryptography;
using System.Text;
using HybridLlm.LocalInference.Llama;
using Microsoft.Extensions.Options;

namespace HybridLlm.LocalInference.ModelFiles;

/// <summary>
/// Turns <c>LocalInference:Model</c> into a verified local file. A path is hashed and checked against any pin. A URL
/// is downloaded into <c>LocalInference:ModelCacheDirectory</c> as <c>name.partial</c> (resumable), checked against
/// the pinned SHA-256 or else the one the server states, and only then renamed to its final name, next to a
/// <c>.sha256</c> file recording the verified digest. A cached file is re-hashed on every start, so disk corruption
/// is caught too; a file that fails any check is deleted and never loaded.
/// </summary>
internal sealed partial class ModelFileAcquirer(
    IOptions<LlamaOptions> options, ModelDownloader downloader, ILogger<ModelFileAcquirer> logger)
{
    private const string ServerSource = "stated by the server's " + ModelDownloader.LinkedEtagHeader;
    private const string CacheSource = "recorded when it was downloaded";

    public async Task<ModelFile> AcquireAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var pin = Sha256Digest.Normalize(settings.ModelSha256);
        if (!ModelLocation.TryGetUrl(settings.Model, out var url))
        {
            return await Task.Run(() => ModelLocation.VerifyLocal(settings.Model, pin), cancellationToken).ConfigureAwait(false);
        }

        var final = CachePath(settings.ModelCacheDirectory, url);
        Directory.CreateDirectory(Path.GetDirectoryName(final)!);
        if (TryReuse(final, pin) is { } cached)
        {
            return cached;
        }

        var partial = final + ".partial";
        var stated = await downloader.DownloadAsync(url, partial, pin, cancellationToken).ConfigureAwait(false);
        var expected = pin ?? stated!;
        var actual = Sha256Digest.Compute(partial);
        if (actual != expected)
        {
            var bytes = new FileInfo(partial).Length;
            // Resuming from corrupt bytes would only reproduce them: the next start downloads afresh.
            File.Delete(partial);
            throw ModelIntegrityException.Mismatch(
                $"download {ModelLocation.Describe(url)}", bytes, expected, actual, pin is null ? ServerSource : ModelLocation.PinSource);
        }

        await File.WriteAllTextAsync(DigestPath(final), actual, cancellationToken).ConfigureAwait(false);
        File.Move(partial, final, overwrite: true);
        LogDownloaded(ModelLocation.Describe(url), final, actual);
        return new ModelFile(final, actual);
    }

    /// <summary>
    /// <c>cache/&lt;first 16 hex of SHA-256(URL)&gt;/&lt;file name&gt;</c>: two URLs ending in the same file name
    /// never share a file, and the name stays recognisable.
    /// </summary>
    internal static string CachePath(string cacheDirectory, Uri url)
    {
        var location = ModelLocation.Describe(url);
        var key = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(location)))[..16];
        var name = Path.GetFileName(Uri.UnescapeDataString(url.AbsolutePath));
        if (name.Length == 0 || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
        {
            name = "model.gguf";
        }

        return Path.Combine(Path.GetFullPath(cacheDirectory), key, name);
    }

    private static string DigestPath(string final) => final + ".sha256";

    private ModelFile? TryReuse(string final, string? pin)
    {
        if (!File.Exists(final))
        {
            return null;
        }

        var recorded = File.Exists(DigestPath(final)) ? Sha256Digest.Normalize(File.ReadAllText(DigestPath(final))) : null;
        var expected = pin ?? recorded;
        var actual = expected is null ? null : Sha256Digest.Compute(final);
        if (actual is not null && actual == expected)
        {
            LogReused(final, actual);
            return new ModelFile(final, actual);
        }

        LogCachedFileRejected(final, expected ?? "(none recorded)", actual ?? "(not computed)", pin is null ? CacheSource : ModelLocation.PinSource);
        File.Delete(final);
        File.Delete(DigestPath(final));
        return null;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Model {Url} downloaded to {Path} and verified (sha256 {Digest})")]
    private partial void LogDownloaded(string url, string path, string digest);

    [LoggerMessage(Level = LogLevel.Information, Message = "Using cached model {Path} (sha256 {Digest}, verified again)")]
    private partial void LogReused(string path, string digest);

    [LoggerMessage(Level = LogLevel.Warning,
        Message = "Cached model {Path} failed its check (expected sha256 {Expected}, {ExpectedSource}; actual {Actual}); deleted, downloading again")]
    private partial void LogCachedFileRejected(string path, string expected, string actual, string expectedSource);
}
