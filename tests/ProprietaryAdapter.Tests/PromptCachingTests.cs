using System.Text.Json;
using Anthropic.Models.Messages;
using HybridLlm.ProprietaryAdapter.Providers;
using HybridLlm.ProprietaryAdapter.Tests.Support;
using HybridLlm.Testing.Fakes;
using Microsoft.Extensions.AI;

namespace HybridLlm.ProprietaryAdapter.Tests;

/// <summary>Anthropic prompt caching as the fake vendor receives it from the real SDK.</summary>
public sealed class PromptCachingTests
{
    private static readonly string LongSystemPrompt = string.Concat(Enumerable.Repeat("You are a careful assistant for the legal team. ", 10));

    [Theory]
    [InlineData("00:05:00", null)]
    [InlineData("01:00:00", "1h")]
    public async Task Complete_LongSystemPromptWithCachingOn_IsMarkedEphemeral(string ttl, string? expectedTtl)
    {
        await using var server = await FakeAnthropicServer.StartAsync();
        await using var harness = ProviderHarness.Start(Caching(server.BaseAddress, ttl));
        var system = new ChatMessage(ChatRole.System, LongSystemPrompt);

        await harness.Client.GetResponseAsync([system, new ChatMessage(ChatRole.User, "Hello")]);

        using var body = JsonDocument.Parse(Assert.Single(server.Requests).Body);
        var block = body.RootElement.GetProperty("system").EnumerateArray().Last();
        Assert.Equal(LongSystemPrompt, block.GetProperty("text").GetString());
        var mark = block.GetProperty("cache_control");
        Assert.Equal("ephemeral", mark.GetProperty("type").GetString());
        if (expectedTtl is not null)
        {
            Assert.Equal(expectedTtl, mark.GetProperty("ttl").GetString());
        }

        Assert.Null(system.Contents[0].AdditionalProperties); // the caller's message is left as it was
    }

    [Fact]
    public async Task Complete_ShortSystemPrompt_IsNotMarked()
    {
        await using var server = await FakeAnthropicServer.StartAsync();
        await using var harness = ProviderHarness.Start(Caching(server.BaseAddress, "00:05:00"));

        await harness.Client.GetResponseAsync([new ChatMessage(ChatRole.System, "Be brief."), new ChatMessage(ChatRole.User, "Hello")]);

        Assert.DoesNotContain("cache_control", Assert.Single(server.Requests).Body, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Complete_CallerMarksAMessageWithCachingOff_TheMarkPassesThrough()
    {
        await using var server = await FakeAnthropicServer.StartAsync();
        await using var harness = ProviderHarness.Start(TestSettings.For(ProviderKind.Anthropic, server.BaseAddress));
        var document = new TextContent(LongSystemPrompt).WithCacheControl(Ttl.Ttl1h);

        await harness.Client.GetResponseAsync([new ChatMessage(ChatRole.System, LongSystemPrompt), new ChatMessage(ChatRole.User, [document])]);

        using var body = JsonDocument.Parse(Assert.Single(server.Requests).Body);
        var content = body.RootElement.GetProperty("messages")[0].GetProperty("content")[0];
        Assert.Equal("1h", content.GetProperty("cache_control").GetProperty("ttl").GetString());
        Assert.False(body.RootElement.GetProperty("system")[0].TryGetProperty("cache_control", out _)); // caching of system prompts is off
    }

    private static Dictionary<string, string?> Caching(Uri endpoint, string ttl) =>
        TestSettings.For(ProviderKind.Anthropic, endpoint)
            .With("Proprietary:PromptCaching:CacheSystemPrompts", "true")
            .With("Proprietary:PromptCaching:MinSystemPromptChars", "200")
            .With("Proprietary:PromptCaching:Ttl", ttl);
}
