using System.Text.Json;
using HybridLlm.Contracts;
using HybridLlm.Contracts.Mapping;
using Microsoft.Extensions.AI;

namespace HybridLlm.Gateway.OpenAi;

/// <summary>Writes answers in the OpenAI chat completion shapes, plus a <c>hybridllm</c> object that explains them.</summary>
internal static class OpenAiResponseWriter
{
    public static void WriteCompletion(Utf8JsonWriter json, string id, long created, ChatResponse response, string requestedModel)
    {
        json.WriteStartObject();
        json.WriteString("id", id);
        json.WriteString("object", "chat.completion");
        json.WriteNumber("created", created);
        json.WriteString("model", response.ModelId ?? requestedModel);
        json.WriteStartArray("choices");
        json.WriteStartObject();
        json.WriteNumber("index", 0);
        json.WriteStartObject("message");
        json.WriteString("role", "assistant");
        var calls = ToolMapper.CallsIn(response.Messages).ToList();
        if (calls.Count > 0 && response.Text.Length == 0)
        {
            json.WriteNull("content");
        }
        else
        {
            json.WriteString("content", response.Text);
        }

        if (calls.Count > 0)
        {
            WriteToolCalls(json, calls, withIndex: false);
        }

        json.WriteEndObject();
        json.WriteString("finish_reason", FinishReason(response.FinishReason) ?? "stop");
        json.WriteEndObject();
        json.WriteEndArray();
        WriteUsage(json, response.Usage);
        WriteExplain(json, response.AdditionalProperties);
        json.WriteEndObject();
    }

    public static void WriteChunk(
        Utf8JsonWriter json, string id, long created, string model, string? content, string? finishReason, IReadOnlyList<FunctionCallContent>? toolCalls = null)
    {
        json.WriteStartObject();
        json.WriteString("id", id);
        json.WriteString("object", "chat.completion.chunk");
        json.WriteNumber("created", created);
        json.WriteString("model", model);
        json.WriteStartArray("choices");
        json.WriteStartObject();
        json.WriteNumber("index", 0);
        json.WriteStartObject("delta");
        if (content is not null)
        {
            json.WriteString("content", content);
        }

        if (toolCalls is { Count: > 0 })
        {
            WriteToolCalls(json, toolCalls, withIndex: true);
        }

        json.WriteEndObject();
        if (finishReason is null)
        {
            json.WriteNull("finish_reason");
        }
        else
        {
            json.WriteString("finish_reason", finishReason);
        }

        json.WriteEndObject();
        json.WriteEndArray();
        json.WriteEndObject();
    }

    /// <summary>The usage chunk OpenAI sends last when <c>stream_options.include_usage</c> is set: no choices.</summary>
    public static void WriteUsageChunk(Utf8JsonWriter json, string id, long created, string model, UsageDetails? usage, AdditionalPropertiesDictionary? metadata)
    {
        json.WriteStartObject();
        json.WriteString("id", id);
        json.WriteString("object", "chat.completion.chunk");
        json.WriteNumber("created", created);
        json.WriteString("model", model);
        json.WriteStartArray("choices");
        json.WriteEndArray();
        WriteUsage(json, usage);
        WriteExplain(json, metadata);
        json.WriteEndObject();
    }

    public static string? FinishReason(ChatFinishReason? reason) =>
        reason == ChatFinishReason.Stop ? "stop"
        : reason == ChatFinishReason.Length ? "length"
        : reason == ChatFinishReason.ContentFilter ? "content_filter"
        : reason == ChatFinishReason.ToolCalls ? "tool_calls"
        : null;

    private static void WriteToolCalls(Utf8JsonWriter json, IReadOnlyList<FunctionCallContent> calls, bool withIndex)
    {
        json.WriteStartArray("tool_calls");
        for (var i = 0; i < calls.Count; i++)
        {
            var call = ToolMapper.ToProto(calls[i]);
            json.WriteStartObject();
            if (withIndex)
            {
                json.WriteNumber("index", i);
            }

            json.WriteString("id", call.Id);
            json.WriteString("type", "function");
            json.WriteStartObject("function");
            json.WriteString("name", call.Name);
            json.WriteString("arguments", call.ArgumentsJson);
            json.WriteEndObject();
            json.WriteEndObject();
        }

        json.WriteEndArray();
    }

    private static void WriteUsage(Utf8JsonWriter json, UsageDetails? usage)
    {
        long input = usage?.InputTokenCount ?? 0, output = usage?.OutputTokenCount ?? 0;
        json.WriteStartObject("usage");
        json.WriteNumber("prompt_tokens", input);
        json.WriteNumber("completion_tokens", output);
        json.WriteNumber("total_tokens", input + output);
        json.WriteStartObject("prompt_tokens_details");
        json.WriteNumber("cached_tokens", usage?.CachedInputTokenCount ?? 0);
        json.WriteEndObject();
        json.WriteStartObject("completion_tokens_details");
        json.WriteNumber("reasoning_tokens", usage?.ReasoningTokenCount ?? 0);
        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteExplain(Utf8JsonWriter json, AdditionalPropertiesDictionary? props)
    {
        json.WriteStartObject("hybridllm");
        json.WriteString("route", ChatMetadata.GetString(props, ChatMetadata.Route));
        json.WriteBoolean("cache_hit", ChatMetadata.GetBool(props, ChatMetadata.CacheHit));
        json.WriteNumber("cost_usd", ChatMetadata.GetDouble(props, ChatMetadata.CostUsd));
        json.WriteStartArray("decision_reasons");
        foreach (var reason in ChatMetadata.GetReasons(props))
        {
            json.WriteStringValue(reason);
        }

        json.WriteEndArray();
        json.WriteEndObject();
    }
}
