using HybridLlm.Grpc.V1;
using Ai = Microsoft.Extensions.AI;

namespace HybridLlm.Contracts.Mapping;

/// <summary>Maps answers between the contract and Microsoft.Extensions.AI, metadata included.</summary>
public static class ChatResponseMapper
{
    public static ChatResponse ToProto(Ai.ChatResponse response)
    {
        var proto = ToProtoMetadata(response.FinishReason, response.Usage, response.ModelId, response.AdditionalProperties);
        proto.Text = response.Text;
        proto.ToolCalls.AddRange(ToolMapper.CallsIn(response.Messages).Select(ToolMapper.ToProto));
        return proto;
    }

    public static ChatResponse ToProtoMetadata(
        Ai.ChatFinishReason? finishReason, Ai.UsageDetails? usage, string? modelId, Ai.AdditionalPropertiesDictionary? props)
    {
        var proto = new ChatResponse
        {
            FinishReason = ToProto(finishReason),
            Usage = new Usage
            {
                InputTokens = usage?.InputTokenCount ?? 0,
                OutputTokens = usage?.OutputTokenCount ?? 0,
                CachedInputTokens = usage?.CachedInputTokenCount ?? 0,
                ReasoningTokens = usage?.ReasoningTokenCount ?? 0,
            },
            ModelId = modelId ?? string.Empty,
            Route = RouteNames.FromName(ChatMetadata.GetString(props, ChatMetadata.Route)),
            CacheHit = ChatMetadata.GetBool(props, ChatMetadata.CacheHit),
            CostUsd = ChatMetadata.GetDouble(props, ChatMetadata.CostUsd),
            ModelDigest = ChatMetadata.GetString(props, ChatMetadata.ModelDigest) ?? string.Empty,
            TimeToFirstTokenMs = ChatMetadata.GetDouble(props, ChatMetadata.TimeToFirstTokenMs),
            ComputeMs = ChatMetadata.GetDouble(props, ChatMetadata.ComputeMs),
            DeferredJobId = ChatMetadata.GetString(props, ChatMetadata.DeferredJobId) ?? string.Empty,
            Attempts = (int)ChatMetadata.GetDouble(props, ChatMetadata.Attempts),
            Degraded = ChatMetadata.GetBool(props, ChatMetadata.Degraded),
        };
        proto.DecisionReasons.AddRange(ChatMetadata.GetReasons(props));
        return proto;
    }

    public static Ai.ChatResponse ToAi(ChatResponse proto)
    {
        var message = new Ai.ChatMessage(Ai.ChatRole.Assistant, proto.Text);
        foreach (var call in proto.ToolCalls)
        {
            message.Contents.Add(ToolMapper.ToAi(call));
        }

        var response = new Ai.ChatResponse(message)
        {
            FinishReason = ToAi(proto.FinishReason),
            ModelId = string.IsNullOrEmpty(proto.ModelId) ? null : proto.ModelId,
            Usage = ToAi(proto.Usage),
            AdditionalProperties = ToAiMetadata(proto),
        };
        return response;
    }

    /// <summary>The final update of a stream: no text, only what the final chunk carries.</summary>
    public static Ai.ChatResponseUpdate ToAiFinalUpdate(ChatResponse proto)
    {
        var update = new Ai.ChatResponseUpdate(Ai.ChatRole.Assistant, [new Ai.UsageContent(ToAi(proto.Usage)), .. proto.ToolCalls.Select(ToolMapper.ToAi)])
        {
            FinishReason = ToAi(proto.FinishReason),
            ModelId = string.IsNullOrEmpty(proto.ModelId) ? null : proto.ModelId,
            AdditionalProperties = ToAiMetadata(proto),
        };
        return update;
    }

    public static Ai.AdditionalPropertiesDictionary ToAiMetadata(ChatResponse proto)
    {
        var props = new Ai.AdditionalPropertiesDictionary();
        if (RouteNames.ToName(proto.Route) is { } route)
        {
            props[ChatMetadata.Route] = route;
        }

        if (proto.CacheHit)
        {
            props[ChatMetadata.CacheHit] = true;
        }

        props[ChatMetadata.CostUsd] = proto.CostUsd;
        if (!string.IsNullOrEmpty(proto.ModelDigest))
        {
            props[ChatMetadata.ModelDigest] = proto.ModelDigest;
        }

        if (proto.TimeToFirstTokenMs > 0)
        {
            props[ChatMetadata.TimeToFirstTokenMs] = proto.TimeToFirstTokenMs;
        }

        if (proto.ComputeMs > 0)
        {
            props[ChatMetadata.ComputeMs] = proto.ComputeMs;
        }

        if (proto.Attempts > 0)
        {
            props[ChatMetadata.Attempts] = proto.Attempts;
        }

        if (proto.Degraded)
        {
            props[ChatMetadata.Degraded] = true;
        }

        if (proto.DecisionReasons.Count > 0)
        {
            ChatMetadata.SetReasons(props, proto.DecisionReasons);
        }

        if (!string.IsNullOrEmpty(proto.DeferredJobId))
        {
            props[ChatMetadata.DeferredJobId] = proto.DeferredJobId;
        }

        return props;
    }

    public static Ai.UsageDetails ToAi(Usage? usage) => new()
    {
        InputTokenCount = usage?.InputTokens ?? 0,
        OutputTokenCount = usage?.OutputTokens ?? 0,
        TotalTokenCount = (usage?.InputTokens ?? 0) + (usage?.OutputTokens ?? 0),
        CachedInputTokenCount = usage is { CachedInputTokens: > 0 } ? usage.CachedInputTokens : null,
        ReasoningTokenCount = usage is { ReasoningTokens: > 0 } ? usage.ReasoningTokens : null,
    };

    public static FinishReason ToProto(Ai.ChatFinishReason? reason) =>
        reason == Ai.ChatFinishReason.Stop ? FinishReason.Stop
        : reason == Ai.ChatFinishReason.Length ? FinishReason.Length
        : reason == Ai.ChatFinishReason.ContentFilter ? FinishReason.ContentFilter
        : reason == Ai.ChatFinishReason.ToolCalls ? FinishReason.ToolCalls
        : FinishReason.Unspecified;

    public static Ai.ChatFinishReason? ToAi(FinishReason reason) => reason switch
    {
        FinishReason.Stop => Ai.ChatFinishReason.Stop,
        FinishReason.Length => Ai.ChatFinishReason.Length,
        FinishReason.ContentFilter => Ai.ChatFinishReason.ContentFilter,
        FinishReason.ToolCalls => Ai.ChatFinishReason.ToolCalls,
        _ => null,
    };
}
