using System.Diagnostics;
using System.Runtime.CompilerServices;
using HybridLlm.Contracts;
using HybridLlm.LocalInference.Serving;
using Microsoft.Extensions.AI;

namespace HybridLlm.LocalInference.Telemetry;

/// <summary>
/// Measures every request the same way whatever the backend: time to first token from arrival (queueing included),
/// tokens and how the request ended (stop, length, cancelled, error) into <see cref="LocalInferenceMetrics"/>; the model
/// digest onto the gen_ai span that <c>UseOpenTelemetry</c> opened just outside; and <c>hybridllm.ttft_ms</c> plus
/// <c>hybridllm.model_digest</c> onto the answer, in one last update.
/// </summary>
internal sealed class ModelTelemetryChatClient(
    IChatClient innerClient, ModelBackend model, LocalInferenceMetrics metrics, TimeProvider timeProvider)
    : DelegatingChatClient(innerClient)
{
    /// <summary>Streams underneath, so a unary answer's time to first token is measured too.</summary>
    public override Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken);

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var span = Activity.Current;
        var arrived = timeProvider.GetTimestamp();
        TimeSpan? firstText = null;
        ChatFinishReason? finishReason = null;
        long outputTokens = 0;
        string? responseId = null;
        string? modelId = null;
        // Stays "cancelled" when the caller stops reading early, which reaches here as disposal, not as an exception.
        var outcome = "cancelled";
        try
        {
            var updates = base.GetStreamingResponseAsync(messages, options, cancellationToken).GetAsyncEnumerator(cancellationToken);
            await using (updates.ConfigureAwait(false))
            {
                while (true)
                {
                    try
                    {
                        if (!await updates.MoveNextAsync().ConfigureAwait(false))
                        {
                            break;
                        }
                    }
                    catch (Exception ex)
                    {
                        outcome = ex is OperationCanceledException && cancellationToken.IsCancellationRequested ? "cancelled" : "error";
                        throw;
                    }

                    var update = updates.Current;
                    if (firstText is null && update.Text.Length > 0)
                    {
                        firstText = timeProvider.GetElapsedTime(arrived);
                        metrics.TimeToFirstToken(firstText.Value);
                    }

                    finishReason = update.FinishReason ?? finishReason;
                    responseId ??= update.ResponseId;
                    modelId = update.ModelId ?? modelId;
                    if (update.Contents.OfType<UsageContent>().LastOrDefault() is { } usage)
                    {
                        outputTokens = usage.Details.OutputTokenCount ?? outputTokens;
                    }

                    yield return update;
                }
            }

            outcome = finishReason?.Value ?? "unknown";
        }
        finally
        {
            metrics.RequestEnded(outcome, outputTokens);
            if (span is not null)
            {
                span.SetTag("hybridllm.finish_reason", outcome);
                if (model.Digest is { } spanDigest)
                {
                    span.SetTag("hybridllm.model_digest", spanDigest);
                }
            }
        }

        // No MessageId: ToChatResponseAsync and the gRPC service put these on the answer itself.
        var metadata = new AdditionalPropertiesDictionary
        {
            [ChatMetadata.TimeToFirstTokenMs] = (firstText ?? timeProvider.GetElapsedTime(arrived)).TotalMilliseconds,
        };
        if (model.Digest is { } digest)
        {
            metadata[ChatMetadata.ModelDigest] = digest;
        }

        yield return new ChatResponseUpdate
        {
            Role = ChatRole.Assistant,
            ResponseId = responseId,
            ModelId = modelId ?? model.ModelName,
            AdditionalProperties = metadata,
        };
    }
}
