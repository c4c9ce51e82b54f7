using Grpc.Core;
using HybridLlm.Contracts.Deferred;
using HybridLlm.Contracts.Errors;
using HybridLlm.Contracts.Mapping;
using HybridLlm.Grpc.V1;
using Microsoft.Extensions.Logging;
using Ai = Microsoft.Extensions.AI;

namespace HybridLlm.Contracts.Grpc;

/// <summary>
/// The one implementation of <see cref="ChatService"/>: validates the request, maps it to Microsoft.Extensions.AI,
/// runs it through the host's <see cref="Ai.IChatClient"/> pipeline and maps the answer (or the failure) back.
/// The gateway, LocalInference and ProprietaryAdapter differ only in the pipeline they register.
/// </summary>
public sealed partial class ChatGrpcService(
    Ai.IChatClient chatClient,
    ChatRequestValidator validator,
    ILogger<ChatGrpcService> logger,
    IDeferredResultSource? deferredResults = null) : ChatService.ChatServiceBase
{
    private const int MaxJobIdLength = 128;

    public override async Task<ChatResponse> Complete(ChatRequest request, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        try
        {
            validator.Validate(request);
            var messages = ChatRequestMapper.ToAiMessages(request);
            var options = ChatRequestMapper.ToAiOptions(request);
            var response = await chatClient.GetResponseAsync(messages, options, cancellationToken);
            return ChatResponseMapper.ToProto(response);
        }
        catch (Exception ex)
        {
            throw Fail(ex, cancellationToken);
        }
    }

    public override async Task CompleteStream(ChatRequest request, IServerStreamWriter<ChatStreamChunk> responseStream, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        try
        {
            validator.Validate(request);
            var messages = ChatRequestMapper.ToAiMessages(request);
            var options = ChatRequestMapper.ToAiOptions(request);

            Ai.ChatFinishReason? finishReason = null;
            Ai.UsageDetails? usage = null;
            string? modelId = null;
            var metadata = new Ai.AdditionalPropertiesDictionary();
            var toolCalls = new List<Ai.FunctionCallContent>();
            await foreach (var update in chatClient.GetStreamingResponseAsync(messages, options, cancellationToken))
            {
                var text = update.Text;
                if (text.Length > 0)
                {
                    await responseStream.WriteAsync(new ChatStreamChunk { TextDelta = text }, cancellationToken);
                }

                finishReason = update.FinishReason ?? finishReason;
                modelId = update.ModelId ?? modelId;
                usage = update.Contents.OfType<Ai.UsageContent>().LastOrDefault()?.Details ?? usage;
                toolCalls.AddRange(update.Contents.OfType<Ai.FunctionCallContent>());
                if (update.AdditionalProperties is { } props)
                {
                    foreach (var (key, value) in props)
                    {
                        metadata[key] = value;
                    }
                }
            }

            var final = ChatResponseMapper.ToProtoMetadata(finishReason, usage, modelId, metadata);
            final.ToolCalls.AddRange(toolCalls.Select(ToolMapper.ToProto));
            await responseStream.WriteAsync(new ChatStreamChunk { Final = final }, cancellationToken);
        }
        catch (Exception ex)
        {
            throw Fail(ex, cancellationToken);
        }
    }

    /// <summary>The outcome of a deferred request, from the host's optional <see cref="IDeferredResultSource"/>.</summary>
    public override async Task<GetDeferredResultResponse> GetDeferredResult(GetDeferredResultRequest request, ServerCallContext context)
    {
        var cancellationToken = context.CancellationToken;
        try
        {
            if (deferredResults is null)
            {
                throw new ChatServiceException(StatusCode.Unimplemented,
                    "This service keeps no deferred queue; ask the service that returned the job id.");
            }

            if (string.IsNullOrWhiteSpace(request.JobId) || request.JobId.Length > MaxJobIdLength)
            {
                throw new ChatServiceException(StatusCode.InvalidArgument, $"job_id: required, at most {MaxJobIdLength} characters.");
            }

            return await deferredResults.GetAsync(request.JobId, cancellationToken)
                ?? throw new ChatServiceException(StatusCode.NotFound, "job_id: no such deferred job (unknown, or its result expired).");
        }
        catch (Exception ex)
        {
            throw Fail(ex, cancellationToken);
        }
    }

    private RpcException Fail(Exception exception, CancellationToken cancellationToken)
    {
        var rpc = ChatErrorMapper.ToRpcException(exception, cancellationToken);
        if (rpc.StatusCode == StatusCode.Internal)
        {
            LogUnexpectedFailure(exception);
        }
        else
        {
            LogRequestFailed(rpc.StatusCode, rpc.Status.Detail);
        }

        return rpc;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Chat request failed unexpectedly")]
    private partial void LogUnexpectedFailure(Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Chat request ended with {Status}: {Detail}")]
    private partial void LogRequestFailed(StatusCode status, string detail);
}
