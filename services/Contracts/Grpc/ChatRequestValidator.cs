using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using Grpc.Core;
using HybridLlm.Contracts.Errors;
using HybridLlm.Grpc.V1;
using Microsoft.Extensions.Options;

namespace HybridLlm.Contracts.Grpc;

/// <summary>
/// Rejects malformed requests with INVALID_ARGUMENT and a message naming the field and the limit, before any
/// model work starts.
/// </summary>
public sealed class ChatRequestValidator(IOptions<ChatLimitsOptions> options)
{
    private const int MaxTenantIdLength = 128;

    public void Validate(ChatRequest request)
    {
        var limits = options.Value;
        if (request.Messages.Count == 0)
        {
            Invalid("messages: at least one message is required.");
        }

        if (request.Messages.Count > limits.MaxMessages)
        {
            Invalid($"messages: {request.Messages.Count} messages exceed the limit of {limits.MaxMessages}.");
        }

        long promptChars = 0;
        for (var i = 0; i < request.Messages.Count; i++)
        {
            var message = request.Messages[i];
            if (message.Role is not (ChatRole.System or ChatRole.User or ChatRole.Assistant or ChatRole.Tool))
            {
                Invalid($"messages[{i}].role: unknown role {(int)message.Role}; use SYSTEM, USER, ASSISTANT or TOOL.");
            }

            if (message.Role is ChatRole.System or ChatRole.User && string.IsNullOrWhiteSpace(message.Text))
            {
                Invalid($"messages[{i}].text: must not be empty.");
            }

            if (message.Role == ChatRole.Tool && string.IsNullOrEmpty(message.ToolCallId))
            {
                Invalid($"messages[{i}].tool_call_id: required on a TOOL message (the id of the call it answers).");
            }

            if (message.ToolCalls.Count > 0 && message.Role != ChatRole.Assistant)
            {
                Invalid($"messages[{i}].tool_calls: only ASSISTANT messages carry tool calls.");
            }

            foreach (var call in message.ToolCalls)
            {
                if (string.IsNullOrEmpty(call.Id) || !IsToolName(call.Name) || !IsJsonObjectOrEmpty(call.ArgumentsJson))
                {
                    Invalid($"messages[{i}].tool_calls: each call needs an id, a valid name and JSON-object arguments.");
                }
            }

            promptChars += message.Text.Length;
        }

        if (promptChars > limits.MaxPromptChars)
        {
            Invalid($"messages: the prompt is {promptChars} characters; the limit is {limits.MaxPromptChars}.");
        }

        ValidateOptions(request.Options, limits);

        if (request.Hints is { } hints && hints.TenantId.Length > MaxTenantIdLength)
        {
            Invalid($"hints.tenant_id: longer than {MaxTenantIdLength} characters.");
        }

        if (request.Hints?.LatencyBudget is { } budget && budget.ToTimeSpan() <= TimeSpan.Zero)
        {
            Invalid("hints.latency_budget: must be positive when set.");
        }

        if (request.Hints?.IdleTimeout is { } idle && idle.ToTimeSpan() <= TimeSpan.Zero)
        {
            Invalid("hints.idle_timeout: must be positive when set.");
        }
    }

    private static void ValidateOptions(ChatOptions? options, ChatLimitsOptions limits)
    {
        if (options is null)
        {
            return;
        }

        if (options.HasMaxOutputTokens && options.MaxOutputTokens <= 0)
        {
            Invalid($"options.max_output_tokens: must be > 0 (got {options.MaxOutputTokens}).");
        }

        if (options.HasMaxOutputTokens && options.MaxOutputTokens > limits.MaxOutputTokens)
        {
            Invalid($"options.max_output_tokens: {options.MaxOutputTokens} exceeds this service's limit of {limits.MaxOutputTokens}.");
        }

        if (options.HasTemperature && !(options.Temperature >= 0 && options.Temperature <= 2))
        {
            Invalid("options.temperature: must be between 0 and 2.");
        }

        if (options.HasTopP && !(options.TopP > 0 && options.TopP <= 1))
        {
            Invalid("options.top_p: must be in (0, 1].");
        }

        if (options.StopSequences.Count > limits.MaxStopSequences)
        {
            Invalid($"options.stop_sequences: {options.StopSequences.Count} exceed the limit of {limits.MaxStopSequences}.");
        }

        if (options.StopSequences.Any(string.IsNullOrEmpty))
        {
            Invalid("options.stop_sequences: must not contain empty strings.");
        }

        var toolNames = new HashSet<string>(StringComparer.Ordinal);
        foreach (var tool in options.Tools)
        {
            if (!IsToolName(tool.Name) || !toolNames.Add(tool.Name))
            {
                Invalid($"options.tools: '{tool.Name}' is not a valid, unique name (letters, digits, '_' or '-', at most 64).");
            }

            if (!IsJsonObjectOrEmpty(tool.ParametersJsonSchema))
            {
                Invalid($"options.tools['{tool.Name}'].parameters_json_schema: must be a JSON object.");
            }
        }

        if (options.ToolChoice is not ("" or "auto" or "none" or "required") && !toolNames.Contains(options.ToolChoice))
        {
            Invalid($"options.tool_choice: '{options.ToolChoice}' is not auto, none, required or a defined tool.");
        }

        if (!string.IsNullOrEmpty(options.JsonSchema))
        {
            try
            {
                using var schema = JsonDocument.Parse(options.JsonSchema);
                if (schema.RootElement.ValueKind is not (JsonValueKind.Object or JsonValueKind.True or JsonValueKind.False))
                {
                    Invalid("options.json_schema: must be a JSON object (a JSON schema).");
                }
            }
            catch (JsonException ex)
            {
                Invalid($"options.json_schema: not valid JSON ({ex.Message}).");
            }
        }
    }

    private static bool IsToolName(string name) =>
        name.Length is > 0 and <= 64 && name.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');

    private static bool IsJsonObjectOrEmpty(string json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return true;
        }

        try
        {
            using var document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    [DoesNotReturn]
    private static void Invalid(string message) => throw new ChatServiceException(StatusCode.InvalidArgument, message);
}
