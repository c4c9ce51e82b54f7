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
