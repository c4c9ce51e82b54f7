using HybridLlm.ProprietaryAdapter.Providers;
using HybridLlm.ProprietaryAdapter.Tests.Support;
using HybridLlm.Testing.Fakes;
using Microsoft.Extensions.AI;

namespace HybridLlm.ProprietaryAdapter.Tests;

/// <summary>Broken answers (bad JSON, streams cut short) become <see cref="UpstreamProviderException"/>, never retries.</summary>
public sealed class FailureTests
{
    [Theory]
    [InlineData("OpenAI")]
    [InlineData("Anthropic")]
    public async Task Complete_MalformedJson_ThrowsUpstreamProviderExceptionWithoutRetry(string provider)
    {
        await using var vendor = await Vendor.StartAsync(provider);
        vendor.EnqueueFault(FakeFault.Malformed());
        await using var harness = ProviderHarness.Start(vendor.Settings());

        var error = await Assert.ThrowsAsync<UpstreamProviderException>(() => harness.Client.GetResponseAsync("Hello"));

        Assert.Equal(UpstreamFailureKind.MalformedResponse, error.Kind);
        Assert.Equal(1, vendor.Calls);
    }

    [Theory]
    [InlineData("OpenAI")]
    [InlineData("Anthropic")]
    public async Task CompleteStreaming_MalformedEvent_ThrowsUpstreamProviderException(string provider)
    {
        await using var vendor = await Vendor.StartAsync(provider);
        vendor.EnqueueFault(FakeFault.Malformed());
        await using var harness = ProviderHarness.Start(vendor.Settings());

        var error = await Assert.ThrowsAsync<UpstreamProviderException>(() => DrainAsync(harness.Client, []));

        Assert.Equal(UpstreamFailureKind.MalformedResponse, error.Kind);
        Assert.Equal(1, vendor.Calls);
    }

    [Theory]
    [InlineData("OpenAI")]
    [InlineData("Anthropic")]
    public async Task CompleteStreaming_StreamDropsAfterOutputBegan_ThrowsAndIsNotRetried(string provider)
    {
        await using var vendor = await Vendor.StartAsync(provider);
        vendor.EnqueueFault(FakeFault.DropStreamAfter(4));
        await using var harness = ProviderHarness.Start(vendor.Settings());
        List<ChatResponseUpdate> received = [];

        var error = await Assert.ThrowsAsync<UpstreamProviderException>(() => DrainAsync(harness.Client, received));

        Assert.Equal(UpstreamFailureKind.StreamInterrupted, error.Kind);
        Assert.NotEmpty(received);
        Assert.Equal(1, vendor.Calls);
    }

    private static async Task DrainAsync(IChatClient client, List<ChatResponseUpdate> received)
    {
        await foreach (var update in client.GetStreamingResponseAsync("Tell me a long story."))
        {
            received.Add(update);
        }
    }
}
