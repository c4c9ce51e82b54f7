using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace HybridLlm.LocalInference.Tests.Support;

/// <summary>
/// A real Kestrel server on 127.0.0.1 (ephemeral port) standing in for a model hub. Each request goes to
/// <see cref="Handler"/> with its 1-based number; the request headers are recorded.
/// </summary>
internal sealed class ModelFileServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<HeaderDictionary> _requests = new();
    private int _count;

    private ModelFileServer(WebApplication app) => _app = app;

    public required Func<HttpContext, int, Task> Handler { get; init; }

    public Uri BaseAddress { get; private set; } = null!;

    /// <summary>Headers of every request received (copies: Kestrel reuses its own), in arrival order.</summary>
    public IReadOnlyList<IHeaderDictionary> Requests => [.. _requests];

    public static async Task<ModelFileServer> StartAsync(Func<HttpContext, int, Task> handler)
    {
        // The empty builder reads no appsettings.json: the output folder carries the service's Kestrel endpoints.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        var server = new ModelFileServer(app) { Handler = handler };
        app.Run(context =>
        {
            server._requests.Enqueue(new HeaderDictionary(context.Request.Headers.ToDictionary(h => h.Key, h => h.Value)));
            return server.Handler(context, Interlocked.Increment(ref server._count));
        });
        await app.StartAsync();
        server.BaseAddress = new Uri(app.Urls.First());
        return server;
    }

    public Uri Url(string path) => new(BaseAddress, path);

    /// <summary>Serves <paramref name="bytes"/>, honouring a <c>Range: bytes=N-</c> request with 206.</summary>
    public static async Task ServeAsync(HttpContext context, byte[] bytes, string? linkedEtag = null)
    {
        if (linkedEtag is not null)
        {
            context.Response.Headers["X-Linked-Etag"] = $"\"{linkedEtag}\"";
        }

        var from = 0;
        if (context.Request.Headers.Range.ToString() is { Length: > 0 } range && range.StartsWith("bytes=", StringComparison.Ordinal))
        {
            from = int.Parse(range["bytes=".Length..].TrimEnd('-'), System.Globalization.CultureInfo.InvariantCulture);
            context.Response.StatusCode = StatusCodes.Status206PartialContent;
            context.Response.Headers.ContentRange = $"bytes {from}-{bytes.Length - 1}/{bytes.Length}";
        }

        context.Response.ContentLength = bytes.Length - from;
        await context.Response.Body.WriteAsync(bytes.AsMemory(from), context.RequestAborted);
    }

    /// <summary>Promises all of <paramref name="bytes"/>, sends the first <paramref name="sent"/>, then drops the connection.</summary>
    public static async Task DropAfterAsync(HttpContext context, byte[] bytes, int sent, string? linkedEtag = null)
    {
        if (linkedEtag is not null)
        {
            context.Response.Headers["X-Linked-Etag"] = $"\"{linkedEtag}\"";
        }

        context.Response.ContentLength = bytes.Length;
        await context.Response.Body.WriteAsync(bytes.AsMemory(0, sent), context.RequestAborted);
        await context.Response.Body.FlushAsync(context.RequestAborted);
        context.Abort();
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
