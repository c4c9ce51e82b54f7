using HybridLlm.LocalInference.Serving;
using Microsoft.Extensions.AI;

namespace HybridLlm.LocalInference.Hosting;

/// <summary>
/// Brings the backend up at start: load it (download and verify a model file, or connect to an upstream), publish it
/// to <see cref="ServedChatClient"/>, then run one short generation through the full pipeline, so the first caller
/// pays neither the load nor the first-decode cost. Readiness follows <see cref="State"/>. A backend that cannot load
/// (missing, truncated or mismatched file) stops the service with a clear log line instead of serving errors; a
/// failing warm-up generation (an upstream still starting) keeps it unready and is retried.
/// </summary>
internal sealed partial class ModelWarmup(
    IModelBackendLoader loader,
    ServedChatClient served,
    IHostApplicationLifetime lifetime,
    TimeProvider timeProvider,
    ILogger<ModelWarmup> logger) : BackgroundService
{
    private static readonly TimeSpan WarmupRetryDelay = TimeSpan.FromSeconds(5);

    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private volatile WarmupState _state;
    private volatile string? _problem;

    public WarmupState State => _state;

    /// <summary>Why loading failed (fatal), or why the last warm-up generation failed (retried).</summary>
    public string? Problem => _problem;

    /// <summary>Completes when the service is ready; faults when loading failed.</summary>
    public Task Ready => _ready.Task;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = timeProvider.GetTimestamp();
        try
        {
            served.Publish(await loader.LoadAsync(stoppingToken).ConfigureAwait(false));
            _state = WarmupState.WarmingUp;
            var tokens = await WarmUpAsync(stoppingToken).ConfigureAwait(false);
            _state = WarmupState.Ready;
            _problem = null;
            _ready.TrySetResult();
            var backend = served.Backend!;
            LogReady(backend.ModelName, backend.Digest ?? "not known", tokens, timeProvider.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            _ready.TrySetCanceled(stoppingToken);
        }
        catch (Exception ex)
        {
            _problem = ex.Message;
            _state = WarmupState.Failed;
            _ready.TrySetException(ex);
            LogLoadFailed(ex, ex.Message);
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
    }

    private async Task<long> WarmUpAsync(CancellationToken stoppingToken)
    {
        while (true)
        {
            try
            {
                var warm = await served.GetResponseAsync(
                    [new ChatMessage(ChatRole.User, "Hello")],
                    new ChatOptions { MaxOutputTokens = 4, Seed = 1, Temperature = 0 },
                    stoppingToken).ConfigureAwait(false);
                return warm.Usage?.OutputTokenCount ?? 0;
            }
            catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
            {
                _problem = ex.Message;
                LogWarmupFailed(ex, WarmupRetryDelay.TotalSeconds);
                await Task.Delay(WarmupRetryDelay, timeProvider, stoppingToken).ConfigureAwait(false);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Model {Name} (sha256 {Digest}) loaded and warmed up ({Tokens} tokens) in {ElapsedMs:0} ms")]
    private partial void LogReady(string name, string digest, long tokens, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The model could not be loaded; the service stops: {Reason}")]
    private partial void LogLoadFailed(Exception exception, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Warm-up generation failed; retrying in {DelaySeconds} s")]
    private partial void LogWarmupFailed(Exception exception, double delaySeconds);
}
