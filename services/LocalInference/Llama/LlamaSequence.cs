using System.Text;
using LLama;
using LLama.Batched;
using LLama.Native;
using Microsoft.Extensions.AI;

namespace HybridLlm.LocalInference.Llama;

/// <summary>
/// One admitted request inside the inference loop: its <see cref="Conversation"/> (a KV-cache sequence), its
/// sampler, a UTF-8-safe decoder and its stop sequences. Only the loop's thread touches it.
/// </summary>
internal sealed class LlamaSequence : IDisposable
{
    private readonly Conversation _conversation;
    private readonly StreamingTokenDecoder _decoder;
    private readonly StopSequenceFilter _stops;
    private readonly TimeProvider _timeProvider;
    private double _timeToFirstTokenMs = -1;
    private bool _promptDecoded;

    public LlamaSequence(GenerationRequest request, BatchedExecutor executor, TimeProvider timeProvider)
    {
        Request = request;
        _timeProvider = timeProvider;
        // Pieces of one character can span tokens (multi-byte UTF-8); the decoder holds partial bytes back.
        _decoder = new StreamingTokenDecoder(Encoding.UTF8, executor.Model);
        _stops = new StopSequenceFilter(request.StopSequences);
        _conversation = executor.Create();
        try
        {
            _conversation.Prompt(request.PromptTokens);
        }
        catch
        {
            // Never leave it to Conversation's finalizer, which would touch the context from another thread.
            _conversation.Dispose();
            throw;
        }
    }

    public GenerationRequest Request { get; }

    public int OutputTokenCount { get; private set; }

    /// <summary>Decode time attributed to this sequence so far, in milliseconds.</summary>
    public double ComputeMs { get; private set; }

    /// <summary>
    /// Tokens this sequence adds to the next decode: its whole prompt until the prompt has been decoded (the prefill
    /// step, or steps when the prompt is longer than a batch), then one per generated token; 0 when nothing is queued.
    /// </summary>
    public int TokensInNextDecode => CanBeReleased ? 0 : _promptDecoded ? 1 : Request.PromptTokens.Length;

    /// <summary>Charges this sequence its share of a decode step; the prompt counts as decoded once nothing of it is queued.</summary>
    public void AddCompute(double milliseconds)
    {
        ComputeMs += milliseconds;
        _promptDecoded |= CanBeReleased;
    }

    /// <summary>The last <c>Infer()</c> produced this sequence's logits; <see cref="Advance"/> may run.</summary>
    public bool IsReadyToSample => _conversation.RequiresSampling;

    /// <summary>
    /// No tokens of this sequence wait in the executor's batch queue, so disposing it cannot leave stale tokens
    /// that a later conversation reusing its sequence id would inherit.
    /// </summary>
    public bool CanBeReleased => !_conversation.RequiresInference;

    /// <summary>
    /// Samples the next token, streams its text and queues it for the next <c>Infer()</c>.
    /// Returns true when the request has finished (and has been completed).
    /// </summary>
    public bool Advance()
    {
        var token = _conversation.Sample(Request.Sampler);
        if (_timeToFirstTokenMs < 0)
        {
            _timeToFirstTokenMs = _timeProvider.GetElapsedTime(Request.SubmittedTimestamp).TotalMilliseconds;
        }

        if (token.IsEndOfGeneration(_conversation.Executor.Model.Vocab))
        {
            return Finish(ChatFinishReason.Stop, _stops.Flush());
        }

        OutputTokenCount++;
        _decoder.Add(token);
        var text = _stops.Push(_decoder.Read(), out var stopped);
        if (stopped)
        {
            return Finish(ChatFinishReason.Stop, text);
        }

        if (OutputTokenCount >= Request.MaxOutputTokens)
        {
            return Finish(ChatFinishReason.Length, text + _stops.Flush());
        }

        Emit(text);
        _conversation.Prompt(token);
        return false;
    }

    public void Dispose()
    {
        _conversation.Dispose();
        Request.Sampler.Dispose();
    }

    private bool Finish(ChatFinishReason reason, string lastText)
    {
        Emit(lastText);
        Request.Complete(new GenerationSummary(
            reason, Request.PromptTokens.Length, OutputTokenCount, Math.Max(_timeToFirstTokenMs, 0), ComputeMs));
        return true;
    }

    private void Emit(string text)
    {
        if (text.Length > 0)
        {
            Request.Output.Writer.TryWrite(text);
        }
    }
}
