using HybridLlm.Contracts;
using HybridLlm.Gateway.Telemetry;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.Metrics.Testing;

namespace HybridLlm.Gateway.Tests;

public sealed class GatewayMetricsTests
{
    [Fact]
    public async Task Complete_AnsweredRequest_CountsRouteCostAndTokens()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var metrics = new GatewayMetrics(services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>());
        using var requests = new MetricCollector<long>(services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), GatewayMetrics.MeterName, "hybridllm.gateway.requests");
        using var tokens = new MetricCollector<long>(services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>(), GatewayMetrics.MeterName, "hybridllm.gateway.tokens");
        var backend = new TestChatClient();
        backend.Respond = (_, _) => new ChatResponse(new ChatMessage(ChatRole.Assistant, "hi"))
        {
            Usage = new UsageDetails { InputTokenCount = 7, OutputTokenCount = 3 },
            AdditionalProperties = new() { [ChatMetadata.Route] = RouteNames.Proprietary, [ChatMetadata.CostUsd] = 0.5 },
        };
        using var client = new GatewayTelemetryChatClient(backend, metrics, TimeProvider.System);

        await client.GetResponseAsync([new ChatMessage(ChatRole.User, "x")]);

        var request = Assert.Single(requests.GetMeasurementSnapshot());
        Assert.Equal(1, request.Value);
        Assert.Equal(RouteNames.Proprietary, request.Tags["route"]);
        Assert.Equal(10, tokens.GetMeasurementSnapshot().Sum(m => m.Value));
    }

    [Fact]
    public async Task Complete_FailedRequest_CountsTheStatus()
    {
        using var services = new ServiceCollection().AddMetrics().BuildServiceProvider();
        var factory = services.GetRequiredService<System.Diagnostics.Metrics.IMeterFactory>();
        using var failures = new MetricCollector<long>(factory, GatewayMetrics.MeterName, "hybridllm.gateway.failures");
        var backend = new TestChatClient { Respond = (_, _) => throw new Contracts.Errors.ChatServiceException(global::Grpc.Core.StatusCode.Unavailable, "down") };
        using var client = new GatewayTelemetryChatClient(backend, new GatewayMetrics(factory), TimeProvider.System);

        await Assert.ThrowsAsync<Contracts.Errors.ChatServiceException>(() => client.GetResponseAsync([new ChatMessage(ChatRole.User, "x")]));

        Assert.Equal("Unavailable", Assert.Single(failures.GetMeasurementSnapshot()).Tags["status"]);
    }
}
