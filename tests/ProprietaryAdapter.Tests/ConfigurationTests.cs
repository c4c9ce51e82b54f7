using HybridLlm.ProprietaryAdapter.Providers;
using HybridLlm.ProprietaryAdapter.Tests.Support;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace HybridLlm.ProprietaryAdapter.Tests;

/// <summary>Start-time validation and the "not configured" state.</summary>
public sealed class ConfigurationTests
{
    private static readonly Uri Unused = new("http://127.0.0.1:9");

    [Fact]
    public async Task Complete_NoApiKey_ThrowsProviderNotConfigured()
    {
        await using var harness = ProviderHarness.Start(TestSettings.For(ProviderKind.OpenAI, Unused, apiKey: null));

        var error = await Assert.ThrowsAsync<ProviderNotConfiguredException>(() => harness.Client.GetResponseAsync("Hello"));

        Assert.Equal("proprietary provider not configured (set Proprietary:ApiKey)", error.Message);
    }

    [Fact]
    public async Task CompleteStreaming_NoApiKey_ThrowsProviderNotConfigured()
    {
        await using var harness = ProviderHarness.Start(TestSettings.For(ProviderKind.Anthropic, Unused, apiKey: ""));

        await Assert.ThrowsAsync<ProviderNotConfiguredException>(async () =>
        {
            await foreach (var _ in harness.Client.GetStreamingResponseAsync("Hello"))
            {
            }
        });
    }

    [Fact]
    public async Task HealthCheck_NoApiKey_IsDegradedWithTheHint()
    {
        await using var harness = ProviderHarness.Start(TestSettings.For(ProviderKind.OpenAI, Unused, apiKey: null));

        var result = await CheckAsync(harness);

        Assert.Equal(HealthStatus.Degraded, result.Status);
        Assert.Equal("proprietary provider not configured (set Proprietary:ApiKey)", result.Description);
    }

    [Fact]
    public async Task HealthCheck_KeyConfigured_IsHealthyWithoutTheKey()
    {
        await using var harness = ProviderHarness.Start(TestSettings.For(ProviderKind.Anthropic, Unused));

        var result = await CheckAsync(harness);

        Assert.Equal(HealthStatus.Healthy, result.Status);
        Assert.DoesNotContain(TestSettings.ApiKey, result.Description, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_NoProviderAtAll_IsNotConfiguredButStarts()
    {
        await using var harness = ProviderHarness.Start(new Dictionary<string, string?>());

        var error = await Assert.ThrowsAsync<ProviderNotConfiguredException>(() => harness.Client.GetResponseAsync("Hello"));

        Assert.Contains("Proprietary:Provider", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("OpenAICompatible")]
    [InlineData("AzureOpenAI")]
    public void Start_ProviderThatNeedsAnEndpointWithoutOne_FailsValidation(string provider)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Proprietary:Provider"] = provider,
            ["Proprietary:ApiKey"] = TestSettings.ApiKey,
            ["Proprietary:Model"] = "some-model",
        };

        var error = Assert.Throws<OptionsValidationException>(() => ProviderHarness.Start(settings));

        Assert.Contains("Proprietary:Endpoint is required", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_MaxAttemptsOutOfRange_FailsValidation()
    {
        var settings = TestSettings.For(ProviderKind.OpenAI, Unused).With("Proprietary:Retry:MaxAttempts", "0");

        var error = Assert.Throws<OptionsValidationException>(() => ProviderHarness.Start(settings));

        Assert.Contains("MaxAttempts", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_RateLimitsWithoutRedis_FailsNamingTheMissingConnection()
    {
        await using var harness = ProviderHarness.Start(
            TestSettings.For(ProviderKind.OpenAI, Unused).With("Proprietary:RequestsPerMinute", "60"));

        var error = Assert.Throws<InvalidOperationException>(() => harness.Client);

        Assert.Contains("ConnectionStrings:redis", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_NamedDeploymentWithoutProvider_FailsValidation()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Proprietary:Model"] = "gpt-4o-mini",
            ["Proprietary:Deployments:eu:ApiKey"] = TestSettings.ApiKey,
        };

        var error = Assert.Throws<OptionsValidationException>(() => ProviderHarness.Start(settings));

        Assert.Contains("Proprietary:Deployments:eu:Provider is required", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(TestSettings.ApiKey, error.Message, StringComparison.Ordinal);
    }

    private static Task<HealthCheckResult> CheckAsync(ProviderHarness harness)
    {
        var check = ActivatorUtilities.CreateInstance<ProviderConfiguredHealthCheck>(harness.Services);
        return check.CheckHealthAsync(new HealthCheckContext
        {
            Registration = new HealthCheckRegistration(ProviderConfiguredHealthCheck.Name, check, HealthStatus.Degraded, []),
        });
    }
}
