using HybridLlm.ProprietaryAdapter.Tests.Support;
using HybridLlm.Testing.Fakes;
using Microsoft.Extensions.AI;

namespace HybridLlm.ProprietaryAdapter.Tests;

/// <summary>The attempt timeout bounds the wait for response headers only, never a stream that has begun.</summary>
public sealed class StreamingTimeoutTests
{
    [Theory]
    [InlineData("OpenAI")]
    [InlineData("Anthropic")]
    public async Task CompleteStreaming_StreamOutlastingTheAttemptTimeout_IsNotCut(string provider)
    {
        await using var vendor = await Vendor.StartAsync(provider);
        // Ten or more events 200 ms apart: a stream of 2 s or more against a 1 s attempt timeout (which leaves a cold,
        // busy test process enough time to get the response headers).
        vendor.EnqueueFault(FakeFault.SlowStream(TimeSpan.FromMilliseconds(200)));
        var settings = vendor.Settings().With("Proprietary:Retry:AttemptTimeout", "00:00:01");
        await using var harness = ProviderHarness.Start(settings);

        List<ChatResponseUpdate> updates = [];
        await foreach (var update in harness.Client.GetStreamingResponseAsync("Take your time."))
        {
            updates.Add(update);
        }

        Assert.Equal(vendor.ReplyText, updates.ToChatResponse().Text);
        Assert.Equal(1, vendor.Calls);
    }
}
