using HybridLlm.Grpc.V1;
using HybridLlm.ProprietaryAdapter.Telemetry;
using HybridLlm.ProprietaryAdapter.Tests.Support;
using HybridLlm.Testing.Fakes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace HybridLlm.ProprietaryAdapter.Tests;

[Collection(RedisCollection.Name)]
public sealed class AdapterMetricsTests(RedisServerFixture redis)
{
    [Fact]
    public async Task Gauges_AfterRepeated5xx_ReportTheOpenCircuitAndTheQueue()
    {
        await using var vendor = await Vendor.StartAsync("OpenAI");
        for (var i = 0; i < 40; i++)
        {
            vendor.EnqueueFault(FakeFault.Status(503));
        }

        var settings = AdapterSettings.For(vendor, redis)
            .With("Proprietary:CircuitBreaker:MinimumThroughput", "2")
            .With("Proprietary:CircuitBreaker:FailureRatio", "0.5")
            .With("Proprietary:Deferred:PollInterval", "00:10:00");
        await using var host = await AdapterHost.StartAsync(settings);
        var factory = host.Services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        using var circuit = new MetricCollector<int>(factory, AdapterMetrics.MeterName, "hybridllm.adapter.circuit_state");
        using var depth = new MetricCollector<long>(factory, AdapterMetrics.MeterName, "hybridllm.adapter.deferred_queue_depth");
        var request = new ChatRequest { Messages = { new ChatMessage { Role = ChatRole.User, Text = "hi" } } };

        for (var i = 0; i < 3; i++)
        {
            await Assert.ThrowsAnyAsync<global::Grpc.Core.RpcException>(() => host.Client.CompleteAsync(request).ResponseAsync);
        }

        circuit.RecordObservableInstruments();
        depth.RecordObservableInstruments();

        Assert.Equal(2, circuit.LastMeasurement!.Value);
        Assert.Equal("default", circuit.LastMeasurement.Tags["deployment"]);
        Assert.NotNull(depth.LastMeasurement);
    }
}
