using HybridLlm.ProprietaryAdapter.Providers;
using HybridLlm.ProprietaryAdapter.Tests.Support;
using HybridLlm.Testing.Fakes;
using Microsoft.Extensions.AI;

namespace HybridLlm.ProprietaryAdapter.Tests;

/// <summary>
/// Cached-input and reasoning tokens reach <see cref="UsageDetails"/> from both SDKs' Microsoft.Extensions.AI adapters,
/// for unary and streamed calls (streams ask for usage), so deferred, streamed and unary requests are costed alike.
/// </summary>
public sealed class UsageTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Complete_OpenAiReportsCachedAndReasoningTokens_UsageCarriesThem(bool streaming)
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        server.InputTokens = 1200;
        server.CachedInputTokens = 1024;
        server.OutputTokens = 300;
        server.ReasoningTokens = 256;
        await using var harness = ProviderHarness.Start(TestSettings.For(ProviderKind.OpenAI, server.BaseAddress));

        var usage = await UsageOfAsync(harness.Client, streaming);

        Assert.Equal(1200, usage.InputTokenCount); // prompt_tokens already includes the cached ones
        Assert.Equal(1024, usage.CachedInputTokenCount);
        Assert.Equal(300, usage.OutputTokenCount);
        Assert.Equal(256, usage.ReasoningTokenCount);
        Assert.Equal(1500, usage.TotalTokenCount);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Complete_AnthropicReportsCacheReads_UsageCountsThemAsCachedInput(bool streaming)
    {
        await using var server = await FakeAnthropicServer.StartAsync();
        server.InputTokens = 50;
        server.CacheReadInputTokens = 2048;
        server.CacheCreationInputTokens = 100;
        server.OutputTokens = 40;
        await using var harness = ProviderHarness.Start(TestSettings.For(ProviderKind.Anthropic, server.BaseAddress));

        var usage = await UsageOfAsync(harness.Client, streaming);

        // Anthropic's input_tokens excludes cache reads and writes; the adapter adds them so input is the whole prompt.
        Assert.Equal(50 + 2048 + 100, usage.InputTokenCount);
        Assert.Equal(2048, usage.CachedInputTokenCount);
        Assert.Equal(40, usage.OutputTokenCount);
        Assert.Equal(100, usage.AdditionalCounts?["CacheCreationInputTokens"]);
    }

    private static async Task<UsageDetails> UsageOfAsync(IChatClient client, bool streaming)
    {
        if (!streaming)
        {
            return (await client.GetResponseAsync("Hello")).Usage!;
        }

        List<ChatResponseUpdate> updates = [];
        await foreach (var update in client.GetStreamingResponseAsync("Hello"))
        {
            updates.Add(update);
        }

        return updates.ToChatResponse().Usage!;
    }
}
