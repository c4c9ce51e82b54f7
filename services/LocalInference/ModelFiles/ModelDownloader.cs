using System.Buffers;
using System.Net;
using System.Net.Http.Headers;

namespace HybridLlm.LocalInference.ModelFiles;

/// <summary>
/// Downloads one model file into a partial file, resuming with an HTTP <c>Range</c> request after an interrupted
/// transfer (in this run or an earlier one). Follows redirects itself so it can read <c>X-Linked-Etag</c>, the SHA-256
/// that Hugging Face states on the redirect from a <c>resolve</c> URL to its CDN. It never decides whether the bytes
/// are right; <see cref="ModelFileAcquirer"/> checks the digest before the file gets its final name.
/// </summary>
internal sealed partial class ModelDownloader(HttpClient httpClient, TimeProvider timeProvider, ILogger<ModelDownloader> logger)
{
    /// <summary>Name of the <see cref="HttpClient"/> (redirects off, no timeout but the stall timeout below).</summary>
    public const string HttpClientName = "HybridLlm.LocalInference.ModelDownload";

    /// <summary>The header carrying an LFS file's SHA-256 on Hugging Face.</summary>
    public const string LinkedEtagHeader = "X-Linked-Etag";

    private const int MaxRedirects = 10;

    // A dropped connection that delivered bytes is resumed at once; only attempts that make no progress count.
    private const int MaxAttemptsWithoutProgress = 4;

    // No byte for this long: the transfer is stuck; drop the connection and resume.
    private static readonly TimeSpan StallTimeout = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Completes <paramref name="partialPath"/> from <paramref name="url"/> and returns the digest the server stated.
    /// Without <paramref name="pinnedSha256"/>, a server that states no digest over https (or loopback) is refused
    /// before any byte is fetched: nothing would tell a good file from a bad one.
    /// </summary>
    public async Task<string?> DownloadAsync(Uri url, string partialPath, string? pinnedSha256, CancellationToken cancellationToken)
    {
        string? stated = null;
        var attemptsWithoutProgress = 0;
        while (true)
        {
            var offset = LengthOf(partialPath);
            var writtenFrom = offset;
            try
            {
                var (response, statedNow) = await SendAsync(url, offset, cancellationToken).ConfigureAwait(false);
                using (response)
                {
                    stated ??= statedNow;
                    CheckStatedDigest(url, pinnedSha256, stated);
                    if (response.StatusCode == HttpStatusCode.RequestedRangeNotSatisfiable && offset > 0)
                    {
                        // The partial file is as long as the remote one, or longer: it cannot be resumed.
                        LogRestarting(ModelLocation.Describe(url), offset);
                        File.Delete(partialPath);
                        attemptsWithoutProgress++;
                        continue;
                    }

                    response.EnsureSuccessStatusCode();
                    var resumed = offset > 0
                        && response.StatusCode == HttpStatusCode.PartialContent
                        && response.Content.Headers.ContentRange?.From == offset;
                    writtenFrom = resumed ? offset : 0;
                    var total = response.Content.Headers.ContentRange?.Length ?? response.Content.Headers.ContentLength + writtenFrom;
                    LogDownloading(ModelLocation.Describe(url), writtenFrom, total ?? -1);
                    await CopyAsync(response.Content, partialPath, resumed, cancellationToken).ConfigureAwait(false);
                    return stated;
                }
            }
            catch (Exception ex) when (IsRetryable(ex, cancellationToken))
            {
                var received = LengthOf(partialPath);
                attemptsWithoutProgress = received > writtenFrom ? 0 : attemptsWithoutProgress + 1;
                if (attemptsWithoutProgress >= MaxAttemptsWithoutProgress)
                {
                    throw new IOException(
                        $"Downloading the model {ModelLocation.Describe(url)} failed {attemptsWithoutProgress} times in a row " +
                        $"without progress ({received:N0} bytes kept in '{partialPath}' for the next start): {ex.Message}", ex);
                }

                LogInterrupted(ModelLocation.Describe(url), received, ex.Message);
                if (attemptsWithoutProgress > 0)
                {
                    await Task.Delay(TimeSpan.FromSeconds(1 << (attemptsWithoutProgress - 1)), timeProvider, cancellationToken)
                        .ConfigureAwait(false);
                }
            }
        }
    }

    private static void CheckStatedDigest(Uri url, string? pinned, string? stated)
    {
        if (pinned is null && stated is null)
        {
            throw new ModelIntegrityException(
                $"Refusing to download the model {ModelLocation.Describe(url)}: no SHA-256 is pinned (LocalInference:ModelSha256) " +
                $"and the server states none ({LinkedEtagHeader} over https), so a corrupt file could not be told from a good one. " +
                "Pin the digest from the model card, or download the file yourself and set LocalInference:Model to its path.");
        }

        if (pinned is not null && stated is not null && pinned != stated)
        {
            throw new ModelIntegrityException(
                $"Refusing to download the model {ModelLocation.Describe(url)}: the server states SHA-256 {stated}, but " +
                $"LocalInference:ModelSha256 pins {pinned}. The URL serves a different file than the pinned one.");
        }
    }

    private static bool IsRetryable(Exception exception, CancellationToken cancellationToken) => exception switch
    {
        _ when cancellationToken.IsCancellationRequested => false,
        HttpRequestException { StatusCode: null } => true,
        HttpRequestException { StatusCode: { } status } => (int)status >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests,
        IOException or TimeoutException or OperationCanceledException => true,
        _ => false,
    };

    private static long LengthOf(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;

    // A digest stated over plain http to another machine is only as good as the network in between.
    private static bool IsTrusted(Uri uri) => uri.Scheme == Uri.UriSchemeHttps || uri.IsLoopback;

    private async Task<(HttpResponseMessage Response, string? StatedSha256)> SendAsync(Uri url, long offset, CancellationToken cancellationToken)
    {
        string? stated = null;
        var current = url;
        for (var hop = 0; ; hop++)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, current);
            if (offset > 0)
            {
                request.Headers.Range = new RangeHeaderValue(offset, null);
            }

            var response = await httpClient.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, cancellationToken)
                .ConfigureAwait(false);
            if (IsTrusted(current) && response.Headers.TryGetValues(LinkedEtagHeader, out var values))
            {
                stated ??= Sha256Digest.Normalize(values.FirstOrDefault());
            }

            if ((int)response.StatusCode is < 300 or >= 400 || response.StatusCode == HttpStatusCode.NotModified)
            {
                return (response, stated);
            }

            var location = response.Headers.Location;
            response.Dispose();
            if (location is null || hop >= MaxRedirects)
            {
                throw new HttpRequestException($"Too many or broken redirects downloading {ModelLocation.Describe(url)}.", null, HttpStatusCode.BadGateway);
            }

            var next = location.IsAbsoluteUri ? location : new Uri(current, location);
            if (current.Scheme == Uri.UriSchemeHttps && next.Scheme != Uri.UriSchemeHttps)
            {
                throw new HttpRequestException($"Refusing a redirect from https to {next.Scheme} downloading {ModelLocation.Describe(url)}.", null, HttpStatusCode.BadGateway);
            }

            current = next;
        }
    }

    private async Task CopyAsync(HttpContent content, string path, bool append, CancellationToken cancellationToken)
    {
        using var stall = new CancellationTokenSource(Timeout.InfiniteTimeSpan, timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, stall.Token);
        var buffer = ArrayPool<byte>.Shared.Rent(1 << 16);
        try
        {
            var body = await content.ReadAsStreamAsync(linked.Token).ConfigureAwait(false);
            await using (body.ConfigureAwait(false))
            {
                var file = new FileStream(path, append ? FileMode.Append : FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16, useAsync: true);
                await using (file.ConfigureAwait(false))
                {
                    while (true)
                    {
                        stall.CancelAfter(StallTimeout);
                        var read = await body.ReadAsync(buffer, linked.Token).ConfigureAwait(false);
                        if (read == 0)
                        {
                            break;
                        }

                        await file.WriteAsync(buffer.AsMemory(0, read), cancellationToken).ConfigureAwait(false);
                    }

                    // On disk before the rename that makes it the model: a crash must not leave a short "complete" file.
                    await file.FlushAsync(cancellationToken).ConfigureAwait(false);
                    file.Flush(flushToDisk: true);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Downloading model {Url} from byte {Offset} of {TotalBytes}")]
    private partial void LogDownloading(string url, long offset, long totalBytes);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Model download {Url} interrupted after {Bytes} bytes ({Reason}); resuming")]
    private partial void LogInterrupted(string url, long bytes, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Partial model download {Url} of {Bytes} bytes cannot be resumed; starting over")]
    private partial void LogRestarting(string url, long bytes);
}
