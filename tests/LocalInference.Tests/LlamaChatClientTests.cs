using HybridLlm.LocalInference.Llama;
using Microsoft.Extensions.AI;

namespace HybridLlm.LocalInference.Tests;

public sealed class LlamaChatClientTests(StoriesModel stories) : IClassFixture<StoriesModel>
{
    [Fact]
    public async Task Complete_SixteenConcurrentRequests_EachMatchesItsSoloAnswer()
    {
        using var client = stories.CreateClient(maxConcurrentSequences: 4);
        var solo = new List<string>();
        for (var i = 0; i < Prompts.StoryStarts.Length; i++)
        {
            var answer = await client.GetResponseAsync(Prompts.User(Prompts.StoryStarts[i]), Prompts.Seeded(100 + i));
            solo.Add(answer.Text);
        }

        var concurrent = await Task.WhenAll(Prompts.StoryStarts.Select((prompt, i) =>
            Task.Run(() => client.GetResponseAsync(Prompts.User(prompt), Prompts.Seeded(100 + i)))));

        Assert.Equal(solo, concurrent.Select(r => r.Text));
        Assert.Equal(Prompts.StoryStarts.Length, solo.Distinct().Count());
        Assert.All(solo, text => Assert.False(string.IsNullOrWhiteSpace(text)));
    }

    [Fact]
    public async Task Stream_SameSeed_GivesSameTextAsUnary()
    {
        using var client = stories.CreateClient();
        var options = Prompts.Seeded(7, maxOutputTokens: 64);

        var unary = await client.GetResponseAsync(Prompts.User("Once upon a time"), options);
        var pieces = new List<string>();
        await foreach (var update in client.GetStreamingResponseAsync(Prompts.User("Once upon a time"), options))
        {
            pieces.Add(update.Text);
        }

        // No assertion on how many pieces: a reader that falls behind this tiny, fast model gets the text coalesced.
        Assert.Equal(unary.Text, string.Concat(pieces));
    }

    [Fact]
    public async Task Stream_LongGeneration_FirstTextArrivesBeforeTheEnd()
    {
        using var client = stories.CreateClient(maxConcurrentSequences: 1, maxOutputTokens: 1900);
        var pieces = new List<string>();
        ChatFinishReason? finish = null;
        await foreach (var update in client.GetStreamingResponseAsync(Prompts.User("Once upon a time"), Prompts.Seeded(9, 1900)))
        {
            pieces.Add(update.Text);
            finish ??= update.FinishReason;
        }

        // 1,900 tokens take far longer than a reader needs to wake for the first one, so the first text comes alone.
        Assert.Equal(ChatFinishReason.Length, finish);
        Assert.True(pieces.Count(p => p.Length > 0) > 1, "text should arrive in several pieces");
        Assert.True(pieces[0].Length < string.Concat(pieces).Length / 2);
    }

    [Fact]
    public async Task Complete_DifferentSeeds_GiveDifferentText()
    {
        using var client = stories.CreateClient();

        var first = await client.GetResponseAsync(Prompts.User("Tom was sad"), Prompts.Seeded(1));
        var second = await client.GetResponseAsync(Prompts.User("Tom was sad"), Prompts.Seeded(2));

        Assert.NotEqual(first.Text, second.Text);
    }

    [Fact]
    public async Task Complete_TemperatureZeroWithoutSeed_IsGreedyAndRepeatable()
    {
        using var client = stories.CreateClient();
        var greedy = new ChatOptions { Temperature = 0, MaxOutputTokens = 32 };

        var first = await client.GetResponseAsync(Prompts.User("Max and Mia went out"), greedy);
        var second = await client.GetResponseAsync(Prompts.User("Max and Mia went out"), greedy);

        Assert.Equal(first.Text, second.Text);
        Assert.Equal(32, first.Usage?.OutputTokenCount);
    }

    [Fact]
    public async Task Complete_SmallMaxOutputTokens_ReportsUsageAndFinishReasonLength()
    {
        using var client = stories.CreateClient();

        var response = await client.GetResponseAsync(Prompts.User("Lily had a red ball"), Prompts.Seeded(3, maxOutputTokens: 5));

        Assert.Equal(ChatFinishReason.Length, response.FinishReason);
        Assert.NotNull(response.Usage);
        Assert.True(response.Usage.InputTokenCount > 0);
        Assert.Equal(5, response.Usage.OutputTokenCount);
        Assert.Equal(response.Usage.InputTokenCount + 5, response.Usage.TotalTokenCount);
        Assert.False(string.IsNullOrEmpty(response.Text));
    }

    [Fact]
    public async Task Stream_LastUpdate_CarriesUsageFinishReasonModelDigestAndTimeToFirstToken()
    {
        using var client = stories.CreateClient();

        var updates = new List<ChatResponseUpdate>();
        await foreach (var update in client.GetStreamingResponseAsync(Prompts.User("Mom made a cake"), Prompts.Seeded(5, 8)))
        {
            updates.Add(update);
        }

        var last = updates[^1];
        Assert.Equal(ChatFinishReason.Length, last.FinishReason);
        Assert.Equal(stories.Model.Name, last.ModelId);
        var usage = Assert.IsType<UsageContent>(Assert.Single(last.Contents));
        Assert.Equal(8, usage.Details.OutputTokenCount);
        Assert.Equal(StoriesModel.Digest, last.AdditionalProperties?[LlamaChatClient.ModelDigestKey]);
        var ttft = Assert.IsType<double>(last.AdditionalProperties?[LlamaChatClient.TimeToFirstTokenKey]);
        Assert.True(ttft > 0, "the system clock moves between submission and the first token");
        Assert.All(updates[..^1], u => Assert.Null(u.FinishReason));
    }

    [Fact]
    public async Task Complete_StopSequenceInOutput_IsTrimmedAndFinishReasonIsStop()
    {
        using var client = stories.CreateClient();
        var free = await client.GetResponseAsync(Prompts.User("The dog ran to the park"), Prompts.Seeded(11, 64));
        var words = free.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var stop = words[words.Length / 2];
        var options = Prompts.Seeded(11, 64);
        options.StopSequences = [stop];

        var stopped = await client.GetResponseAsync(Prompts.User("The dog ran to the park"), options);

        Assert.Equal(ChatFinishReason.Stop, stopped.FinishReason);
        Assert.Equal(free.Text[..free.Text.IndexOf(stop, StringComparison.Ordinal)], stopped.Text);
        Assert.True(stopped.Usage?.OutputTokenCount < free.Usage?.OutputTokenCount);
    }

    [Fact]
    public async Task Complete_PromptLongerThanContextMinusMaxOutput_ThrowsArgumentException()
    {
        using var client = stories.CreateClient();
        var longPrompt = string.Join(' ', Enumerable.Repeat("The cat sat on the mat.", 400));

        var error = await Assert.ThrowsAsync<PromptTooLongException>(() =>
            client.GetResponseAsync(Prompts.User(longPrompt), Prompts.Seeded(1)));

        Assert.IsAssignableFrom<ArgumentException>(error);
        Assert.Equal(stories.Model.ContextSize, error.ContextSize);
        Assert.True(error.PromptTokens > stories.Model.ContextSize - 48);
        // The loop is unharmed: the next request is served.
        var next = await client.GetResponseAsync(Prompts.User("Tom was sad"), Prompts.Seeded(1, 4));
        Assert.Equal(4, next.Usage?.OutputTokenCount);
    }
}
