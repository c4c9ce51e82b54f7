using HybridLlm.LocalInference.Llama;
using Microsoft.Extensions.AI;

namespace HybridLlm.LocalInference.Hosting;

/// <summary>
/// Loads the model and runs one short generation at start, so the first caller pays neither the load nor the
/// first-decode cost. A model that cannot load stops the service with a clear log line instead of serving errors.
/// </summary>
internal sealed partial class ModelWarmup(
    IServiceProvider services,
    IHostApplicationLifetime lifetime,
    TimeProvider timeProvider,
    ILogger<ModelWarmup> logger) : BackgroundService
{
    private volatile bool _ready;

    public bool IsReady => _ready;

    public string? FailureReason { get; private set; }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var started = timeProvider.GetTimestamp();
        try
        {
            // Loading is synchronous native work; keep it off the host's start-up path.
            var model = await Task.Run(() => services.GetRequiredService<LlamaModel>(), stoppingToken);
            var client = services.GetRequiredService<IChatClient>();
            var warm = await client.GetResponseAsync(
                [new ChatMessage(ChatRole.User, "Hello")],
                new ChatOptions { MaxOutputTokens = 4, Seed = 1, Temperature = 0 },
                stoppingToken);
            _ready = true;
            LogReady(model.Name, model.Digest, warm.Usage?.OutputTokenCount ?? 0, timeProvider.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception ex)
        {
            FailureReason = ex.Message;
            LogLoadFailed(ex);
            Environment.ExitCode = 1;
            lifetime.StopApplication();
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Model {Name} (sha256 {Digest}) loaded and warmed up ({Tokens} tokens) in {ElapsedMs:0} ms")]
    private partial void LogReady(string name, string digest, long tokens, double elapsedMs);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The local model could not be loaded; the service stops")]
    private partial void LogLoadFailed(Exception exception);
}
