using HybridLlm.LocalInference.Llama;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;

namespace HybridLlm.LocalInference.Tests;

public sealed class LlamaTelemetryTests(StoriesModel stories) : IClassFixture<StoriesModel>
{
    [Fact]
    public async Task Complete_FrozenInjectedClock_ReportsZeroTimeToFirstTokenAndItsTime()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2030, 1, 2, 3, 4, 5, TimeSpan.Zero));
        using var client = stories.CreateClient(timeProvider: clock);

        var response = await client.GetResponseAsync(Prompts.User("Sue liked to sing"), Prompts.Seeded(4, 6));

        Assert.Equal(0.0, Assert.IsType<double>(response.AdditionalProperties?[LlamaChatClient.TimeToFirstTokenKey]));
        Assert.Equal(clock.GetUtcNow(), response.CreatedAt);
    }

    [Fact]
    public async Task Complete_LoneRequest_IsChargedTheTimeOfEveryDecodeStepItWasIn()
    {
        // Every reading of this clock is one millisecond after the previous one: each decode step then takes exactly
        // 1 ms, and a request alone in the loop is charged all of every step it was part of.
        using var client = stories.CreateClient(timeProvider: new MillisecondPerReadingClock());

        var response = await client.GetResponseAsync(Prompts.User("Sue liked to sing"), Prompts.Seeded(4, 6));

        Assert.Equal(ChatFinishReason.Length, response.FinishReason);
        // One step decodes the prompt and yields the first token, then one step per further token: 6 steps.
        Assert.Equal(6.0, Assert.IsType<double>(response.AdditionalProperties?[LlamaChatClient.ComputeKey]), 9);
    }

    [Fact]
    public async Task Complete_RealClock_ComputeTimeIsPositiveAndWithinTheWallTime()
    {
        using var client = stories.CreateClient();
        var wall = System.Diagnostics.Stopwatch.StartNew();

        var response = await client.GetResponseAsync(Prompts.User("Ben saw a big tree"), Prompts.Seeded(8, 32));

        var compute = Assert.IsType<double>(response.AdditionalProperties?[LlamaChatClient.ComputeKey]);
        Assert.InRange(compute, double.Epsilon, wall.Elapsed.TotalMilliseconds);
    }

    private sealed class MillisecondPerReadingClock : TimeProvider
    {
        private long _ticks;

        public override long TimestampFrequency => 1000;

        public override long GetTimestamp() => Interlocked.Increment(ref _ticks);
    }

    [Fact]
    public async Task Complete_Unary_CarriesModelIdDigestUsageAndFinishReason()
    {
        using var client = stories.CreateClient();

        var response = await client.GetResponseAsync(Prompts.User("Ben saw a big tree"), Prompts.Seeded(8, 6));

        Assert.Equal(stories.Model.Name, response.ModelId);
        Assert.Equal(StoriesModel.Digest, response.AdditionalProperties?[LlamaChatClient.ModelDigestKey]);
        Assert.Equal(ChatFinishReason.Length, response.FinishReason);
        Assert.Equal(6, response.Usage?.OutputTokenCount);
        var message = Assert.Single(response.Messages);
        Assert.Equal(ChatRole.Assistant, message.Role);
    }

    [Fact]
    public void GetService_Metadata_NamesProviderAndModel()
    {
        using var client = stories.CreateClient();

        var metadata = client.GetService<ChatClientMetadata>();

        Assert.Equal("llama.cpp", metadata?.ProviderName);
        Assert.Equal(stories.Model.Name, metadata?.DefaultModelId);
        Assert.Same(client, client.GetService<IChatClient>());
    }
}
