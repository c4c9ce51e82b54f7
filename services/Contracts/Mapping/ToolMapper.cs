using System.Text.Json;
using Google.Protobuf.Collections;
using HybridLlm.Grpc.V1;
using Ai = Microsoft.Extensions.AI;

namespace HybridLlm.Contracts.Mapping;

/// <summary>Tool definitions, tool calls and tool results between the contract and Microsoft.Extensions.AI.</summary>
public static class ToolMapper
{
    private static readonly JsonSerializerOptions Json = Ai.AIJsonUtilities.DefaultOptions;

    public static List<Ai.AITool>? ToAiTools(RepeatedField<ToolDefinition> tools)
    {
        if (tools.Count == 0)
        {
            return null;
        }

        var result = new List<Ai.AITool>(tools.Count);
        foreach (var tool in tools)
        {
            using var schema = JsonDocument.Parse(string.IsNullOrEmpty(tool.ParametersJsonSchema) ? """{"type":"object","properties":{}}""" : tool.ParametersJsonSchema);
            result.Add(Ai.AIFunctionFactory.CreateDeclaration(tool.Name, tool.Description, schema.RootElement.Clone()));
        }

        return result;
    }

    public static Ai.ChatToolMode? ToAiToolMode(string choice) => choice switch
    {
        "" or "auto" => null,
        "none" => Ai.ChatToolMode.None,
        "required" => Ai.ChatToolMode.RequireAny,
        var name => Ai.ChatToolMode.RequireSpecific(name),
    };

    public static void AddProtoTools(HybridLlm.Grpc.V1.ChatOptions target, Ai.ChatOptions source)
    {
        foreach (var declaration in source.Tools?.OfType<Ai.AIFunctionDeclaration>() ?? [])
        {
            target.Tools.Add(new ToolDefinition
            {
                Name = declaration.Name,
                Description = declaration.Description ?? string.Empty,
                ParametersJsonSchema = declaration.JsonSchema.GetRawText(),
            });
        }

        target.ToolChoice = source.ToolMode switch
        {
            Ai.NoneChatToolMode => "none",
            Ai.RequiredChatToolMode { RequiredFunctionName: { } name } => name,
            Ai.RequiredChatToolMode => "required",
            _ => string.Empty,
        };
    }

    public static Ai.FunctionCallContent ToAi(ToolCall call)
    {
        Dictionary<string, object?>? arguments = null;
        if (!string.IsNullOrWhiteSpace(call.ArgumentsJson))
        {
            using var document = JsonDocument.Parse(call.ArgumentsJson);
            arguments = document.RootElement.ValueKind == JsonValueKind.Object
                ? document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => (object?)p.Value.Clone())
                : null;
        }

        return new Ai.FunctionCallContent(call.Id, call.Name, arguments);
    }

    public static ToolCall ToProto(Ai.FunctionCallContent call) => new()
    {
        Id = call.CallId,
        Name = call.Name,
        ArgumentsJson = call.Arguments is null ? "{}" : JsonSerializer.Serialize(call.Arguments, Json),
    };

    public static string ResultText(Ai.FunctionResultContent result) => result.Result switch
    {
        null => string.Empty,
        string text => text,
        JsonElement element when element.ValueKind == JsonValueKind.String => element.GetString()!,
        var other => JsonSerializer.Serialize(other, Json),
    };

    public static IEnumerable<Ai.FunctionCallContent> CallsIn(IEnumerable<Ai.ChatMessage> messages) =>
        messages.SelectMany(m => m.Contents).OfType<Ai.FunctionCallContent>();
}
