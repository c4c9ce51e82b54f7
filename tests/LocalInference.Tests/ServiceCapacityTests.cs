using System.Diagnostics.Metrics;
using Grpc.Core;
using HybridLlm.Contracts.Errors;
using HybridLlm.Grpc.V1;
using HybridLlm.LocalInference.Admission;
using HybridLlm.LocalInference.Llama;
using HybridLlm.LocalInference.Telemetry;
using HybridLlm.LocalInference.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;
using Ai = Microsoft.Extensions.AI;

namespace HybridLlm.LocalInference.Tests;

/// <summary>Admission control and cancellation through the real gRPC service over the real model.</summary>
public sealed class ServiceCapacityTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Complete_OverCapacity_IsResourceExhaustedWithARetryAfterTrailer()
    {
        var hold = new TaskCompletionSource();
        await using var host = await StartOneSlotServiceAsync();
        using var rejections = new MetricCollector<long>(
            host.Services.GetRequiredService<IMeterFactory>(), LocalInferenceMetrics.MeterName, "hybridllm.local_inference.admission_rejections");
        var gated = Gated(host);
        gated.HoldAfterFirstUpdate = hold.Task;
        using var busy = host.Client.CompleteStream(Request("Once upon a time", 64));
        Assert.True(await busy.ResponseStream.MoveNext(CancellationToken.None));
        await gated.Holding.Task.WaitAsync(Guard);

        var error = await Assert.ThrowsAsync<RpcException>(() => host.Client.CompleteAsync(Request("Tom was sad", 8)).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, error.StatusCode);
        Assert.Contains("MaxQueuedRequests", error.Status.Detail, StringComparison.Ordinal);
        Assert.True(ChatErrorMapper.GetRetryAfter(error) > TimeSpan.Zero);
        rejections.RecordObservableInstruments();
        Assert.Contains(rejections.GetMeasurementSnapshot(), m => m.Value == 1 && m.MatchesTags(new KeyValuePair<string, object?>("reason", "queue_full")));
        hold.SetResult();
        while (await busy.ResponseStream.MoveNext(CancellationToken.None))
        {
        }
    }

    [Fact]
    public async Task Stream_CancelledMidStream_ReturnsItsSequenceAndSlotToTheNextCaller()
    {
        await using var host = await StartOneSlotServiceAsync();
        using var requests = new MetricCollector<long>(
            host.Services.GetRequiredService<IMeterFactory>(), LocalInferenceMetrics.MeterName, "hybridllm.local_inference.requests");
        var gated = Gated(host);
        // Held until its caller goes away: the stream is certainly mid-generation when cancelled.
        gated.HoldAfterFirstUpdate = new TaskCompletionSource().Task;
        using var cancel = new CancellationTokenSource();
        // A long story (the seed LlamaCancellationTests uses): the loop is still decoding it when the caller leaves.
        var first = host.Client.CompleteStream(Request("Once upon a time", 1900, seed: 9), cancellationToken: cancel.Token);
        Assert.True(await first.ResponseStream.MoveNext(CancellationToken.None));
        await gated.Holding.Task.WaitAsync(Guard);
        gated.HoldAfterFirstUpdate = null;

        await cancel.CancelAsync();
        first.Dispose();
        // The cancellation reaches the server asynchronously (RST_STREAM); the request's end is recorded just
        // outside admission control, so once it is, the slot is back.
        await requests.WaitForMeasurementsAsync(1, Guard);
        var next = await host.Client.CompleteAsync(Request("Tom was sad", 8));

        Assert.True(requests.GetMeasurementSnapshot()[0].MatchesTags(new KeyValuePair<string, object?>("finish_reason", "cancelled")));
        Assert.Equal(8, next.Usage.OutputTokens);
        var llama = Ai.ChatClientExtensions.GetService<LlamaChatClient>(host.Services.GetRequiredService<Ai.IChatClient>())!;
        Assert.Equal(1, llama.Loop.CancelledRequestCount);
        Assert.Equal(0, host.Services.GetRequiredService<AdmissionController>().ActiveCount);
    }

    [Fact]
    public async Task Stream_SameSeedThroughTheService_GivesTheSameTextAsUnary()
    {
        await using var host = await ServiceHost.StartAsync(ServiceHost.StoriesSettings());
        var request = Request("Lily had a red ball", 48);

        var unary = await host.Client.CompleteAsync(request);
        var streamed = new System.Text.StringBuilder();
        ChatResponse? final = null;
        using (var stream = host.Client.CompleteStream(request))
        {
            while (await stream.ResponseStream.MoveNext(CancellationToken.None))
            {
                streamed.Append(stream.ResponseStream.Current.TextDelta);
                final = stream.ResponseStream.Current.Final ?? final;
            }
        }

        Assert.Equal(unary.Text, streamed.ToString());
        Assert.Equal(unary.Usage.OutputTokens, final?.Usage.OutputTokens);
        Assert.Equal(unary.ModelDigest, final?.ModelDigest);
        Assert.True(final?.TimeToFirstTokenMs > 0);
    }

    private static Task<ServiceHost> StartOneSlotServiceAsync() => ServiceHost.StartAsync(
        ServiceHost.StoriesSettings(
            ("LocalInference:MaxConcurrentSequences", "1"),
            ("LocalInference:MaxQueuedRequests", "0"),
            ("LocalInference:MaxOutputTokens", "1900")),
        ControlledBackendLoader.Install<LlamaBackendLoader>());

    private static GatedChatClient Gated(ServiceHost host) => host.Services.GetRequiredService<ControlledBackendLoader>().Client!;

    private static ChatRequest Request(string prompt, int maxOutputTokens, long seed = 5) => new()
    {
        Messages = { new ChatMessage { Role = ChatRole.User, Text = prompt } },
        Options = new ChatOptions { MaxOutputTokens = maxOutputTokens, Seed = seed, Temperature = 0.9f },
    };
}
