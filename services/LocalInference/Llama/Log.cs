using LLama.Native;

namespace HybridLlm.LocalInference.Llama;

/// <summary>Source-generated log messages of local inference. Prompt text is logged at Trace only.</summary>
internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information,
        "Loaded model {ModelName} (sha256 {Digest}) from {Path}: {ParameterCount} parameters, context {ContextSize} tokens per request, model chat template used: {UsesChatTemplate}")]
    public static partial void ModelLoaded(
        this ILogger logger, string modelName, string digest, string path, ulong parameterCount, int contextSize, bool usesChatTemplate);

    [LoggerMessage(2, LogLevel.Warning,
        "Configured context of {ConfiguredTokens} tokens exceeds the model's training context; using {ContextSize} tokens")]
    public static partial void ContextSizeClamped(this ILogger logger, int configuredTokens, int contextSize);

    [LoggerMessage(3, LogLevel.Warning,
        "The model's chat template is not one llama.cpp can apply; prompts use the plain 'Role: text' format")]
    public static partial void ChatTemplateUnsupported(this ILogger logger, Exception exception);

    [LoggerMessage(10, LogLevel.Information,
        "Inference loop for {ModelName} started: {MaxSequences} concurrent sequences of {ContextSize} tokens")]
    public static partial void InferenceLoopStarted(this ILogger logger, string modelName, int maxSequences, int contextSize);

    [LoggerMessage(11, LogLevel.Information, "Inference loop for {ModelName} stopped")]
    public static partial void InferenceLoopStopped(this ILogger logger, string modelName);

    [LoggerMessage(12, LogLevel.Critical, "Inference loop crashed; local inference is unavailable until restart")]
    public static partial void InferenceLoopCrashed(this ILogger logger, Exception exception);

    [LoggerMessage(13, LogLevel.Error, "llama.cpp decode failed with {Result}; active requests failed and the context was recreated")]
    public static partial void DecodeFailed(this ILogger logger, DecodeResult result);

    [LoggerMessage(20, LogLevel.Trace, "Request {RequestId} prompt: {Prompt}")]
    public static partial void PromptRendered(this ILogger logger, long requestId, string prompt);

    [LoggerMessage(21, LogLevel.Debug,
        "Request {RequestId} admitted: {PromptTokens} prompt tokens, up to {MaxOutputTokens} output tokens, {Waiting} still waiting")]
    public static partial void RequestAdmitted(this ILogger logger, long requestId, int promptTokens, int maxOutputTokens, int waiting);

    [LoggerMessage(22, LogLevel.Debug,
        "Request {RequestId} finished ({FinishReason}): {OutputTokens} output tokens, first token after {TimeToFirstTokenMs} ms")]
    public static partial void RequestCompleted(
        this ILogger logger, long requestId, string finishReason, int outputTokens, double timeToFirstTokenMs);

    [LoggerMessage(23, LogLevel.Debug, "Request {RequestId} cancelled by its caller after {OutputTokens} output tokens")]
    public static partial void RequestCancelled(this ILogger logger, long requestId, int outputTokens);

    [LoggerMessage(24, LogLevel.Error, "Request {RequestId} failed")]
    public static partial void RequestFailed(this ILogger logger, long requestId, Exception exception);

    [LoggerMessage(EventId = 30, Message = "llama.cpp: {Message}")]
    public static partial void NativeMessage(this ILogger logger, LogLevel level, string message);
}
