using HybridLlm.ProprietaryAdapter.Deployments;
using HybridLlm.ProprietaryAdapter.Providers;
using HybridLlm.ProprietaryAdapter.Serving;
using HybridLlm.ProprietaryAdapter.Tests.Support;
using HybridLlm.Testing.Fakes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HybridLlm.ProprietaryAdapter.Tests;

/// <summary>A model's retirement date warns in logs and health ahead of time, on the injected clock.</summary>
public sealed class ModelRetirementTests
{
    private const string RetiringModel = "gpt-4-0613";
    private const int RetirementWarningEventId = 11;

    [Fact]
    public async Task Complete_AliasToAModelInsideItsWarningWindow_WarnsOnceAndHealthIsDegraded()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 20, 12, 0, 0, TimeSpan.Zero));
        await using var harness = ProviderHarness.Start(Settings(server.BaseAddress), clock);
        var client = Contract(harness);

        await client.GetResponseAsync("Hello", new ChatOptions { ModelId = "legacy" });
        await client.GetResponseAsync("Hello", new ChatOptions { ModelId = "legacy" });
        var health = await CheckAsync(harness);

        var warning = Assert.Single(harness.Logs.GetSnapshot(), r => r.Id.Id == RetirementWarningEventId);
        Assert.Contains(RetiringModel, warning.Message, StringComparison.Ordinal);
        Assert.Contains("legacy", warning.Message, StringComparison.Ordinal);
        Assert.Contains("2026-04-01", warning.Message, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Degraded, health.Status);
        Assert.Contains($"model {RetiringModel} (deployment default, aliases: legacy) retires on 2026-04-01, in 12 days", health.Description,
            StringComparison.Ordinal);
        Assert.Contains(RetiringModel, server.Requests[0].Body, StringComparison.Ordinal); // still served until the vendor stops
    }

    [Fact]
    public async Task HealthCheck_RetirementBeyondTheWindow_IsHealthyUntilTheClockEntersIt()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        await using var harness = ProviderHarness.Start(Settings(server.BaseAddress), clock);

        await Contract(harness).GetResponseAsync("Hello", new ChatOptions { ModelId = "legacy" });
        var before = await CheckAsync(harness);
        clock.Advance(TimeSpan.FromDays(61)); // 2026-03-03: 29 days left, inside the 30-day window
        var inside = await CheckAsync(harness);
        clock.Advance(TimeSpan.FromDays(30)); // 2026-04-02: past the date
        var after = await CheckAsync(harness);

        Assert.Equal(HealthStatus.Healthy, before.Status);
        Assert.Equal(HealthStatus.Degraded, inside.Status);
        Assert.Contains("in 29 days", inside.Description, StringComparison.Ordinal);
        Assert.Equal(HealthStatus.Degraded, after.Status);
        Assert.Contains($"model {RetiringModel} (deployment default, aliases: legacy) was retired on 2026-04-01", after.Description,
            StringComparison.Ordinal);
        Assert.Equal(2, harness.Logs.GetSnapshot().Count(r => r.Id.Id == RetirementWarningEventId));
    }

    [Fact]
    public async Task Complete_AliasToAModelWithoutRetirementDate_NeverWarns()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 3, 31, 0, 0, 0, TimeSpan.Zero));
        await using var harness = ProviderHarness.Start(Settings(server.BaseAddress), clock);

        await Contract(harness).GetResponseAsync("Hello", new ChatOptions { ModelId = "fast" });

        Assert.DoesNotContain(harness.Logs.GetSnapshot(), r => r.Id.Id == RetirementWarningEventId);
    }

    private static Dictionary<string, string?> Settings(Uri endpoint) =>
        TestSettings.For(ProviderKind.OpenAI, endpoint)
            .With("Proprietary:Models:0", TestSettings.OpenAiModel)
            .With("Proprietary:Models:1:Id", RetiringModel)
            .With("Proprietary:Models:1:RetiresOn", "2026-04-01")
            .With("Proprietary:Aliases:fast", TestSettings.OpenAiModel)
            .With("Proprietary:Aliases:legacy", RetiringModel)
            .With("Proprietary:RetirementWarningWindow", "30.00:00:00");

    private static ContractChatClient Contract(ProviderHarness harness) => new(
        harness.Client,
        harness.Services.GetRequiredService<IOptionsMonitor<ModelAliasOptions>>(),
        harness.Services.GetRequiredService<ModelRetirementMonitor>());

    private static Task<HealthCheckResult> CheckAsync(ProviderHarness harness)
    {
        var check = ActivatorUtilities.CreateInstance<ProviderConfiguredHealthCheck>(harness.Services);
        return check.CheckHealthAsync(new HealthCheckContext
        {
            Registration = new HealthCheckRegistration(ProviderConfiguredHealthCheck.Name, check, HealthStatus.Degraded, []),
        });
    }
}
