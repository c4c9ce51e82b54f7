using System.Text.Json;
using HybridLlm.ProprietaryAdapter.Providers;
using HybridLlm.ProprietaryAdapter.Tests.Support;
using HybridLlm.Testing.Fakes;
using Microsoft.Extensions.AI;

namespace HybridLlm.ProprietaryAdapter.Tests;

/// <summary>The real OpenAI SDK against <see cref="FakeOpenAiServer"/> over real HTTP.</summary>
public sealed class OpenAiProviderTests
{
    [Fact]
    public async Task Complete_OpenAi_ReturnsReplyTextAndUsage()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.ReplyText = "Paris is the capital of France.";
        await using var harness = ProviderHarness.Start(TestSettings.For(ProviderKind.OpenAI, server.BaseAddress));

        var response = await harness.Client.GetResponseAsync("What is the capital of France?");

        Assert.Equal("Paris is the capital of France.", response.Text);
        Assert.Equal(12, response.Usage?.InputTokenCount);
        Assert.Equal(7, response.Usage?.OutputTokenCount);
        Assert.Equal(19, response.Usage?.TotalTokenCount);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/v1/chat/completions", request.Path);
        Assert.Equal($"Bearer {TestSettings.ApiKey}", request.Header("Authorization"));
        using var body = JsonDocument.Parse(request.Body);
        Assert.Equal(TestSettings.OpenAiModel, body.RootElement.GetProperty("model").GetString());
        Assert.Equal(1024, body.RootElement.GetProperty("max_completion_tokens").GetInt32());
    }

    [Fact]
    public async Task CompleteStreaming_OpenAi_StreamsTextAndReportsUsage()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.ReplyText = "One two three four.";
        await using var harness = ProviderHarness.Start(TestSettings.For(ProviderKind.OpenAI, server.BaseAddress));

        List<ChatResponseUpdate> updates = [];
        await foreach (var update in harness.Client.GetStreamingResponseAsync("Count to four."))
        {
            updates.Add(update);
        }

        var response = updates.ToChatResponse();
        Assert.Equal("One two three four.", response.Text);
        Assert.True(updates.Count(u => u.Text.Length > 0) >= 4, "expected the text in several chunks");
        Assert.Equal(12, response.Usage?.InputTokenCount);
        Assert.Equal(7, response.Usage?.OutputTokenCount);
        using var body = JsonDocument.Parse(Assert.Single(server.Requests).Body);
        Assert.True(body.RootElement.GetProperty("stream").GetBoolean());
        Assert.True(body.RootElement.GetProperty("stream_options").GetProperty("include_usage").GetBoolean());
    }

    [Fact]
    public async Task Complete_AzureOpenAi_CallsTheOpenAiV1SurfaceWithTheKey()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        await using var harness = ProviderHarness.Start(TestSettings.For(ProviderKind.AzureOpenAI, server.BaseAddress));

        var response = await harness.Client.GetResponseAsync("Hello");

        Assert.Equal(server.ReplyText, response.Text);
        var request = Assert.Single(server.Requests);
        Assert.Equal("/openai/v1/chat/completions", request.Path);
        Assert.Equal($"Bearer {TestSettings.ApiKey}", request.Header("Authorization"));
    }

    [Fact]
    public async Task Complete_OpenAiCompatible_CallsEndpointPlusV1()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        await using var harness = ProviderHarness.Start(TestSettings.For(ProviderKind.OpenAICompatible, server.BaseAddress));

        var response = await harness.Client.GetResponseAsync("Hello");

        Assert.Equal(server.ReplyText, response.Text);
        Assert.Equal("/v1/chat/completions", Assert.Single(server.Requests).Path);
    }

    [Fact]
    public async Task Complete_RequestNamesItsOwnOutputCap_KeepsIt()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        await using var harness = ProviderHarness.Start(TestSettings.For(ProviderKind.OpenAI, server.BaseAddress));

        await harness.Client.GetResponseAsync("Hello", new ChatOptions { MaxOutputTokens = 42 });

        using var body = JsonDocument.Parse(Assert.Single(server.Requests).Body);
        Assert.Equal(42, body.RootElement.GetProperty("max_completion_tokens").GetInt32());
    }
}
