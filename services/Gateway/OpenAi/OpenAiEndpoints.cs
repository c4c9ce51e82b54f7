using System.Globalization;
using System.Text.Json;
using HybridLlm.Contracts;
using HybridLlm.Contracts.Errors;
using HybridLlm.Contracts.Grpc;
using HybridLlm.Contracts.Mapping;
using HybridLlm.Gateway.Routing;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace HybridLlm.Gateway.OpenAi;

/// <summary>
/// The OpenAI-compatible HTTP API: <c>POST /v1/chat/completions</c> (JSON or server-sent events) and
/// <c>GET /v1/models</c>, on the same validation and <see cref="IChatClient"/> pipeline as the gRPC ChatService.
/// </summary>
internal static partial class OpenAiEndpoints
{
    public static IEndpointRouteBuilder MapOpenAiEndpoints(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.MapGroup("/v1");
        group.MapPost("/chat/completions", CompleteAsync);
        group.MapGet("/models", ListModels);
        return endpoints;
    }

    private static async Task CompleteAsync(
        HttpContext context, IChatClient chatClient, ChatRequestValidator validator, TimeProvider timeProvider, ILoggerFactory loggers)
    {
        var cancellationToken = context.RequestAborted;
        OpenAiRequestReader.Parsed parsed;
        List<ChatMessage> messages;
        ChatOptions options;
        try
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body, cancellationToken: cancellationToken);
            parsed = OpenAiRequestReader.Read(body.RootElement, context.Request.Headers);
            validator.Validate(parsed.Request);
            messages = ChatRequestMapper.ToAiMessages(parsed.Request);
            options = ChatRequestMapper.ToAiOptions(parsed.Request);
        }
        catch (JsonException ex)
        {
            await OpenAiErrors.WriteAsync(context.Response, ChatErrorMapper.ToRpcException(
                new ChatServiceException(global::Grpc.Core.StatusCode.InvalidArgument, $"The body is not valid JSON: {ex.Message}"), cancellationToken), cancellationToken);
            return;
        }
        catch (Exception ex) when (ex is ChatServiceException or ArgumentException)
        {
            await OpenAiErrors.WriteAsync(context.Response, ChatErrorMapper.ToRpcException(ex, cancellationToken), cancellationToken);
            return;
        }

        var id = $"chatcmpl-{Guid.NewGuid():N}";
        var created = timeProvider.GetUtcNow().ToUnixTimeSeconds();
        var requestedModel = string.IsNullOrEmpty(parsed.Request.Options.Model) ? RoutingRequest.AutoAlias : parsed.Request.Options.Model;
        if (parsed.Stream)
        {
            await StreamAsync(context, chatClient, messages, options, parsed.IncludeUsage, id, created, requestedModel, loggers.CreateLogger(typeof(OpenAiEndpoints)));
            return;
        }

        try
        {
            var response = await chatClient.GetResponseAsync(messages, options, cancellationToken);
            WriteExplainHeaders(context.Response, response.ModelId, response.AdditionalProperties);
            context.Response.ContentType = "application/json";
            await using var json = new Utf8JsonWriter(context.Response.Body);
            OpenAiResponseWriter.WriteCompletion(json, id, created, response, requestedModel);
            await json.FlushAsync(cancellationToken);
        }
        catch (Exception ex) when (!context.Response.HasStarted)
        {
            await OpenAiErrors.WriteAsync(context.Response, ChatErrorMapper.ToRpcException(ex, cancellationToken), cancellationToken);
        }
    }

    /// <summary>
    /// Server-sent events in OpenAI's chunk format. A failure before the first byte is an ordinary HTTP error (the router
    /// may still fail over); after it the stream ends with an explicit <c>error</c> event and no <c>[DONE]</c>, never a
    /// silent success with half an answer.
    /// </summary>
    private static async Task StreamAsync(
        HttpContext context, IChatClient chatClient, List<ChatMessage> messages, ChatOptions options, bool includeUsage,
        string id, long created, string requestedModel, ILogger logger)
    {
        var cancellationToken = context.RequestAborted;
        var response = context.Response;
        var buffer = new System.Buffers.ArrayBufferWriter<byte>();
        await using var json = new Utf8JsonWriter(buffer);
        UsageDetails? usage = null;
        ChatFinishReason? finish = null;
        string? model = null;
        var metadata = new AdditionalPropertiesDictionary();
        var toolCalls = new List<FunctionCallContent>();
        try
        {
            await foreach (var update in chatClient.GetStreamingResponseAsync(messages, options, cancellationToken))
            {
                model = update.ModelId ?? model;
                finish = update.FinishReason ?? finish;
                usage = update.Contents.OfType<UsageContent>().LastOrDefault()?.Details ?? usage;
                toolCalls.AddRange(update.Contents.OfType<FunctionCallContent>());
                if (update.AdditionalProperties is { } props)
                {
                    foreach (var (key, value) in props)
                    {
                        metadata[key] = value;
                    }
                }

                if (update.Text is { Length: > 0 } text)
                {
                    StartEventStream(response);
                    OpenAiResponseWriter.WriteChunk(json, id, created, model ?? requestedModel, text, null);
                    await SendAsync(response, json, buffer, cancellationToken);
                }
            }

            StartEventStream(response);
            if (toolCalls.Count > 0)
            {
                OpenAiResponseWriter.WriteChunk(json, id, created, model ?? requestedModel, null, null, toolCalls);
                await SendAsync(response, json, buffer, cancellationToken);
            }

            OpenAiResponseWriter.WriteChunk(json, id, created, model ?? requestedModel, null, OpenAiResponseWriter.FinishReason(finish) ?? "stop");
            await SendAsync(response, json, buffer, cancellationToken);
            if (includeUsage)
            {
                OpenAiResponseWriter.WriteUsageChunk(json, id, created, model ?? requestedModel, usage, metadata);
                await SendAsync(response, json, buffer, cancellationToken);
            }

            await response.WriteAsync("data: [DONE]\n\n", cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            var error = ChatErrorMapper.ToRpcException(ex, cancellationToken);
            if (!response.HasStarted)
            {
                await OpenAiErrors.WriteAsync(response, error, cancellationToken);
                return;
            }

            LogStreamFailed(logger, error.StatusCode);
            OpenAiErrors.WriteBody(json, error);
            await SendAsync(response, json, buffer, cancellationToken);
        }
    }

    private static void StartEventStream(HttpResponse response)
    {
        if (!response.HasStarted)
        {
            response.ContentType = "text/event-stream";
            response.Headers.CacheControl = "no-cache";
        }
    }

    private static async Task SendAsync(HttpResponse response, Utf8JsonWriter json, System.Buffers.ArrayBufferWriter<byte> buffer, CancellationToken cancellationToken)
    {
        await json.FlushAsync(cancellationToken);
        await response.Body.WriteAsync("data: "u8.ToArray(), cancellationToken);
        await response.Body.WriteAsync(buffer.WrittenMemory, cancellationToken);
        await response.Body.WriteAsync("\n\n"u8.ToArray(), cancellationToken);
        await response.Body.FlushAsync(cancellationToken);
        buffer.Clear();
        json.Reset(buffer);
    }

    private static IResult ListModels(IOptionsMonitor<RoutingOptions> routing)
    {
        var ids = new[] { RoutingRequest.AutoAlias }.Concat(routing.CurrentValue.Aliases.Keys.Order(StringComparer.Ordinal));
        return Results.Json(new
        {
            @object = "list",
            data = ids.Select(id => new { id, @object = "model", created = 0, owned_by = "hybridllm" }),
        });
    }

    /// <summary>Explain headers on every answer; values are percent-encoded so any reason text stays valid ASCII.</summary>
    private static void WriteExplainHeaders(HttpResponse response, string? modelId, AdditionalPropertiesDictionary? props)
    {
        response.Headers["x-hybridllm-route"] = ChatMetadata.GetString(props, ChatMetadata.Route) ?? string.Empty;
        response.Headers["x-hybridllm-model"] = Uri.EscapeDataString(modelId ?? string.Empty);
        response.Headers["x-hybridllm-cache"] = ChatMetadata.GetBool(props, ChatMetadata.CacheHit) ? "hit" : "miss";
        response.Headers["x-hybridllm-attempts"] = ((int)ChatMetadata.GetDouble(props, ChatMetadata.Attempts)).ToString(CultureInfo.InvariantCulture);
        if (ChatMetadata.GetBool(props, ChatMetadata.Degraded))
        {
            response.Headers["x-hybridllm-degraded"] = "true";
        }
        response.Headers["x-hybridllm-cost-usd"] = ChatMetadata.GetDouble(props, ChatMetadata.CostUsd).ToString("0.##########", CultureInfo.InvariantCulture);
        response.Headers["x-hybridllm-reasons"] = Uri.EscapeDataString(string.Join("; ", ChatMetadata.GetReasons(props)));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stream failed after output began ({Status}); ended with an explicit error event")]
    private static partial void LogStreamFailed(ILogger logger, global::Grpc.Core.StatusCode status);
}
