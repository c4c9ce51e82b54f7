using System.Security.Cryptography;
using HybridLlm.LocalInference.Llama;
using HybridLlm.LocalInference.ModelFiles;
using HybridLlm.LocalInference.Tests.Support;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace HybridLlm.LocalInference.Tests;

/// <summary>Model acquisition against a real HTTP server on loopback serving the real stories260K file.</summary>
public sealed class ModelFileAcquirerTests : IDisposable
{
    private static readonly byte[] Model = File.ReadAllBytes(StoriesModel.Path);
    private readonly string _cache = Path.Combine(Path.GetTempPath(), $"hybridllm-cache-{Guid.NewGuid():N}");

    [Fact]
    public async Task Acquire_WholeFileWithPinnedDigest_StoresItUnderItsFinalNameWithNoPartialLeft()
    {
        await using var server = await ModelFileServer.StartAsync((context, _) => ModelFileServer.ServeAsync(context, Model));
        var url = server.Url("/models/stories260K.gguf");

        var file = await Acquirer(url, pin: StoriesModel.Digest).AcquireAsync(CancellationToken.None);

        Assert.Equal(StoriesModel.Digest, file.Sha256);
        Assert.Equal("stories260K.gguf", Path.GetFileName(file.Path));
        Assert.Equal(Model, await File.ReadAllBytesAsync(file.Path));
        Assert.False(File.Exists(file.Path + ".partial"));
    }

    [Fact]
    public async Task Acquire_NoPinButHubStyleRedirectWithLinkedEtag_VerifiesAgainstTheStatedDigest()
    {
        // Like Hugging Face: the resolve URL answers 302 with X-Linked-Etag; the CDN it points to states nothing.
        await using var server = await ModelFileServer.StartAsync((context, _) =>
        {
            if (context.Request.Path.StartsWithSegments("/resolve"))
            {
                context.Response.StatusCode = StatusCodes.Status302Found;
                context.Response.Headers["X-Linked-Etag"] = $"\"{StoriesModel.Digest}\"";
                context.Response.Headers.Location = "/cdn/blob";
                return Task.CompletedTask;
            }

            return ModelFileServer.ServeAsync(context, Model);
        });

        var file = await Acquirer(server.Url("/resolve/main/stories260K.gguf"), pin: null).AcquireAsync(CancellationToken.None);

        Assert.Equal(StoriesModel.Digest, file.Sha256);
        Assert.Equal(2, server.Requests.Count);
    }

    [Fact]
    public async Task Acquire_NoPinAndNoServerDigest_IsRefusedBeforeDownloading()
    {
        await using var server = await ModelFileServer.StartAsync((context, _) => ModelFileServer.ServeAsync(context, Model));
        var acquirer = Acquirer(server.Url("/stories260K.gguf"), pin: null);

        var error = await Assert.ThrowsAsync<ModelIntegrityException>(() => acquirer.AcquireAsync(CancellationToken.None));

        Assert.Contains("LocalInference:ModelSha256", error.Message, StringComparison.Ordinal);
        Assert.Contains("X-Linked-Etag", error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(_cache, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Acquire_TruncatedDownload_IsRefusedNamingExpectedAndActualDigestAndKeepsNoFile()
    {
        var truncated = Model[..(Model.Length / 2)];
        await using var server = await ModelFileServer.StartAsync((context, _) => ModelFileServer.ServeAsync(context, truncated));
        var acquirer = Acquirer(server.Url("/stories260K.gguf"), pin: StoriesModel.Digest);

        var error = await Assert.ThrowsAsync<ModelIntegrityException>(() => acquirer.AcquireAsync(CancellationToken.None));

        var actual = Convert.ToHexStringLower(SHA256.HashData(truncated));
        Assert.Equal(StoriesModel.Digest, error.ExpectedSha256);
        Assert.Equal(actual, error.ActualSha256);
        Assert.Contains(StoriesModel.Digest, error.Message, StringComparison.Ordinal);
        Assert.Contains(actual, error.Message, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFiles(_cache, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Acquire_CorruptedDownloadAgainstServerDigest_IsRefusedAndNeverGetsItsFinalName()
    {
        var corrupted = (byte[])Model.Clone();
        corrupted[corrupted.Length / 3] ^= 0xFF;
        await using var server = await ModelFileServer.StartAsync((context, _) =>
            ModelFileServer.ServeAsync(context, corrupted, linkedEtag: StoriesModel.Digest));
        var url = server.Url("/stories260K.gguf");

        var error = await Assert.ThrowsAsync<ModelIntegrityException>(() => Acquirer(url, pin: null).AcquireAsync(CancellationToken.None));

        Assert.Equal(StoriesModel.Digest, error.ExpectedSha256);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(corrupted)), error.ActualSha256);
        Assert.Contains("X-Linked-Etag", error.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(ModelFileAcquirer.CachePath(_cache, url)));
    }

    [Fact]
    public async Task Acquire_ConnectionDroppedMidway_ResumesWithRangeAndEndsWithTheRightDigest()
    {
        await using var server = await ModelFileServer.StartAsync((context, attempt) => attempt == 1
            ? ModelFileServer.DropAfterAsync(context, Model, sent: Model.Length / 2)
            : ModelFileServer.ServeAsync(context, Model));

        var file = await Acquirer(server.Url("/stories260K.gguf"), pin: StoriesModel.Digest).AcquireAsync(CancellationToken.None);

        Assert.Equal(2, server.Requests.Count);
        Assert.Empty(server.Requests[0].Range.ToString());
        var range = server.Requests[1].Range.ToString();
        Assert.StartsWith("bytes=", range, StringComparison.Ordinal);
        Assert.True(long.Parse(range[6..^1], System.Globalization.CultureInfo.InvariantCulture) > 0, range);
        Assert.Equal(StoriesModel.Digest, file.Sha256);
        Assert.Equal(StoriesModel.Digest, Convert.ToHexStringLower(SHA256.HashData(await File.ReadAllBytesAsync(file.Path))));
    }

    [Fact]
    public async Task Acquire_VerifiedFileInCache_IsReusedWithoutAnotherDownload()
    {
        await using var server = await ModelFileServer.StartAsync((context, _) =>
            ModelFileServer.ServeAsync(context, Model, linkedEtag: StoriesModel.Digest));
        var url = server.Url("/stories260K.gguf");
        var first = await Acquirer(url, pin: null).AcquireAsync(CancellationToken.None);

        var second = await Acquirer(url, pin: null).AcquireAsync(CancellationToken.None);

        Assert.Single(server.Requests);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task Acquire_CachedFileCorruptedOnDisk_IsDownloadedAgain()
    {
        await using var server = await ModelFileServer.StartAsync((context, _) =>
            ModelFileServer.ServeAsync(context, Model, linkedEtag: StoriesModel.Digest));
        var url = server.Url("/stories260K.gguf");
        var first = await Acquirer(url, pin: null).AcquireAsync(CancellationToken.None);
        await using (var stream = File.OpenWrite(first.Path))
        {
            stream.Position = 100;
            stream.WriteByte(0x42);
        }

        var second = await Acquirer(url, pin: null).AcquireAsync(CancellationToken.None);

        Assert.Equal(2, server.Requests.Count);
        Assert.Equal(StoriesModel.Digest, second.Sha256);
        Assert.Equal(Model, await File.ReadAllBytesAsync(second.Path));
    }

    [Fact]
    public async Task Acquire_LocalFileWithWrongPin_IsRefusedNamingBothDigests()
    {
        var wrong = new string('0', 64);

        var error = await Assert.ThrowsAsync<ModelIntegrityException>(() =>
            Acquirer(StoriesModel.Path, pin: wrong).AcquireAsync(CancellationToken.None));

        Assert.Equal(wrong, error.ExpectedSha256);
        Assert.Equal(StoriesModel.Digest, error.ActualSha256);
        Assert.Contains(StoriesModel.Path, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Acquire_LocalFileWithMatchingPin_ReturnsItsDigest()
    {
        var file = await Acquirer(StoriesModel.Path, pin: "sha256:" + StoriesModel.Digest.ToUpperInvariant()).AcquireAsync(CancellationToken.None);

        Assert.Equal(new ModelFile(StoriesModel.Path, StoriesModel.Digest), file);
    }

    public void Dispose()
    {
        if (Directory.Exists(_cache))
        {
            Directory.Delete(_cache, recursive: true);
        }
    }

    private ModelFileAcquirer Acquirer(Uri url, string? pin) => Acquirer(url.ToString(), pin);

    private ModelFileAcquirer Acquirer(string model, string? pin)
    {
        var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false });
        var downloader = new ModelDownloader(http, TimeProvider.System, NullLogger<ModelDownloader>.Instance);
        var options = Options.Create(new LlamaOptions { Model = model, ModelSha256 = pin, ModelCacheDirectory = _cache });
        return new ModelFileAcquirer(options, downloader, NullLogger<ModelFileAcquirer>.Instance);
    }
}
