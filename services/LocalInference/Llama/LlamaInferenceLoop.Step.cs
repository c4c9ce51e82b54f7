using LLama.Batched;
using LLama.Native;

namespace HybridLlm.LocalInference.Llama;

/// <summary>One turn of the loop: admit waiting requests, decode one batch, sample every ready sequence.</summary>
internal sealed partial class LlamaInferenceLoop
{
    private void Admit()
    {
        while (_active.Count < _maxSequences && _queue.Reader.TryRead(out var request))
        {
            if (request.IsCancelled)
            {
                Drop(request, new OperationCanceledException(request.CancellationToken));
                Interlocked.Increment(ref _cancelledCount);
                continue;
            }

            _logger.RequestAdmitted(request.Id, request.PromptTokens.Length, request.MaxOutputTokens, _queue.Reader.Count);
            try
            {
                _active.Add(new LlamaSequence(request, _executor, _timeProvider));
            }
            catch (Exception ex)
            {
                _logger.RequestFailed(request.Id, ex);
                Drop(request, ex);
            }
        }

        Volatile.Write(ref _activeCount, _active.Count);
    }

    private async Task StepAsync()
    {
        var padding = StartPadding();
        var weights = new int[_active.Count];
        var tokens = 0;
        for (var i = 0; i < weights.Length; i++)
        {
            tokens += weights[i] = _active[i].TokensInNextDecode;
        }

        var started = _timeProvider.GetTimestamp();

        // No cancellation token: a decode abandoned half-way would race the context's disposal.
        var result = await _executor.Infer(CancellationToken.None).ConfigureAwait(false);
        var elapsedMs = _timeProvider.GetElapsedTime(started).TotalMilliseconds;
        padding?.Dispose();
        // The step's time, split over the tokens each sequence put in the batch (a padding row's cost spread over them).
        for (var i = 0; i < weights.Length; i++)
        {
            if (weights[i] > 0)
            {
                _active[i].AddCompute(elapsedMs * weights[i] / tokens);
            }
        }

        if (result != DecodeResult.Ok)
        {
            _logger.DecodeFailed(result);
            ReplaceExecutor(new InvalidOperationException($"llama.cpp failed to decode the batch ({result})."));
            return;
        }

        for (var i = 0; i < _active.Count; i++)
        {
            var sequence = _active[i];
            if (Advance(sequence))
            {
                sequence.Dispose();
                _active.RemoveAt(i--);
            }
        }

        if (_active.Count > 0 && _executor.BatchQueueCount == 0)
        {
            // Every live sequence either has tokens queued or was just freed; anything else would spin forever.
            ReplaceExecutor(new InvalidOperationException("Local inference lost track of a sequence."));
        }

        Volatile.Write(ref _activeCount, _active.Count);
    }

    /// <summary>
    /// llama.cpp's CPU matmul uses one kernel for a single row (ggml's vec_dot) and another for several
    /// (llamafile's tinyBLAS), and they round differently. A request decoded alone would then sample from
    /// slightly different logits than beside others, and one seed could give two texts. Adding a throwaway
    /// token (with logits) from a scratch sequence keeps every decode, and its logits, on the multi-row kernel.
    /// That row costs as much as a real one (on a 110M model it halves a lone stream's speed), so it is added only
    /// for a request that asked to be reproducible (a seed, or greedy decoding): a random draw has nothing to keep.
    /// </summary>
    private Conversation? StartPadding()
    {
        LlamaSequence? lone = null;
        var pending = 0;
        foreach (var sequence in _active)
        {
            if (!sequence.CanBeReleased)
            {
                pending++;
                lone = sequence;
            }
        }

        if (pending != 1 || !lone!.Request.Reproducible)
        {
            return null;
        }

        var padding = _executor.Create();
        padding.Prompt(_model.Weights.Vocab.BOS ?? default(LLamaToken));
        return padding;
    }

    /// <summary>Moves one sequence on by a token; true when it is finished and its slot can be freed.</summary>
    private bool Advance(LlamaSequence sequence)
    {
        var request = sequence.Request;
        if (request.IsCancelled)
        {
            if (!sequence.CanBeReleased)
            {
                return false;
            }

            _logger.RequestCancelled(request.Id, sequence.OutputTokenCount);
            Interlocked.Increment(ref _cancelledCount);
            request.Fail(new OperationCanceledException(request.CancellationToken));
            return true;
        }

        if (!sequence.IsReadyToSample)
        {
            return false;
        }

        try
        {
            var finished = sequence.Advance();
            if (finished && request.Summary is { } summary)
            {
                _logger.RequestCompleted(request.Id, summary.FinishReason.Value, summary.OutputTokenCount, summary.TimeToFirstTokenMs);
            }

            return finished;
        }
        catch (Exception ex)
        {
            _logger.RequestFailed(request.Id, ex);
            request.Fail(ex);
            return true;
        }
    }
}
