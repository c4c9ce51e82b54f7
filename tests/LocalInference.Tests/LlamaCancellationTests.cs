using Microsoft.Extensions.AI;

namespace HybridLlm.LocalInference.Tests;

public sealed class LlamaCancellationTests(StoriesModel stories) : IClassFixture<StoriesModel>
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task Stream_CancelledMidStream_FreesTheOnlySlotForTheNextRequest()
    {
        using var client = stories.CreateClient(maxConcurrentSequences: 1, maxOutputTokens: 1900);
        using var cancel = new CancellationTokenSource();
        var first = client.GetStreamingResponseAsync(Prompts.User("Once upon a time"), Prompts.Seeded(9, 1900), cancel.Token)
            .GetAsyncEnumerator(cancel.Token);
        Assert.True(await first.MoveNextAsync());

        // Waits for the single slot, which the first stream still holds.
        var second = client.GetResponseAsync(Prompts.User("Tom was sad"), Prompts.Seeded(2, 8));
        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            while (await first.MoveNextAsync())
            {
            }
        });
        var answer = await second.WaitAsync(Guard);
        Assert.Equal(8, answer.Usage?.OutputTokenCount);
        Assert.Equal(1, client.Loop.CancelledRequestCount);
        await first.DisposeAsync();
    }
}
