using System.Threading.Channels;
using HybridLlm.Gateway.Telemetry;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace HybridLlm.Gateway.Costing;

/// <summary>
/// Counts served requests in the <see cref="SpendLedger"/> off the answer's path: records go into a bounded queue and one
/// background loop folds what has queued up into a single Redis batch. A full queue or a failed Redis write drops records
/// (counted in <c>hybridllm.gateway.spend_records_dropped</c> and logged) and never slows or fails a request. Budgets are
/// not counted here: their reserve and settle stay on the request's path, atomic in Redis.
/// </summary>
/// <remarks>
/// Stopping the host flushes what is queued; disposing (after the server has drained its last requests) flushes the rest
/// and ends the loop. A process that dies loses at most the queued records.
/// </remarks>
public sealed partial class SpendRecordWriter : IHostedService, IAsyncDisposable
{
    private readonly Channel<SpendRecord> _queue;
    private readonly SpendLedger _ledger;
    private readonly GatewayMetrics _metrics;
    private readonly ILogger<SpendRecordWriter> _logger;
    private readonly int _maxRecordsPerBatch;
    private TaskCompletionSource _progress = NewSignal();
    private Task? _loop;
    private long _queued;
    private long _handled;
    private long _droppedSinceLastLog;
    private volatile bool _completed;

    public SpendRecordWriter(SpendLedger ledger, GatewayMetrics metrics, IOptions<SpendWriterOptions> options, ILogger<SpendRecordWriter> logger)
    {
        _ledger = ledger;
        _metrics = metrics;
        _logger = logger;
        _maxRecordsPerBatch = options.Value.MaxRecordsPerBatch;
        _queue = Channel.CreateBounded<SpendRecord>(new BoundedChannelOptions(options.Value.QueueCapacity)
        {
            FullMode = BoundedChannelFullMode.Wait, // TryWrite then fails at once instead of evicting a queued record.
            SingleReader = true,
        });
    }

    /// <summary>Queues one served request; never waits. False when it was dropped (queue full or writer stopped).</summary>
    public bool TryRecord(in SpendRecord record)
    {
        if (_queue.Writer.TryWrite(record))
        {
            Interlocked.Increment(ref _queued);
            return true;
        }

        _metrics.SpendRecordsDropped(1, _completed ? "stopped" : "queue_full");
        if (Interlocked.Increment(ref _droppedSinceLastLog) == 1)
        {
            // Once per episode: under overload a line per dropped record would only add to the load.
            LogDropping(_completed ? "stopped" : "full");
        }

        return false;
    }

    /// <summary>Completes once every record queued before the call has been written to Redis (or dropped).</summary>
    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        var target = Interlocked.Read(ref _queued);
        while (Interlocked.Read(ref _handled) < target)
        {
            var progress = Volatile.Read(ref _progress);
            if (Interlocked.Read(ref _handled) >= target || _loop is null or { IsCompleted: true })
            {
                return;
            }

            await progress.Task.WaitAsync(cancellationToken);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        _loop ??= Task.Run(WriteLoopAsync, CancellationToken.None);
        return Task.CompletedTask;
    }

    /// <summary>Flushes what is queued; requests the server still finishes are flushed on dispose.</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        try
        {
            await FlushAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            LogStopTimedOut(Interlocked.Read(ref _queued) - Interlocked.Read(ref _handled));
        }
    }

    public async ValueTask DisposeAsync()
    {
        _completed = true;
        _queue.Writer.TryComplete();
        if (_loop is { } loop)
        {
            await loop;
        }
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<SpendRecord>(_maxRecordsPerBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < _maxRecordsPerBatch && _queue.Reader.TryRead(out var record))
            {
                batch.Add(record);
            }

            try
            {
                await _ledger.RecordAsync(batch);
            }
            catch (Exception ex)
            {
                // Whatever went wrong (mostly Redis unreachable), the loop must live on: the next batch may well succeed.
                _metrics.SpendRecordsDropped(batch.Count, "write_failed");
                LogLedgerUnavailable(batch.Count, ex.GetType().Name);
            }

            Interlocked.Add(ref _handled, batch.Count);
            batch.Clear();
            if (Interlocked.Exchange(ref _droppedSinceLastLog, 0) is > 0 and var dropped)
            {
                LogDropped(dropped);
            }

            Interlocked.Exchange(ref _progress, NewSignal()).TrySetResult();
        }

        Interlocked.Exchange(ref _progress, NewSignal()).TrySetResult();
    }

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Spend ledger unavailable ({Error}); {Count} served requests were not counted")]
    private partial void LogLedgerUnavailable(int count, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Spend record queue {State}: served requests are not being counted")]
    private partial void LogDropping(string state);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Spend record queue drained; {Count} served requests were not counted")]
    private partial void LogDropped(long count);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Stopping before the spend ledger caught up; {Count} queued records are written on dispose")]
    private partial void LogStopTimedOut(long count);
}
