using System.Threading.Channels;
using LLama.Batched;
using LLama.Common;
using LLama.Native;

namespace HybridLlm.LocalInference.Llama;

/// <summary>
/// The only code that touches llama.cpp's context. One long-running task owns a <see cref="BatchedExecutor"/>,
/// admits waiting requests into free sequences, and per step decodes one batch holding every active
/// sequence's pending tokens, then samples each ready sequence with its own sampler. LLamaSharp's executors
/// are not safe under concurrent callers (StatelessExecutor aborts the process); here nothing else calls in.
/// </summary>
internal sealed class LlamaInferenceLoop : IDisposable
{
    // Unbounded for now: requests wait here for a free sequence. Admission control (reject with
    // ResourceExhausted when too many wait) belongs in Submit, by bounding this queue.
    // (Not SingleReader: that variant cannot report Count.)
    private readonly Channel<GenerationRequest> _queue = Channel.CreateUnbounded<GenerationRequest>();
    private readonly List<LlamaSequence> _active = [];
    private readonly CancellationTokenSource _stopping = new();
    private readonly LlamaModel _model;
    private readonly ModelParams _contextParams;
    private readonly int _maxSequences;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger _logger;
    private readonly Task _loop;
    private BatchedExecutor _executor;
    private int _activeCount;
    private long _cancelledCount;
    private int _disposed;

    public LlamaInferenceLoop(LlamaModel model, LlamaOptions options, TimeProvider timeProvider, ILogger logger)
    {
        _model = model;
        _maxSequences = options.MaxConcurrentSequences;
        _timeProvider = timeProvider;
        _logger = logger;
        _contextParams = new ModelParams(model.FilePath)
        {
            // One KV cache shared by all sequences, sized so every admitted request can fill its whole context
            // at once: a request only ever waits for a sequence slot, never for KV space mid-generation.
            ContextSize = checked((uint)(model.ContextSize * _maxSequences)),
            SeqMax = (uint)_maxSequences + 1,
            FlashAttention = Environment.GetEnvironmentVariable("X_FA") switch { "1" => true, "0" => false, _ => null },
            TypeK = Environment.GetEnvironmentVariable("X_F32") == "1" ? LLama.Native.GGMLType.GGML_TYPE_F32 : null,
            TypeV = Environment.GetEnvironmentVariable("X_F32") == "1" ? LLama.Native.GGMLType.GGML_TYPE_F32 : null,
            KVUnified = Environment.GetEnvironmentVariable("X_UNI") switch { "1" => true, "0" => false, _ => null },
            Threads = options.Threads,
            BatchThreads = options.Threads,
        };
        _executor = new BatchedExecutor(model.Weights, _contextParams);
        _logger.InferenceLoopStarted(_model.Name, _maxSequences, _model.ContextSize);
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Requests currently holding a sequence (generating, or cancelled and about to be freed).</summary>
    public int ActiveSequenceCount => Volatile.Read(ref _activeCount);

    /// <summary>Requests dropped because their caller cancelled or stopped reading, since start.</summary>
    public long CancelledRequestCount => Interlocked.Read(ref _cancelledCount);

    /// <summary>Queues a request; the loop takes ownership of it (and of its sampler).</summary>
    public void Submit(GenerationRequest request)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (!_queue.Writer.TryWrite(request))
        {
            throw new ObjectDisposedException(nameof(LlamaInferenceLoop), "The local inference loop has stopped.");
        }
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _stopping.Cancel();
        _queue.Writer.TryComplete();
        _loop.GetAwaiter().GetResult();
        _stopping.Dispose();
    }

    private async Task RunAsync()
    {
        try
        {
            while (await WaitForWorkAsync().ConfigureAwait(false))
            {
                Admit();
                if (_active.Count > 0)
                {
                    await StepAsync().ConfigureAwait(false);
                }
            }
        }
        catch (OperationCanceledException) when (_stopping.IsCancellationRequested)
        {
            // Disposal.
        }
        catch (Exception ex)
        {
            _logger.InferenceLoopCrashed(ex);
        }
        finally
        {
            Shutdown();
        }
    }

    private async ValueTask<bool> WaitForWorkAsync() =>
        !_stopping.IsCancellationRequested
        && (_active.Count > 0 || await _queue.Reader.WaitToReadAsync(_stopping.Token).ConfigureAwait(false));

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
        // No cancellation token: a decode abandoned half-way would race the context's disposal.
        Conversation? pad = null;
        if (Environment.GetEnvironmentVariable("X_PAD") == "1" && _active.Count(s => !s.CanBeReleased) == 1)
        {
            pad = _executor.Create();
            pad.Prompt(_model.Weights.Vocab.BOS ?? default(LLamaToken));
        }

        var result = await _executor.Infer(CancellationToken.None).ConfigureAwait(false);
        pad?.Dispose();
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

    /// <summary>After a failed decode the batch queue may hold tokens of any sequence: start over.</summary>
    private void ReplaceExecutor(Exception error)
    {
        FailActive(error);
        _executor.Dispose();
        _executor = new BatchedExecutor(_model.Weights, _contextParams);
    }

    private void FailActive(Exception error)
    {
        foreach (var sequence in _active)
        {
            sequence.Request.Fail(error);
            sequence.Dispose();
        }

        _active.Clear();
        Volatile.Write(ref _activeCount, 0);
    }

    private void Shutdown()
    {
        // Complete first, so a Submit racing with shutdown fails instead of leaving a request nobody serves.
        _queue.Writer.TryComplete();
        var stopped = new ObjectDisposedException(nameof(LlamaInferenceLoop), "The local inference loop has stopped.");
        FailActive(stopped);
        while (_queue.Reader.TryRead(out var request))
        {
            Drop(request, stopped);
        }

        _executor.Dispose();
        _logger.InferenceLoopStopped(_model.Name);
    }

    private static void Drop(GenerationRequest request, Exception error)
    {
        request.Sampler.Dispose();
        request.Fail(error);
    }
}
