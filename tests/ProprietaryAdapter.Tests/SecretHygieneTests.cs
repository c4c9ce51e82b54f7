using HybridLlm.ProprietaryAdapter.Providers;
using HybridLlm.ProprietaryAdapter.Tests.Support;
using HybridLlm.Testing.Fakes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Logging.Testing;

namespace HybridLlm.ProprietaryAdapter.Tests;

/// <summary>The key reaches the vendor's auth header and nowhere else: not logs (at Trace), messages or ToString.</summary>
public sealed class SecretHygieneTests
{
    [Theory]
    [InlineData("OpenAI")]
    [InlineData("Anthropic")]
    public async Task Calls_WithRetriesAndFailures_NeverLogTheApiKey(string provider)
    {
        await using var vendor = await Vendor.StartAsync(provider);
        await using var harness = ProviderHarness.Start(vendor.Settings());

        vendor.EnqueueFault(FakeFault.Status(429, retryAfterMilliseconds: 5));
        await harness.Client.GetResponseAsync("Hello");
        vendor.EnqueueFault(FakeFault.Status(401));
        var error = await Assert.ThrowsAsync<UpstreamProviderException>(() => harness.Client.GetResponseAsync("Hello"));

        var records = harness.Logs.GetSnapshot();
        Assert.Contains(records, r => r.Id.Id == 1); // the retry was logged, so logging was captured
        Assert.All(records, record => Assert.DoesNotContain(TestSettings.ApiKey, Render(record), StringComparison.Ordinal));
        Assert.DoesNotContain(TestSettings.ApiKey, error.Message, StringComparison.Ordinal);
        // Both SDKs (Anthropic from 13.x on) send the key as a bearer token; that is the only place it may appear.
        Assert.Equal(3, vendor.Requests.Count);
        Assert.All(vendor.Requests, request => Assert.Equal($"Bearer {TestSettings.ApiKey}", request.Header("Authorization")));
    }

    [Fact]
    public void Options_ToString_SaysWhetherAKeyIsSetButNotWhichOne()
    {
        var options = new ProprietaryOptions { Provider = ProviderKind.Anthropic, ApiKey = TestSettings.ApiKey, Model = "m" };

        var text = options.ToString();

        Assert.DoesNotContain(TestSettings.ApiKey, text, StringComparison.Ordinal);
        Assert.Contains("ApiKey=(set)", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_ApiKeyWithTrailingNewline_FailsWithoutEchoingTheKey()
    {
        var settings = TestSettings.For(ProviderKind.OpenAI, new Uri("http://127.0.0.1:9"), TestSettings.ApiKey + "\n");

        var error = Assert.ThrowsAny<Exception>(() => ProviderHarness.Start(settings));

        Assert.Contains("ApiKey", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestSettings.ApiKey, error.ToString(), StringComparison.Ordinal);
    }

    private static string Render(FakeLogRecord record) =>
        string.Join("|", record.Message, record.Exception?.ToString(),
            string.Join(",", record.StructuredState?.Select(kv => $"{kv.Key}={kv.Value}") ?? []));
}
