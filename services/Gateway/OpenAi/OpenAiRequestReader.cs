using System.Diagnostics.CodeAnalysis;
using System.Text;
using System.Text.Json;
using Grpc.Core;
using HybridLlm.Contracts.Errors;
using HybridLlm.Grpc.V1;
using Microsoft.AspNetCore.Http;

namespace HybridLlm.Gateway.OpenAi;

/// <summary>
/// Reads an OpenAI <c>POST /v1/chat/completions</c> body into the gRPC contract's <see cref="ChatRequest"/>, so the HTTP
/// API shares validation, mapping and pipeline with gRPC. Malformed input is an INVALID_ARGUMENT naming the field.
/// </summary>
internal static class OpenAiRequestReader
{
    public sealed record Parsed(ChatRequest Request, bool Stream, bool IncludeUsage);

    public static Parsed Read(JsonElement body, IHeaderDictionary headers)
    {
        if (body.ValueKind != JsonValueKind.Object)
        {
            Invalid("The request body must be a JSON object.");
        }

        var request = new ChatRequest { Options = new ChatOptions(), Hints = RoutingHeaders.Read(headers) };
        if (body.TryGetProperty("model", out var model))
        {
            request.Options.Model = model.ValueKind == JsonValueKind.String ? model.GetString()! : Invalid<string>("model: must be a string.");
        }

        if (!body.TryGetProperty("messages", out var messages) || messages.ValueKind != JsonValueKind.Array)
        {
            Invalid("messages: required, an array of {role, content}.");
        }

        var index = 0;
        foreach (var message in messages.EnumerateArray())
        {
            request.Messages.Add(ReadMessage(message, index++));
        }

        ReadOptions(body, request.Options);
        ReadHybridHints(body, request.Hints);
        var stream = body.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.True;
        var includeUsage = body.TryGetProperty("stream_options", out var so) && so.ValueKind == JsonValueKind.Object
            && so.TryGetProperty("include_usage", out var iu) && iu.ValueKind == JsonValueKind.True;
        return new Parsed(request, stream, includeUsage);
    }

    private static Grpc.V1.ChatMessage ReadMessage(JsonElement message, int index)
    {
        var roleElement = message.ValueKind == JsonValueKind.Object && message.TryGetProperty("role", out var r) ? r : default;
        if (roleElement.ValueKind != JsonValueKind.String)
        {
            Invalid($"messages[{index}]: must be an object with a string role.");
        }

        var role = roleElement.GetString() switch
        {
            "system" or "developer" => ChatRole.System,
            "user" => ChatRole.User,
            "assistant" => ChatRole.Assistant,
            "tool" => ChatRole.Tool,
            var other => Invalid<ChatRole>($"messages[{index}].role: '{other}' is not supported; use system, developer, user, assistant or tool."),
        };
        var result = new Grpc.V1.ChatMessage { Role = role, Text = ReadContent(message, index) };
        if (message.TryGetProperty("tool_call_id", out var callId) && callId.ValueKind == JsonValueKind.String)
        {
            result.ToolCallId = callId.GetString()!;
        }

        if (message.TryGetProperty("tool_calls", out var calls) && calls.ValueKind == JsonValueKind.Array)
        {
            foreach (var call in calls.EnumerateArray())
            {
                result.ToolCalls.Add(ReadToolCall(call, index));
            }
        }

        return result;
    }

    private static ToolCall ReadToolCall(JsonElement call, int index)
    {
        var function = call.ValueKind == JsonValueKind.Object && call.TryGetProperty("function", out var f) && f.ValueKind == JsonValueKind.Object ? f : default;
        var id = call.ValueKind == JsonValueKind.Object && call.TryGetProperty("id", out var i) ? i : default;
        var name = function.ValueKind == JsonValueKind.Object && function.TryGetProperty("name", out var n) ? n : default;
        if (id.ValueKind != JsonValueKind.String || name.ValueKind != JsonValueKind.String)
        {
            Invalid($"messages[{index}].tool_calls: each call needs id and function.name.");
        }

        var arguments = function.TryGetProperty("arguments", out var args) && args.ValueKind == JsonValueKind.String ? args.GetString()! : "{}";
        return new ToolCall { Id = id.GetString()!, Name = name.GetString()!, ArgumentsJson = arguments };
    }

    private static string ReadContent(JsonElement message, int index)
    {
        if (!message.TryGetProperty("content", out var content) || content.ValueKind == JsonValueKind.Null)
        {
            return string.Empty;
        }

        if (content.ValueKind == JsonValueKind.String)
        {
            return content.GetString()!;
        }

        if (content.ValueKind != JsonValueKind.Array)
        {
            Invalid($"messages[{index}].content: must be a string or an array of text parts.");
        }

        var text = new StringBuilder();
        foreach (var part in content.EnumerateArray())
        {
            var isText = part.ValueKind == JsonValueKind.Object && part.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "text";
            var partText = isText && part.TryGetProperty("text", out var t) ? t : default;
            if (partText.ValueKind != JsonValueKind.String)
            {
                Invalid($"messages[{index}].content: only text parts ({{\"type\":\"text\",\"text\":...}}) are supported.");
            }

            text.Append(partText.GetString());
        }

        return text.ToString();
    }

    private static void ReadOptions(JsonElement body, ChatOptions options)
    {
        if ((ReadInt(body, "max_completion_tokens") ?? ReadInt(body, "max_tokens")) is { } max)
        {
            options.MaxOutputTokens = max;
        }

        if (ReadNumber(body, "temperature") is { } temperature)
        {
            options.Temperature = (float)temperature;
        }

        if (ReadNumber(body, "top_p") is { } topP)
        {
            options.TopP = (float)topP;
        }

        if (body.TryGetProperty("seed", out var seed) && seed.ValueKind != JsonValueKind.Null)
        {
            options.Seed = seed.ValueKind == JsonValueKind.Number && seed.TryGetInt64(out var value) ? value : Invalid<long>("seed: must be an integer.");
        }

        if (body.TryGetProperty("stop", out var stop))
        {
            switch (stop.ValueKind)
            {
                case JsonValueKind.String:
                    options.StopSequences.Add(stop.GetString()!);
                    break;
                case JsonValueKind.Array:
                    options.StopSequences.AddRange(stop.EnumerateArray().Select(e => e.ValueKind == JsonValueKind.String ? e.GetString()! : Invalid<string>("stop: must be a string or an array of strings.")));
                    break;
                case JsonValueKind.Null:
                    break;
                default:
                    Invalid("stop: must be a string or an array of strings.");
                    break;
            }
        }

        if (body.TryGetProperty("response_format", out var format) && format.ValueKind == JsonValueKind.Object
            && format.TryGetProperty("type", out var formatType))
        {
            options.JsonSchema = formatType.GetString() switch
            {
                "json_schema" when format.TryGetProperty("json_schema", out var js) && js.TryGetProperty("schema", out var schema) => schema.GetRawText(),
                "json_schema" => Invalid<string>("response_format.json_schema.schema: required for type json_schema."),
                "json_object" => """{"type":"object"}""",
                "text" => string.Empty,
                var other => Invalid<string>($"response_format.type: '{other}' is not supported."),
            };
        }

        if (body.TryGetProperty("tools", out var tools) && tools.ValueKind == JsonValueKind.Array)
        {
            foreach (var tool in tools.EnumerateArray())
            {
                var function = tool.ValueKind == JsonValueKind.Object && tool.TryGetProperty("function", out var f) && f.ValueKind == JsonValueKind.Object ? f : default;
                var name = function.ValueKind == JsonValueKind.Object && function.TryGetProperty("name", out var n) ? n : default;
                if (name.ValueKind != JsonValueKind.String)
                {
                    Invalid("tools: each tool needs {\"type\":\"function\",\"function\":{\"name\":...}}.");
                }

                options.Tools.Add(new ToolDefinition
                {
                    Name = name.GetString()!,
                    Description = function.TryGetProperty("description", out var d) && d.ValueKind == JsonValueKind.String ? d.GetString()! : string.Empty,
                    ParametersJsonSchema = function.TryGetProperty("parameters", out var p) && p.ValueKind == JsonValueKind.Object ? p.GetRawText() : string.Empty,
                });
            }
        }

        if (body.TryGetProperty("tool_choice", out var choice))
        {
            options.ToolChoice = choice.ValueKind switch
            {
                JsonValueKind.String => choice.GetString()!,
                JsonValueKind.Object when choice.TryGetProperty("function", out var cf) && cf.TryGetProperty("name", out var cn) && cn.ValueKind == JsonValueKind.String => cn.GetString()!,
                JsonValueKind.Null => string.Empty,
                _ => Invalid<string>("tool_choice: must be auto, none, required or {\"type\":\"function\",\"function\":{\"name\":...}}."),
            };
        }
    }

    /// <summary>Routing hints may also travel in the body as <c>"hybridllm": {"privacy": "private", "route": "local", ...}</c>.</summary>
    private static void ReadHybridHints(JsonElement body, RoutingHints hints)
    {
        if (!body.TryGetProperty("hybridllm", out var extra) || extra.ValueKind != JsonValueKind.Object)
        {
            return;
        }

        foreach (var property in extra.EnumerateObject())
        {
            RoutingHeaders.Apply(hints, property.Name, property.Value.ValueKind == JsonValueKind.String ? property.Value.GetString()! : property.Value.GetRawText());
        }
    }

    private static int? ReadInt(JsonElement body, string name) =>
        body.TryGetProperty(name, out var e) && e.ValueKind != JsonValueKind.Null
            ? (e.ValueKind == JsonValueKind.Number && e.TryGetInt32(out var v) ? v : Invalid<int>($"{name}: must be an integer."))
            : null;

    private static double? ReadNumber(JsonElement body, string name) =>
        body.TryGetProperty(name, out var e) && e.ValueKind != JsonValueKind.Null
            ? (e.ValueKind == JsonValueKind.Number ? e.GetDouble() : Invalid<double>($"{name}: must be a number."))
            : null;

    [DoesNotReturn]
    private static void Invalid(string message) => throw new ChatServiceException(StatusCode.InvalidArgument, message);

    [DoesNotReturn]
    private static T Invalid<T>(string message) => throw new ChatServiceException(StatusCode.InvalidArgument, message);
}
