using HybridLlm.ProprietaryAdapter.Providers;
using HybridLlm.ProprietaryAdapter.Tests.Support;
using HybridLlm.Testing.Fakes;
using Microsoft.Extensions.AI;

namespace HybridLlm.ProprietaryAdapter.Tests;

/// <summary>When the retry loop stops and what the caller then sees (real time, 10–50 ms backoff).</summary>
public sealed class GiveUpTests
{
    [Fact]
    public async Task Complete_FourServerErrors_GivesUpAfterExactlyMaxAttempts()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        for (var i = 0; i < 4; i++)
        {
            server.EnqueueFault(FakeFault.Status(503));
        }

        await using var harness = ProviderHarness.Start(TestSettings.For(ProviderKind.OpenAI, server.BaseAddress));

        var error = await Assert.ThrowsAsync<UpstreamProviderException>(() => harness.Client.GetResponseAsync("Hello"));

        Assert.Equal(4, server.Calls);
        Assert.Equal(UpstreamFailureKind.ServerError, error.Kind);
        Assert.Equal(503, error.StatusCode);
        Assert.Equal(ProviderKind.OpenAI, error.Provider);
    }

    [Fact]
    public async Task Complete_BadRequest_IsNotRetried()
    {
        await using var server = await FakeAnthropicServer.StartAsync();
        server.EnqueueFault(FakeFault.Status(400));
        await using var harness = ProviderHarness.Start(TestSettings.For(ProviderKind.Anthropic, server.BaseAddress));

        var error = await Assert.ThrowsAsync<UpstreamProviderException>(() => harness.Client.GetResponseAsync("Hello"));

        Assert.Equal(1, server.Calls);
        Assert.Equal(UpstreamFailureKind.Rejected, error.Kind);
        Assert.Equal(400, error.StatusCode);
    }

    [Theory]
    [InlineData("OpenAI")]
    [InlineData("Anthropic")]
    public async Task Complete_RateLimitedOnEveryAttempt_SurfacesTheLastRetryAfter(string provider)
    {
        await using var vendor = await Vendor.StartAsync(provider);
        vendor.EnqueueFault(FakeFault.Status(429, retryAfterMilliseconds: 20));
        vendor.EnqueueFault(FakeFault.Status(429, retryAfterMilliseconds: 30));
        vendor.EnqueueFault(FakeFault.Status(429, retryAfterMilliseconds: 40));
        vendor.EnqueueFault(FakeFault.Status(429, retryAfterSeconds: 45));
        await using var harness = ProviderHarness.Start(vendor.Settings());

        var error = await Assert.ThrowsAsync<UpstreamProviderException>(() => harness.Client.GetResponseAsync("Hello"));

        Assert.Equal(4, vendor.Calls);
        Assert.Equal(UpstreamFailureKind.RateLimited, error.Kind);
        Assert.Equal(429, error.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(45), error.RetryAfter);
        Assert.Contains("retry after 45 s", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CompleteStreaming_RateLimitedOnEveryAttempt_SurfacesTheLastRetryAfter()
    {
        await using var server = await FakeAnthropicServer.StartAsync();
        for (var i = 0; i < 4; i++)
        {
            server.EnqueueFault(FakeFault.Status(429, retryAfterSeconds: 0, retryAfterMilliseconds: 25));
        }

        await using var harness = ProviderHarness.Start(TestSettings.For(ProviderKind.Anthropic, server.BaseAddress));

        var error = await Assert.ThrowsAsync<UpstreamProviderException>(async () =>
        {
            await foreach (var _ in harness.Client.GetStreamingResponseAsync("Hello"))
            {
            }
        });

        Assert.Equal(4, server.Calls);
        Assert.Equal(UpstreamFailureKind.RateLimited, error.Kind);
        Assert.Equal(TimeSpan.FromMilliseconds(25), error.RetryAfter);
    }

    [Fact]
    public async Task Complete_SlowFirstAttempt_TimesOutAndIsRetried()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.EnqueueFault(FakeFault.Delayed(TimeSpan.FromSeconds(30)));
        var settings = TestSettings.For(ProviderKind.OpenAI, server.BaseAddress)
            .With("Proprietary:Retry:AttemptTimeout", "00:00:01");
        await using var harness = ProviderHarness.Start(settings);

        var response = await harness.Client.GetResponseAsync("Hello");

        Assert.Equal(server.ReplyText, response.Text);
        Assert.Equal(2, server.Calls);
    }
}
