using HybridLlm.ProprietaryAdapter.Providers;
using HybridLlm.ProprietaryAdapter.Tests.Support;
using HybridLlm.Testing.Fakes;
using Microsoft.Extensions.AI;

namespace HybridLlm.ProprietaryAdapter.Tests;

/// <summary>The breaker counts 5xx and timeouts, opens, and then fails fast without calling the vendor.</summary>
public sealed class CircuitBreakerTests
{
    [Fact]
    public async Task Complete_Repeated5xx_OpensCircuitAndFailsFastWithoutCallingTheVendor()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.EnqueueFault(FakeFault.Status(503));
        server.EnqueueFault(FakeFault.Status(500));
        await using var harness = ProviderHarness.Start(BreakerSettings(server.BaseAddress));

        var first = await Assert.ThrowsAsync<UpstreamProviderException>(() => harness.Client.GetResponseAsync("Hello"));
        var second = await Assert.ThrowsAsync<UpstreamProviderException>(() => harness.Client.GetResponseAsync("Hello"));

        Assert.Equal(UpstreamFailureKind.ServerError, first.Kind);
        Assert.Equal(UpstreamFailureKind.CircuitOpen, second.Kind);
        Assert.Equal(2, server.Calls); // the second call never reached the vendor
        Assert.Contains(harness.Logs.GetSnapshot(), r => r.Message.Contains("circuit opened", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Complete_CircuitOpen_CarriesTheTimeUntilTheTrialCallAsRetryAfter()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.EnqueueFault(FakeFault.Status(503));
        server.EnqueueFault(FakeFault.Status(503));
        await using var harness = ProviderHarness.Start(BreakerSettings(server.BaseAddress));

        await Assert.ThrowsAsync<UpstreamProviderException>(() => harness.Client.GetResponseAsync("Hello"));
        var open = await Assert.ThrowsAsync<UpstreamProviderException>(() => harness.Client.GetResponseAsync("Hello"));

        Assert.Equal(UpstreamFailureKind.CircuitOpen, open.Kind);
        Assert.InRange(open.RetryAfter!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromMinutes(1)); // BreakDuration 1 min
    }

    [Fact]
    public async Task Complete_Repeated429_DoesNotOpenCircuit()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        for (var i = 0; i < 4; i++)
        {
            server.EnqueueFault(FakeFault.Status(429, retryAfterMilliseconds: 1));
        }

        await using var harness = ProviderHarness.Start(BreakerSettings(server.BaseAddress));

        await Assert.ThrowsAsync<UpstreamProviderException>(() => harness.Client.GetResponseAsync("Hello"));
        await Assert.ThrowsAsync<UpstreamProviderException>(() => harness.Client.GetResponseAsync("Hello"));
        var response = await harness.Client.GetResponseAsync("Hello");

        Assert.Equal(server.ReplyText, response.Text);
        Assert.Equal(5, server.Calls);
    }

    // Two attempts per call; the circuit opens once two sampled attempts have all failed.
    private static Dictionary<string, string?> BreakerSettings(Uri endpoint) =>
        TestSettings.For(ProviderKind.OpenAI, endpoint)
            .With("Proprietary:Retry:MaxAttempts", "2")
            .With("Proprietary:CircuitBreaker:MinimumThroughput", "2")
            .With("Proprietary:CircuitBreaker:FailureRatio", "1.0")
            .With("Proprietary:CircuitBreaker:BreakDuration", "00:01:00");
}
