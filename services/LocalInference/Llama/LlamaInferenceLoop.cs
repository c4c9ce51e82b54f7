using System.Threading.Channels;
using LLama.Batched;
using LLama.Common;

namespace HybridLlm.LocalInference.Llama;

/// <summary>
/// The only code that touches llama.cpp's context. One long-running task owns a <see cref="BatchedExecutor"/>,
/// admits waiting requests into free sequences, and per step decodes one batch holding every active
/// sequence's pending tokens, then samples each ready sequence with its own sampler. LLamaSharp's executors
/// are not safe under concurrent callers (StatelessExecutor aborts the process); here nothing else calls in.
/// </summary>
internal sealed partial class LlamaInferenceLoop : IDisposable
{
    // The hand-off to the loop, not the waiting room: in the service, AdmissionController admits at most
    // MaxConcurrentSequences requests, so this holds at most a request whose predecessor's sequence is being freed.
    // Used directly (tests, benchmarks), requests simply wait here for a free sequence.
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
        _contextParams = CreateContextParams(model, options);
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

    private static ModelParams CreateContextParams(LlamaModel model, LlamaOptions options)
    {
        // One more sequence than requests when only one request may run: the padding token needs a sequence.
        var sequences = Math.Max(options.MaxConcurrentSequences, 2);
        return new ModelParams(model.FilePath)
        {
            // A KV stream of its own per sequence (not llama.cpp's shared "unified" cache): a sequence's cells sit
            // at the same indices whoever else runs, so attention sums in the same order as when it runs alone.
            // Each stream holds a whole request context, so a request never waits for KV space mid-generation.
            KVUnified = false,
            SeqMax = (uint)sequences,
            ContextSize = checked((uint)(model.ContextSize * sequences)),
            Threads = options.Threads,
            BatchThreads = options.Threads,
        };
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
