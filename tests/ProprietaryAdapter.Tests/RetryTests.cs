using HybridLlm.ProprietaryAdapter.Providers;
using HybridLlm.ProprietaryAdapter.Tests.Support;
using HybridLlm.Testing.Fakes;
using Microsoft.Extensions.AI;

namespace HybridLlm.ProprietaryAdapter.Tests;

/// <summary>
/// The one retry loop, timed on a fake clock: each test waits for the loop's backoff timer, checks its length, and only
/// then advances the clock; no call can happen early because the clock does not move by itself.
/// </summary>
public sealed class RetryTests
{
    private static readonly TimeSpan AttemptTimeout = TimeSpan.FromSeconds(120);

    [Fact]
    public async Task Complete_429WithRetryAfter_WaitsThatLongThenSucceeds()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.EnqueueFault(FakeFault.Status(429, retryAfterSeconds: 7));
        var clock = new TimerObservingTimeProvider();
        await using var harness = ProviderHarness.Start(TestSettings.WithDefaultDelays(ProviderKind.OpenAI, server.BaseAddress), clock);

        var call = harness.Client.GetResponseAsync("Hello");
        var delay = await clock.NextDelayAsync(AttemptTimeout);

        Assert.Equal(TimeSpan.FromSeconds(7), delay);
        Assert.Equal(1, server.Calls);
        clock.Advance(delay);
        var response = await call;
        Assert.Equal(server.ReplyText, response.Text);
        Assert.Equal(2, server.Calls);
    }

    [Fact]
    public async Task Complete_429WithRetryAfterMs_WaitsThatLongThenSucceeds()
    {
        await using var server = await FakeAnthropicServer.StartAsync();
        server.EnqueueFault(FakeFault.Status(429, retryAfterSeconds: 9, retryAfterMilliseconds: 1500));
        var clock = new TimerObservingTimeProvider();
        await using var harness = ProviderHarness.Start(TestSettings.WithDefaultDelays(ProviderKind.Anthropic, server.BaseAddress), clock);

        var call = harness.Client.GetResponseAsync("Hello");
        var delay = await clock.NextDelayAsync(AttemptTimeout);

        Assert.Equal(TimeSpan.FromMilliseconds(1500), delay); // retry-after-ms wins over Retry-After
        clock.Advance(delay);
        Assert.Equal(server.ReplyText, (await call).Text);
        Assert.Equal(2, server.Calls);
    }

    [Fact]
    public async Task Complete_RetryAfterBeyondMaxDelay_IsClampedToMaxDelay()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.EnqueueFault(FakeFault.Status(429, retryAfterSeconds: 3600));
        var clock = new TimerObservingTimeProvider();
        await using var harness = ProviderHarness.Start(TestSettings.WithDefaultDelays(ProviderKind.OpenAI, server.BaseAddress), clock);

        var call = harness.Client.GetResponseAsync("Hello");
        var delay = await clock.NextDelayAsync(AttemptTimeout);

        Assert.Equal(TimeSpan.FromSeconds(30), delay); // MaxDelay default
        clock.Advance(delay);
        Assert.Equal(server.ReplyText, (await call).Text);
        Assert.Equal(2, server.Calls);
    }

    [Fact]
    public async Task Complete_503WithRetryAfterHttpDate_WaitsUntilThatDate()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        var clock = new TimerObservingTimeProvider();
        server.EnqueueFault(new FakeFault { StatusCode = 503, RetryAfterDate = clock.GetUtcNow().AddSeconds(12) });
        await using var harness = ProviderHarness.Start(TestSettings.WithDefaultDelays(ProviderKind.OpenAI, server.BaseAddress), clock);

        var call = harness.Client.GetResponseAsync("Hello");
        var delay = await clock.NextDelayAsync(AttemptTimeout);

        Assert.Equal(TimeSpan.FromSeconds(12), delay);
        clock.Advance(delay);
        Assert.Equal(server.ReplyText, (await call).Text);
    }

    [Fact]
    public async Task Complete_503WithoutHint_BacksOffWithinBaseAndMaxDelay()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.EnqueueFault(FakeFault.Status(503));
        server.EnqueueFault(FakeFault.Status(503));
        var clock = new TimerObservingTimeProvider();
        await using var harness = ProviderHarness.Start(TestSettings.WithDefaultDelays(ProviderKind.OpenAI, server.BaseAddress), clock);

        var call = harness.Client.GetResponseAsync("Hello");
        var first = await clock.NextDelayAsync(AttemptTimeout);
        clock.Advance(first);
        var second = await clock.NextDelayAsync(AttemptTimeout);
        clock.Advance(second);

        Assert.Equal(server.ReplyText, (await call).Text);
        Assert.Equal(3, server.Calls);
        Assert.InRange(first, TimeSpan.Zero, TimeSpan.FromSeconds(30));
        Assert.InRange(second, TimeSpan.Zero, TimeSpan.FromSeconds(30));
    }
}
