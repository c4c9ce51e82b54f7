using Grpc.Core;
using HybridLlm.ProprietaryAdapter.Tests.Support;
using HybridLlm.Testing.Fakes;
using Microsoft.Extensions.Logging.Testing;

namespace HybridLlm.ProprietaryAdapter.Tests;

/// <summary>
/// The whole adapter with two deployments (two keys, both SDKs), rate limiting, retries and deferral: neither key ever
/// reaches a log record (Trace level, structured state and exceptions included) or a status message.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class AdapterSecretHygieneTests(RedisServerFixture redis)
{
    private const string EastKey = "sk-east-SECRET-9f8e7d6c";
    private const string WestKey = "sk-ant-west-SECRET-5b4a3928";

    [Fact]
    public async Task Calls_AcrossDeploymentsLimiterAndDeferral_NeverLogEitherKey()
    {
        await using var east = await FakeOpenAiServer.StartAsync();
        await using var west = await FakeAnthropicServer.StartAsync();
        east.EnqueueFault(FakeFault.Status(429, retryAfterMilliseconds: 5));
        var space = $"test-{Guid.NewGuid():N}";
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:redis"] = redis.ConnectionString,
            ["Proprietary:Model"] = "shared-model",
            ["Proprietary:Retry:BaseDelay"] = "00:00:00.010",
            ["Proprietary:Retry:MaxDelay"] = "00:00:00.050",
            ["Proprietary:RateLimit:MaxWait"] = "00:00:00",
            ["Proprietary:RateLimit:KeyPrefix"] = $"{space}:rl",
            ["Proprietary:Deferred:KeyPrefix"] = $"{space}:deferred",
            ["Proprietary:Deployments:east:Provider"] = "OpenAI",
            ["Proprietary:Deployments:east:Endpoint"] = east.BaseAddress.ToString(),
            ["Proprietary:Deployments:east:ApiKey"] = EastKey,
            ["Proprietary:Deployments:east:RequestsPerMinute"] = "1",
            ["Proprietary:Deployments:west:Provider"] = "Anthropic",
            ["Proprietary:Deployments:west:Endpoint"] = west.BaseAddress.ToString(),
            ["Proprietary:Deployments:west:ApiKey"] = WestKey,
            ["Proprietary:Deployments:west:RequestsPerMinute"] = "1",
        };
        await using var host = await AdapterHost.StartAsync(settings);

        await host.Client.CompleteAsync(DeferredQueueTests.Request(mayDefer: false));
        await host.Client.CompleteAsync(DeferredQueueTests.Request(mayDefer: false));
        var refused = await Assert.ThrowsAsync<RpcException>(async () => await host.Client.CompleteAsync(DeferredQueueTests.Request(mayDefer: false)));
        var deferred = await host.Client.CompleteAsync(DeferredQueueTests.Request(mayDefer: true));

        Assert.Equal(StatusCode.ResourceExhausted, refused.StatusCode);
        Assert.NotEmpty(deferred.DeferredJobId);
        Assert.Equal(2, east.Calls); // one 429, retried once
        Assert.Equal(1, west.Calls);
        Assert.Equal($"Bearer {EastKey}", east.Requests[^1].Header("Authorization"));
        var records = host.Logs.GetSnapshot();
        Assert.Contains(records, r => r.Id.Id == 1); // the retry was logged
        Assert.Contains(records, r => r.Id.Id == 30); // the deferral was logged
        Assert.All(records, record =>
        {
            Assert.DoesNotContain(EastKey, Render(record), StringComparison.Ordinal);
            Assert.DoesNotContain(WestKey, Render(record), StringComparison.Ordinal);
        });
        Assert.DoesNotContain(EastKey, refused.Status.Detail, StringComparison.Ordinal);
    }

    private static string Render(FakeLogRecord record) =>
        string.Join("|", record.Message, record.Exception?.ToString(),
            string.Join(",", record.StructuredState?.Select(kv => $"{kv.Key}={kv.Value}") ?? []));
}
