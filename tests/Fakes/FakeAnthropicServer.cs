using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace HybridLlm.Testing.Fakes;

/// <summary>
/// A fake Anthropic Messages API over real HTTP. Answers <c>POST /v1/messages</c> with <see cref="ReplyText"/>, as JSON or,
/// for <c>"stream": true</c>, as the SSE event sequence (message_start, content_block_*, message_delta, message_stop).
/// </summary>
public sealed class FakeAnthropicServer : IAsyncDisposable, IFakeVendor
{
    private FakeVendorHost _host = null!;

    private FakeAnthropicServer()
    {
    }

    /// <summary>Root address of the server, without <c>/v1</c>.</summary>
    public Uri BaseAddress => _host.BaseAddress;

    /// <summary>The assistant text every successful answer carries.</summary>
    public string ReplyText { get; set; } = "Hello from the fake Anthropic server.";

    /// <summary>Reported <c>usage.input_tokens</c>.</summary>
    public int InputTokens { get; set; } = 14;

    /// <summary>Reported <c>usage.output_tokens</c>.</summary>
    public int OutputTokens { get; set; } = 9;

    /// <summary>Reported <c>usage.cache_read_input_tokens</c> (prompt tokens served from the cache, besides input_tokens).</summary>
    public int CacheReadInputTokens { get; set; }

    /// <summary>Reported <c>usage.cache_creation_input_tokens</c> (prompt tokens written to the cache, besides input_tokens).</summary>
    public int CacheCreationInputTokens { get; set; }

    /// <summary>Every request received so far, in arrival order (a snapshot).</summary>
    public IReadOnlyList<RecordedRequest> Requests => _host.Requests;

    /// <summary>Number of requests received so far.</summary>
    public int Calls => _host.Calls;

    /// <summary>Starts the server on 127.0.0.1 with an ephemeral port.</summary>
    public static async Task<FakeAnthropicServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var server = new FakeAnthropicServer();
        server._host = await FakeVendorHost.StartAsync(server, cancellationToken).ConfigureAwait(false);
        return server;
    }

    /// <summary>Queues a fault for the next request that has none yet (one fault per request, first in first out).</summary>
    public void EnqueueFault(FakeFault fault) => _host.EnqueueFault(fault);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _host.DisposeAsync();

    string IFakeVendor.ErrorBody(int statusCode)
    {
        var type = statusCode switch
        {
            429 => "rate_limit_error",
            529 => "overloaded_error",
            >= 500 => "api_error",
            401 => "authentication_error",
            _ => "invalid_request_error",
        };
        return JsonSerializer.Serialize(new { type = "error", error = new { type, message = $"Fake failure {statusCode}" } });
    }

    async Task IFakeVendor.ReplyAsync(HttpContext context, RecordedRequest request, FakeFault? fault)
    {
        if (!HttpMethods.IsPost(request.Method) || request.Path != "/v1/messages")
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (!TryReadRequest(request.Body, out var model, out var stream))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (stream)
        {
            await FakeSse.WriteAsync(context, StreamEvents(model), fault).ConfigureAwait(false);
            return;
        }

        context.Response.ContentType = "application/json";
        var body = fault?.MalformedJson == true
            ? "{\"id\":\"msg_fake\",\"type\":\"message\",\"content\":[{\"type\":\"text\",\"text\":\"trunc"
            : JsonSerializer.Serialize(new
            {
                id = "msg_fake",
                type = "message",
                role = "assistant",
                model,
                content = new[] { new { type = "text", text = ReplyText } },
                stop_reason = "end_turn",
                stop_sequence = (string?)null,
                usage = Usage(OutputTokens),
            });
        await context.Response.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }

    private static bool TryReadRequest(string body, out string model, out bool stream)
    {
        (model, stream) = ("", false);
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            model = root.TryGetProperty("model", out var m) ? m.GetString() ?? "" : "";
            stream = root.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.True;
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private IEnumerable<(string?, string)> StreamEvents(string model)
    {
        yield return ("message_start", JsonSerializer.Serialize(new
        {
            type = "message_start",
            message = new
            {
                id = "msg_fake",
                type = "message",
                role = "assistant",
                model,
                content = Array.Empty<object>(),
                stop_reason = (string?)null,
                stop_sequence = (string?)null,
                usage = Usage(1),
            },
        }));
        yield return ("content_block_start", """{"type":"content_block_start","index":0,"content_block":{"type":"text","text":""}}""");
        yield return ("ping", """{"type":"ping"}""");
        foreach (var piece in FakeSse.Pieces(ReplyText))
        {
            yield return ("content_block_delta", JsonSerializer.Serialize(new
            {
                type = "content_block_delta",
                index = 0,
                delta = new { type = "text_delta", text = piece },
            }));
        }

        yield return ("content_block_stop", """{"type":"content_block_stop","index":0}""");
        // Like the live API, message_delta carries cumulative usage including the input tokens.
        yield return ("message_delta", JsonSerializer.Serialize(new
        {
            type = "message_delta",
            delta = new { stop_reason = "end_turn", stop_sequence = (string?)null },
            usage = Usage(OutputTokens),
        }));
        yield return ("message_stop", """{"type":"message_stop"}""");
    }

    private object Usage(int output) => new
    {
        input_tokens = InputTokens,
        output_tokens = output,
        cache_creation_input_tokens = CacheCreationInputTokens,
        cache_read_input_tokens = CacheReadInputTokens,
    };
}
