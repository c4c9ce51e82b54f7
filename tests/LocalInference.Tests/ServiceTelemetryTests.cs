using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using HybridLlm.Grpc.V1;
using HybridLlm.LocalInference.Telemetry;
using HybridLlm.LocalInference.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace HybridLlm.LocalInference.Tests;

/// <summary>Model identity on every answer, the HybridLlm.LocalInference meter and the gen_ai span.</summary>
public sealed class ServiceTelemetryTests
{
    [Fact]
    public async Task Complete_ThroughTheService_CarriesModelNameDigestTimeToFirstTokenAndComputeTime()
    {
        await using var host = await ServiceHost.StartAsync(ServiceHost.StoriesSettings());

        var answer = await host.Client.CompleteAsync(Request("Ben saw a big tree", 6));

        Assert.Equal(StoriesModel.Digest, answer.ModelDigest);
        Assert.False(string.IsNullOrEmpty(answer.ModelId));
        Assert.Equal(6, answer.Usage.OutputTokens);
        Assert.Equal(FinishReason.Length, answer.FinishReason);
        Assert.True(answer.TimeToFirstTokenMs > 0);
        Assert.True(answer.ComputeMs > 0);
    }

    [Fact]
    public async Task Complete_ThroughTheService_RecordsLoadSpeedAndModelIdentityMetrics()
    {
        await using var host = await ServiceHost.StartAsync(ServiceHost.StoriesSettings());
        var meters = host.Services.GetRequiredService<IMeterFactory>();
        using var firstToken = new MetricCollector<double>(meters, LocalInferenceMetrics.MeterName, "hybridllm.local_inference.time_to_first_token");
        using var tokens = new MetricCollector<long>(meters, LocalInferenceMetrics.MeterName, "hybridllm.local_inference.output_tokens");
        using var model = new MetricCollector<int>(meters, LocalInferenceMetrics.MeterName, "hybridllm.local_inference.model_info");
        using var active = new MetricCollector<int>(meters, LocalInferenceMetrics.MeterName, "hybridllm.local_inference.active_sequences");
        using var queued = new MetricCollector<long>(meters, LocalInferenceMetrics.MeterName, "hybridllm.local_inference.queue_depth");

        await host.Client.CompleteAsync(Request("Sue liked to sing", 7));
        model.RecordObservableInstruments();
        active.RecordObservableInstruments();
        queued.RecordObservableInstruments();

        Assert.True(Assert.Single(firstToken.GetMeasurementSnapshot()).Value > 0);
        var generated = Assert.Single(tokens.GetMeasurementSnapshot());
        Assert.Equal(7, generated.Value);
        Assert.True(generated.MatchesTags(new KeyValuePair<string, object?>("finish_reason", "length")));
        var info = model.LastMeasurement!;
        Assert.Equal(1, info.Value);
        Assert.Equal(StoriesModel.Digest, info.Tags["digest"]);
        Assert.Equal("LlamaSharp", info.Tags["backend"]);
        Assert.False(string.IsNullOrEmpty(info.Tags["model"] as string));
        Assert.Equal(0, active.LastMeasurement?.Value);
        Assert.Equal(0, queued.LastMeasurement?.Value);
    }

    [Fact]
    public async Task Complete_ThroughTheService_OpensAGenAiSpanWithTheModelDigest()
    {
        var spans = new ConcurrentQueue<Activity>();
        using var listener = new ActivityListener
        {
            ShouldListenTo = source => source.Name == "Experimental.Microsoft.Extensions.AI",
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Enqueue,
        };
        ActivitySource.AddActivityListener(listener);
        await using var host = await ServiceHost.StartAsync(ServiceHost.StoriesSettings());

        var answer = await host.Client.CompleteAsync(Request("Mom made a cake", 5));

        var span = Assert.Single(spans, s => s.GetTagItem("gen_ai.usage.output_tokens") is 5 && s.GetTagItem("hybridllm.model_digest") is not null);
        Assert.Equal(StoriesModel.Digest, span.GetTagItem("hybridllm.model_digest"));
        Assert.Equal(answer.ModelId, span.GetTagItem("gen_ai.response.model"));
        Assert.Equal("length", span.GetTagItem("hybridllm.finish_reason"));
        Assert.StartsWith("chat", span.DisplayName, StringComparison.Ordinal);
    }

    private static ChatRequest Request(string prompt, int maxOutputTokens) => new()
    {
        Messages = { new ChatMessage { Role = ChatRole.User, Text = prompt } },
        Options = new ChatOptions { MaxOutputTokens = maxOutputTokens, Seed = 3, Temperature = 0.9f },
    };
}
