using Grpc.Core;
using HybridLlm.Contracts.Errors;
using HybridLlm.LocalInference.Admission;
using HybridLlm.LocalInference.Llama;
using HybridLlm.LocalInference.Telemetry;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace HybridLlm.LocalInference.Serving;

/// <summary>
/// The <see cref="IChatClient"/> the gRPC service calls. Until <see cref="Hosting.ModelWarmup"/> publishes the loaded
/// backend it answers Unavailable; then every request runs the same pipeline over either backend, outermost first:
/// Microsoft.Extensions.AI's gen_ai span (<c>UseOpenTelemetry</c>), <see cref="ModelTelemetryChatClient"/> (metrics,
/// digest, time to first token), <see cref="AdmissionChatClient"/> (bounded concurrency and queue), the output cap.
/// </summary>
internal sealed class ServedChatClient(
    AdmissionController admission,
    LocalInferenceMetrics metrics,
    IOptions<LlamaOptions> llama,
    IOptions<ServingOptions> serving,
    TimeProvider timeProvider,
    IConfiguration configuration) : IChatClient
{
    private static readonly TimeSpan LoadingRetryAfter = TimeSpan.FromSeconds(5);

    private Served? _served;
    private int _disposed;

    /// <summary>The backend answering requests, once loaded.</summary>
    public ModelBackend? Backend => Volatile.Read(ref _served)?.Backend;

    /// <summary>Starts serving <paramref name="backend"/>; this client then owns and disposes it.</summary>
    public void Publish(ModelBackend backend)
    {
        ArgumentNullException.ThrowIfNull(backend);
        var maxOutputTokens = llama.Value.MaxOutputTokens;
        var pipeline = backend.Client.AsBuilder()
            .UseOpenTelemetry(configure: telemetry => telemetry.EnableSensitiveData = configuration.GetValue("Telemetry:RecordPrompts", false))
            .Use(inner => new ModelTelemetryChatClient(inner, backend, metrics, timeProvider))
            .Use(inner => new AdmissionChatClient(inner, admission))
            .ConfigureOptions(options => options.MaxOutputTokens ??= maxOutputTokens)
            .Build();
        if (Interlocked.CompareExchange(ref _served, new Served(backend, pipeline), null) is not null)
        {
            pipeline.Dispose();
            throw new InvalidOperationException("A backend is already being served.");
        }

        metrics.ModelLoaded(serving.Value.Backend.ToString(), backend.ModelName, backend.Digest);
    }

    public Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        Pipeline().GetResponseAsync(messages, options, cancellationToken);

    public IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        Pipeline().GetStreamingResponseAsync(messages, options, cancellationToken);

    public object? GetService(Type serviceType, object? serviceKey = null)
    {
        ArgumentNullException.ThrowIfNull(serviceType);
        return serviceKey is null && serviceType.IsInstanceOfType(this)
            ? this
            : Volatile.Read(ref _served)?.Pipeline.GetService(serviceType, serviceKey);
    }

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0 && Volatile.Read(ref _served) is { } served)
        {
            // The pipeline disposes its clients down to the backend's; the backend then releases the weights.
            served.Pipeline.Dispose();
            served.Backend.Dispose();
        }
    }

    private IChatClient Pipeline() =>
        Volatile.Read(ref _served)?.Pipeline ?? throw new ChatServiceException(
            StatusCode.Unavailable, "The local model is still loading; retry shortly or use another route.", LoadingRetryAfter);

    private sealed record Served(ModelBackend Backend, IChatClient Pipeline);
}
