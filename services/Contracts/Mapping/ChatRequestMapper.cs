using System.Text.Json;
using HybridLlm.Grpc.V1;
using Ai = Microsoft.Extensions.AI;

namespace HybridLlm.Contracts.Mapping;

/// <summary>Maps a contract <see cref="ChatRequest"/> to and from Microsoft.Extensions.AI messages and options.</summary>
public static class ChatRequestMapper
{
    public static List<Ai.ChatMessage> ToAiMessages(ChatRequest request)
    {
        var messages = new List<Ai.ChatMessage>(request.Messages.Count);
        foreach (var message in request.Messages)
        {
            messages.Add(ToAiMessage(message));
        }

        return messages;
    }

    public static Ai.ChatMessage ToAiMessage(ChatMessage message)
    {
        var role = ToAiRole(message.Role);
        if (role == Ai.ChatRole.Tool)
        {
            return new Ai.ChatMessage(role, [new Ai.FunctionResultContent(message.ToolCallId, message.Text)]);
        }

        if (message.ToolCalls.Count == 0)
        {
            return new Ai.ChatMessage(role, message.Text);
        }

        var contents = new List<Ai.AIContent>();
        if (message.Text.Length > 0)
        {
            contents.Add(new Ai.TextContent(message.Text));
        }

        contents.AddRange(message.ToolCalls.Select(ToolMapper.ToAi));
        return new Ai.ChatMessage(role, contents);
    }

    public static ChatMessage ToProtoMessage(Ai.ChatMessage message)
    {
        var proto = new ChatMessage { Role = ToProtoRole(message.Role), Text = message.Text };
        if (message.Role == Ai.ChatRole.Tool && message.Contents.OfType<Ai.FunctionResultContent>().FirstOrDefault() is { } result)
        {
            proto.ToolCallId = result.CallId;
            proto.Text = ToolMapper.ResultText(result);
        }

        proto.ToolCalls.AddRange(message.Contents.OfType<Ai.FunctionCallContent>().Select(ToolMapper.ToProto));
        return proto;
    }

    public static Ai.ChatOptions ToAiOptions(ChatRequest request)
    {
        var source = request.Options ?? new ChatOptions();
        var options = new Ai.ChatOptions
        {
            ModelId = string.IsNullOrEmpty(source.Model) ? null : source.Model,
            MaxOutputTokens = source.HasMaxOutputTokens ? source.MaxOutputTokens : null,
            Temperature = source.HasTemperature ? source.Temperature : null,
            TopP = source.HasTopP ? source.TopP : null,
            Seed = source.HasSeed ? source.Seed : null,
            StopSequences = source.StopSequences.Count > 0 ? [.. source.StopSequences] : null,
            Tools = ToolMapper.ToAiTools(source.Tools),
            ToolMode = ToolMapper.ToAiToolMode(source.ToolChoice),
            AdditionalProperties = [],
        };

        if (!string.IsNullOrEmpty(source.JsonSchema))
        {
            using var schema = JsonDocument.Parse(source.JsonSchema);
            options.ResponseFormat = Ai.ChatResponseFormat.ForJsonSchema(schema.RootElement.Clone(), "answer");
            options.AdditionalProperties[ChatMetadata.JsonSchema] = source.JsonSchema;
        }

        var hints = request.Hints ?? new RoutingHints();
        var props = options.AdditionalProperties;
        props[ChatMetadata.TenantId] = string.IsNullOrEmpty(hints.TenantId) ? "default" : hints.TenantId;
        props[ChatMetadata.Privacy] = hints.Privacy == Privacy.Private ? "private" : "standard";
        if (RouteNames.ToName(hints.PinnedRoute) is { } pinned)
        {
            props[ChatMetadata.PinnedRoute] = pinned;
        }

        if (hints.MayDefer)
        {
            props[ChatMetadata.MayDefer] = true;
        }

        if (hints.BypassCache)
        {
            props[ChatMetadata.BypassCache] = true;
        }

        if (hints.DryRun)
        {
            props[ChatMetadata.DryRun] = true;
        }

        if (hints.LatencyBudget is { } budget)
        {
            props[ChatMetadata.LatencyBudgetMs] = budget.ToTimeSpan().TotalMilliseconds;
        }

        if (hints.IdleTimeout is { } idle)
        {
            props[ChatMetadata.IdleTimeoutMs] = idle.ToTimeSpan().TotalMilliseconds;
        }

        return options;
    }

    public static ChatRequest ToProto(IEnumerable<Ai.ChatMessage> messages, Ai.ChatOptions? options)
    {
        var request = new ChatRequest { Options = new ChatOptions(), Hints = new RoutingHints() };
        foreach (var message in messages)
        {
            request.Messages.Add(ToProtoMessage(message));
        }

        if (options is null)
        {
            return request;
        }

        var target = request.Options;
        target.Model = options.ModelId ?? string.Empty;
        if (options.MaxOutputTokens is { } max)
        {
            target.MaxOutputTokens = max;
        }

        if (options.Temperature is { } temperature)
        {
            target.Temperature = temperature;
        }

        if (options.TopP is { } topP)
        {
            target.TopP = topP;
        }

        if (options.Seed is { } seed)
        {
            target.Seed = seed;
        }

        if (options.StopSequences is { } stops)
        {
            target.StopSequences.AddRange(stops);
        }

        ToolMapper.AddProtoTools(target, options);

        var props = options.AdditionalProperties;
        target.JsonSchema = ChatMetadata.GetString(props, ChatMetadata.JsonSchema)
            ?? (options.ResponseFormat is Ai.ChatResponseFormatJson { Schema: { } schema } ? schema.GetRawText() : string.Empty);

        var hints = request.Hints;
        hints.TenantId = ChatMetadata.GetString(props, ChatMetadata.TenantId) ?? string.Empty;
        hints.Privacy = ChatMetadata.GetString(props, ChatMetadata.Privacy) == "private" ? Privacy.Private : Privacy.Standard;
        hints.PinnedRoute = RouteNames.FromName(ChatMetadata.GetString(props, ChatMetadata.PinnedRoute));
        hints.MayDefer = ChatMetadata.GetBool(props, ChatMetadata.MayDefer);
        hints.BypassCache = ChatMetadata.GetBool(props, ChatMetadata.BypassCache);
        hints.DryRun = ChatMetadata.GetBool(props, ChatMetadata.DryRun);
        if (ChatMetadata.GetDouble(props, ChatMetadata.LatencyBudgetMs) is > 0 and var budgetMs)
        {
            hints.LatencyBudget = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(TimeSpan.FromMilliseconds(budgetMs));
        }

        if (ChatMetadata.GetDouble(props, ChatMetadata.IdleTimeoutMs) is > 0 and var idleMs)
        {
            hints.IdleTimeout = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(TimeSpan.FromMilliseconds(idleMs));
        }

        return request;
    }

    public static Ai.ChatRole ToAiRole(ChatRole role) => role switch
    {
        ChatRole.System => Ai.ChatRole.System,
        ChatRole.User => Ai.ChatRole.User,
        ChatRole.Assistant => Ai.ChatRole.Assistant,
        ChatRole.Tool => Ai.ChatRole.Tool,
        _ => throw new ArgumentException($"Unknown message role {(int)role}; use SYSTEM, USER, ASSISTANT or TOOL."),
    };

    public static ChatRole ToProtoRole(Ai.ChatRole role) =>
        role == Ai.ChatRole.System ? ChatRole.System
        : role == Ai.ChatRole.User ? ChatRole.User
        : role == Ai.ChatRole.Assistant ? ChatRole.Assistant
        : role == Ai.ChatRole.Tool ? ChatRole.Tool
        : throw new ArgumentException($"Role '{role.Value}' cannot be carried by the HybridLlm contract.");
}
