using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace HybridLlm.Testing.Fakes;

/// <summary>
/// A fake OpenAI-compatible server over real HTTP. Answers <c>POST …/v1/chat/completions</c> (also under a path base such
/// as Azure's <c>/openai/v1/chat/completions</c>) with <see cref="ReplyText"/>, as JSON or, for <c>"stream": true</c>, as SSE
/// chunks followed by a usage chunk when <c>stream_options.include_usage</c> is set, then <c>[DONE]</c>.
/// </summary>
public sealed class FakeOpenAiServer : IAsyncDisposable, IFakeVendor
{
    private FakeVendorHost _host = null!;

    private FakeOpenAiServer()
    {
    }

    /// <summary>Root address of the server, without <c>/v1</c> (e.g. <c>http://127.0.0.1:41234/</c>).</summary>
    public Uri BaseAddress => _host.BaseAddress;

    /// <summary>The assistant text every successful answer carries.</summary>
    public string ReplyText { get; set; } = "Hello from the fake OpenAI server.";

    /// <summary>Reported <c>usage.prompt_tokens</c>.</summary>
    public int InputTokens { get; set; } = 12;

    /// <summary>Reported <c>usage.completion_tokens</c>.</summary>
    public int OutputTokens { get; set; } = 7;

    /// <summary>Reported <c>usage.prompt_tokens_details.cached_tokens</c> (of the input tokens, served from the prompt cache).</summary>
    public int CachedInputTokens { get; set; }

    /// <summary>Reported <c>usage.completion_tokens_details.reasoning_tokens</c> (of the output tokens, hidden reasoning).</summary>
    public int ReasoningTokens { get; set; }

    /// <summary>Every request received so far, in arrival order (a snapshot).</summary>
    public IReadOnlyList<RecordedRequest> Requests => _host.Requests;

    /// <summary>Number of requests received so far.</summary>
    public int Calls => _host.Calls;

    /// <summary>Whether <see cref="Requests"/> keeps every request (default true; a benchmark turns it off).</summary>
    public bool RecordRequests
    {
        get => _host.RecordRequests;
        set => _host.RecordRequests = value;
    }

    /// <summary>Starts the server on 127.0.0.1 with an ephemeral port.</summary>
    public static async Task<FakeOpenAiServer> StartAsync(CancellationToken cancellationToken = default)
    {
        var server = new FakeOpenAiServer();
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
            429 => "rate_limit_exceeded",
            >= 500 => "server_error",
            _ => "invalid_request_error",
        };
        return JsonSerializer.Serialize(new { error = new { message = $"Fake failure {statusCode}", type, param = (string?)null, code = type } });
    }

    async Task IFakeVendor.ReplyAsync(HttpContext context, RecordedRequest request, FakeFault? fault)
    {
        if (!HttpMethods.IsPost(request.Method) || !request.Path.EndsWith("/v1/chat/completions", StringComparison.Ordinal))
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }

        if (!TryReadRequest(request.Body, out var model, out var stream, out var includeUsage))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        if (stream)
        {
            await FakeSse.WriteAsync(context, StreamEvents(model, includeUsage), fault).ConfigureAwait(false);
            return;
        }

        context.Response.ContentType = "application/json";
        var body = fault?.MalformedJson == true
            ? "{\"id\":\"chatcmpl-fake\",\"object\":\"chat.completion\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"trunc"
            : JsonSerializer.Serialize(new
            {
                id = "chatcmpl-fake",
                @object = "chat.completion",
                created = 1_700_000_000,
                model,
                system_fingerprint = "fp_fake",
                choices = new[]
                {
                    new { index = 0, message = new { role = "assistant", content = ReplyText }, finish_reason = "stop" },
                },
                usage = Usage(),
            });
        await context.Response.WriteAsync(body, context.RequestAborted).ConfigureAwait(false);
    }

    private static bool TryReadRequest(string body, out string model, out bool stream, out bool includeUsage)
    {
        (model, stream, includeUsage) = ("", false, false);
        try
        {
            using var json = JsonDocument.Parse(body);
            var root = json.RootElement;
            model = root.TryGetProperty("model", out var m) ? m.GetString() ?? "" : "";
            stream = root.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.True;
            includeUsage = root.TryGetProperty("stream_options", out var o)
                && o.ValueKind == JsonValueKind.Object
                && o.TryGetProperty("include_usage", out var u)
                && u.ValueKind == JsonValueKind.True;
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private IEnumerable<(string?, string)> StreamEvents(string model, bool includeUsage)
    {
        string Chunk(object delta, string? finishReason) => JsonSerializer.Serialize(new
        {
            id = "chatcmpl-fake",
            @object = "chat.completion.chunk",
            created = 1_700_000_000,
            model,
            choices = new[] { new { index = 0, delta, finish_reason = finishReason } },
        });

        yield return (null, Chunk(new { role = "assistant", content = "" }, null));
        foreach (var piece in FakeSse.Pieces(ReplyText))
        {
            yield return (null, Chunk(new { content = piece }, null));
        }

        yield return (null, Chunk(new { }, "stop"));
        if (includeUsage)
        {
            yield return (null, JsonSerializer.Serialize(new
            {
                id = "chatcmpl-fake",
                @object = "chat.completion.chunk",
                created = 1_700_000_000,
                model,
                choices = Array.Empty<object>(),
                usage = Usage(),
            }));
        }

        yield return (null, "[DONE]");
    }

    private object Usage() => new
    {
        prompt_tokens = InputTokens,
        completion_tokens = OutputTokens,
        total_tokens = InputTokens + OutputTokens,
        prompt_tokens_details = new { cached_tokens = CachedInputTokens, audio_tokens = 0 },
        completion_tokens_details = new { reasoning_tokens = ReasoningTokens, audio_tokens = 0, accepted_prediction_tokens = 0, rejected_prediction_tokens = 0 },
    };
}
