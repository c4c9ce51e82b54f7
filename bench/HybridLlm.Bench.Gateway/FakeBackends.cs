using Grpc.Core;
using HybridLlm.Grpc.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace HybridLlm.Bench.Gateway;

/// <summary>
/// One Kestrel gRPC server (HTTP/2 cleartext, 127.0.0.1, ephemeral port) hosting a <see cref="ChatService"/> and a
/// <see cref="Classifier"/> that both answer at once. The gateway uses it as its local, proprietary and classifier
/// backend; the benchmark calls the same server directly for the baseline.
/// </summary>
internal sealed class FakeBackends : IAsyncDisposable
{
    /// <summary>A prompt containing this is answered at once, whatever the configured delay (the saturation scenarios).</summary>
    public const string InstantMarker = "[fake: answer at once]";

    private readonly WebApplication _app;
    private readonly BackendLatency? _delay;

    private FakeBackends(WebApplication app, BackendLatency? delay, Uri address)
    {
        _app = app;
        _delay = delay;
        Address = address;
    }

    public Uri Address { get; }

    /// <param name="chatDelay">
    /// How long the chat service takes to answer on average (<see cref="BackendLatency"/>: sleeping threads, no CPU, tens
    /// of microseconds of jitter): zero answers at once, so a closed loop saturates the cores and measures CPU per request;
    /// a few milliseconds (still far below any model's time to first token) leaves the cores idle enough that latency
    /// measures the path, not the queue for CPU.
    /// </param>
    /// <param name="cancellationToken">Stops the start.</param>
    /// <param name="chatDelaySpread">Answer times are uniform within ± this of <paramref name="chatDelay"/>.</param>
    public static async Task<FakeBackends> StartAsync(TimeSpan chatDelay, TimeSpan chatDelaySpread, CancellationToken cancellationToken)
    {
        // The empty builder reads no appsettings.json, environment or logging configuration: nothing the gateway's
        // configuration says can reach the fakes.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore()
            .ConfigureKestrel(kestrel => kestrel.ConfigureEndpointDefaults(endpoint => endpoint.Protocols = HttpProtocols.Http2))
            .UseUrls("http://127.0.0.1:0");
        builder.Services.AddGrpc();
        var delay = chatDelay > TimeSpan.Zero ? new BackendLatency(chatDelay, chatDelaySpread) : null;
        builder.Services.AddSingleton(new ChatDelay(delay));
        var app = builder.Build();
        app.MapGrpcService<InstantChatService>();
        app.MapGrpcService<InstantClassifier>();
        await app.StartAsync(cancellationToken);
        return new FakeBackends(app, delay, new Uri(app.Urls.First()));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _delay?.Dispose();
    }

    private sealed record ChatDelay(BackendLatency? Value);

    /// <summary>
    /// A backend that has its answer ready (after <see cref="ChatDelay"/>, when set): what remains of a call is transport
    /// and (de)serialization.
    /// </summary>
    private sealed class InstantChatService(ChatDelay delay) : ChatService.ChatServiceBase
    {
        public override async Task<ChatResponse> Complete(ChatRequest request, ServerCallContext context)
        {
            if (delay.Value is { } wait && !request.Messages[^1].Text.Contains(InstantMarker, StringComparison.Ordinal))
            {
                await wait.WaitAsync();
            }

            return new ChatResponse
            {
                Text = "ready",
                FinishReason = FinishReason.Stop,
                Usage = new Usage { InputTokens = 12, OutputTokens = 1 },
                Route = Route.Local,
                ModelId = "fake-local",
            };
        }
    }

    /// <summary>A classifier that always finds an easy chat prompt without personal data (routes local).</summary>
    private sealed class InstantClassifier : Classifier.ClassifierBase
    {
        public override Task<ClassifyResponse> Classify(ClassifyRequest request, ServerCallContext context) =>
            Task.FromResult(new ClassifyResponse { Task = TaskType.Chat, StrongScore = 0.1, InputTokens = 12 });
    }
}
