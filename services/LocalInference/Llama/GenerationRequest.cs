using System.Threading.Channels;
using LLama.Native;
using LLama.Sampling;
using Microsoft.Extensions.AI;

namespace HybridLlm.LocalInference.Llama;

/// <summary>
/// One admitted-or-waiting generation, handed from a caller to the inference loop. The loop writes decoded
/// text pieces to <see cref="Output"/> as they are produced and completes it when generation ends.
/// </summary>
internal sealed class GenerationRequest
{
    private volatile bool _abandoned;

    /// <summary>Short id for correlating log lines.</summary>
    public required long Id { get; init; }

    public required LLamaToken[] PromptTokens { get; init; }

    public required int MaxOutputTokens { get; init; }

    public required IReadOnlyList<string> StopSequences { get; init; }

    /// <summary>
    /// The caller fixed the outcome (a seed, or greedy decoding), so the text must not depend on what else runs
    /// beside it; the loop then keeps even a lone decode on the batched kernel.
    /// </summary>
    public required bool Reproducible { get; init; }

    /// <summary>This request's own sampler; the loop owns and disposes it once the request is enqueued.</summary>
    public required ISamplingPipeline Sampler { get; init; }

    /// <summary><see cref="TimeProvider.GetTimestamp"/> when the caller submitted the request.</summary>
    public required long SubmittedTimestamp { get; init; }

    public required CancellationToken CancellationToken { get; init; }

    /// <summary>Text pieces in order. One writer (the loop), one reader (the caller).</summary>
    public Channel<string> Output { get; } = Channel.CreateUnbounded<string>(
        new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });

    /// <summary>Set just before <see cref="Output"/> completes successfully, so readers see it after draining.</summary>
    public GenerationSummary? Summary { get; private set; }

    /// <summary>True once the caller cancelled or stopped reading; the loop then frees the sequence.</summary>
    public bool IsCancelled => _abandoned || CancellationToken.IsCancellationRequested;

    /// <summary>The caller stopped reading without cancelling (e.g. broke out of its loop).</summary>
    public void Abandon() => _abandoned = true;

    public void Complete(GenerationSummary summary)
    {
        Summary = summary;
        Output.Writer.TryComplete();
    }

    public void Fail(Exception error) => Output.Writer.TryComplete(error);
}

/// <summary>How a finished generation went.</summary>
/// <param name="FinishReason">Stop (end of generation or a stop sequence) or Length (token cap reached).</param>
/// <param name="InputTokenCount">Prompt tokens, BOS included.</param>
/// <param name="OutputTokenCount">Generated tokens, the end-of-generation token excluded.</param>
/// <param name="TimeToFirstTokenMs">From submission (queueing included) to the first sampled token, in milliseconds.</param>
/// <param name="ComputeMs">Decode time attributed to this request: each step's duration split over the tokens it carried.</param>
internal sealed record GenerationSummary(
    ChatFinishReason FinishReason,
    int InputTokenCount,
    int OutputTokenCount,
    double TimeToFirstTokenMs,
    double ComputeMs);
