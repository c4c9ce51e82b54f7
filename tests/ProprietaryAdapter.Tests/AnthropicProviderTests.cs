using System.Text.Json;
using HybridLlm.ProprietaryAdapter.Providers;
using HybridLlm.ProprietaryAdapter.Tests.Support;
using HybridLlm.Testing.Fakes;
using Microsoft.Extensions.AI;

namespace HybridLlm.ProprietaryAdapter.Tests;

/// <summary>The official Anthropic SDK against <see cref="FakeAnthropicServer"/> over real HTTP.</summary>
public sealed class AnthropicProviderTests
{
    [Fact]
    public async Task Complete_Anthropic_ReturnsReplyTextAndUsage()
    {
        await using var server = await FakeAnthropicServer.StartAsync();
        server.ReplyText = "Bonjour.";
        await using var harness = ProviderHarness.Start(TestSettings.WithDefaultDelays(ProviderKind.Anthropic, server.BaseAddress));

        var response = await harness.Client.GetResponseAsync("Say hello in French.");

        Assert.Equal("Bonjour.", response.Text);
        Assert.Equal(14, response.Usage?.InputTokenCount);
        Assert.Equal(9, response.Usage?.OutputTokenCount);
        Assert.Equal(23, response.Usage?.TotalTokenCount);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1/messages", request.Path);
        // Anthropic SDK 13.x sends the API key as a bearer token (12.x used x-api-key).
        Assert.Equal($"Bearer {TestSettings.ApiKey}", request.Header("Authorization"));
        // The SDK's own timeout spans our whole retry loop: 4 attempts x 120 s + 3 waits x 30 s.
        Assert.Equal("570", request.Header("X-Stainless-Timeout"));
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal(TestSettings.AnthropicModel, body.RootElement.GetProperty("model").GetString());
        Assert.Equal(1024, body.RootElement.GetProperty("max_tokens").GetInt32());
    }

    [Fact]
    public async Task CompleteStreaming_Anthropic_StreamsTextAndReportsUsage()
    {
        await using var server = await FakeAnthropicServer.StartAsync();
        server.ReplyText = "Un deux trois quatre.";
        await using var harness = ProviderHarness.Start(TestSettings.For(ProviderKind.Anthropic, server.BaseAddress));

        List<ChatResponseUpdate> updates = [];
        await foreach (var update in harness.Client.GetStreamingResponseAsync("Count to four in French."))
        {
            updates.Add(update);
        }

        var response = updates.ToChatResponse();
        Assert.Equal("Un deux trois quatre.", response.Text);
        Assert.True(updates.Count(u => u.Text.Length > 0) >= 4, "expected the text in several chunks");
        Assert.Equal(14, response.Usage?.InputTokenCount);
        Assert.Equal(9, response.Usage?.OutputTokenCount);
        Assert.Equal(1, server.Calls);
    }

    [Fact]
    public async Task Complete_Anthropic529Overloaded_IsRetriedThenSucceeds()
    {
        await using var server = await FakeAnthropicServer.StartAsync();
        server.EnqueueFault(FakeFault.Status(529));
        await using var harness = ProviderHarness.Start(TestSettings.For(ProviderKind.Anthropic, server.BaseAddress));

        var response = await harness.Client.GetResponseAsync("Hello");

        Assert.Equal(server.ReplyText, response.Text);
        Assert.Equal(2, server.Calls);
        // The SDK's own retries are off: it would have stamped a non-zero retry count on its second attempt.
        Assert.All(server.Requests, r => Assert.Equal("0", r.Header("x-stainless-retry-count")));
    }
}
