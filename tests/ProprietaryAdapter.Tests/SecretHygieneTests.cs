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
    [InlineData("OpenAI", "Authorization", "Bearer " + TestSettings.ApiKey)]
    [InlineData("Anthropic", "x-api-key", TestSettings.ApiKey)]
    public async Task Calls_WithRetriesAndFailures_NeverLogTheApiKey(string provider, string authHeader, string authValue)
    {
        await using var vendor = await Vendor.StartAsync(provider);
        vendor.EnqueueFault(FakeFault.Status(429, retryAfterMilliseconds: 5));
        vendor.EnqueueFault(FakeFault.Status(401));
        await using var harness = ProviderHarness.Start(vendor.Settings());

        await harness.Client.GetResponseAsync("Hello");
        var error = await Assert.ThrowsAsync<UpstreamProviderException>(() => harness.Client.GetResponseAsync("Hello"));

        var records = harness.Logs.GetSnapshot();
        Assert.Contains(records, r => r.Id.Id == 1); // the retry was logged, so logging was captured
        Assert.All(records, record => Assert.DoesNotContain(TestSettings.ApiKey, Render(record), StringComparison.Ordinal));
        Assert.DoesNotContain(TestSettings.ApiKey, error.Message, StringComparison.Ordinal);
        Assert.All(vendor.Requests, request => Assert.Equal(authValue, request.Header(authHeader)));
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
