using HybridLlm.ProprietaryAdapter.Providers;
using HybridLlm.ProprietaryAdapter.RateLimiting;
using HybridLlm.ProprietaryAdapter.Tests.Support;
using HybridLlm.Testing.Fakes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace HybridLlm.ProprietaryAdapter.Tests;

/// <summary>Named deployments (two keys or regions), each its own fake vendor: which one a request goes to.</summary>
[Collection(RedisCollection.Name)]
public sealed class DeploymentSelectionTests(RedisServerFixture redis) : IAsyncLifetime
{
    private const string EastKey = "sk-east-SECRET-0a1b2c3d";
    private const string WestKey = "sk-west-SECRET-4e5f6a7b";

    private FakeOpenAiServer _east = null!;
    private FakeOpenAiServer _west = null!;

    public async Task InitializeAsync()
    {
        _east = await FakeOpenAiServer.StartAsync();
        _west = await FakeOpenAiServer.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _east.DisposeAsync();
        await _west.DisposeAsync();
    }

    [Fact]
    public async Task Complete_TwoDeploymentsWithHeadroom_GoesToTheOneWithMoreHeadroom()
    {
        var settings = TwoDeployments().With("Proprietary:Deployments:east:RequestsPerMinute", "2")
            .With("Proprietary:Deployments:west:RequestsPerMinute", "10");
        await using var connection = await redis.ConnectAsync();
        await using var harness = ProviderHarness.Start(settings, new FakeTimeProvider(), connection);

        await harness.Client.GetResponseAsync("Hello");

        // After the call east would have 1 of 2 left, west 9 of 10: west has more headroom.
        Assert.Equal(0, _east.Calls);
        Assert.Equal(1, _west.Calls);
        Assert.Equal($"Bearer {WestKey}", Assert.Single(_west.Requests).Header("Authorization"));
    }

    [Fact]
    public async Task Complete_OneDeploymentExhausted_GoesToTheOtherThenRefuses()
    {
        var settings = TwoDeployments().With("Proprietary:Deployments:east:RequestsPerMinute", "1")
            .With("Proprietary:Deployments:west:RequestsPerMinute", "1");
        await using var connection = await redis.ConnectAsync();
        await using var harness = ProviderHarness.Start(settings, new FakeTimeProvider(), connection);

        await harness.Client.GetResponseAsync("Hello");
        await harness.Client.GetResponseAsync("Hello");
        await Assert.ThrowsAsync<RateLimitExceededException>(() => harness.Client.GetResponseAsync("Hello"));

        Assert.Equal(1, _east.Calls);
        Assert.Equal(1, _west.Calls);
    }

    [Fact]
    public async Task Complete_ModelListedByOneDeployment_GoesToThatDeployment()
    {
        var settings = TwoDeployments()
            .With("Proprietary:Deployments:east:Models:0", "gpt-4o")
            .With("Proprietary:Deployments:west:Models:0:Id", TestSettings.OpenAiModel);
        await using var harness = ProviderHarness.Start(settings);

        await harness.Client.GetResponseAsync("Hello", new ChatOptions { ModelId = "gpt-4o" });
        await harness.Client.GetResponseAsync("Hello");

        Assert.Contains("\"gpt-4o\"", Assert.Single(_east.Requests).Body, StringComparison.Ordinal);
        Assert.Contains($"\"{TestSettings.OpenAiModel}\"", Assert.Single(_west.Requests).Body, StringComparison.Ordinal);
        var error = await Assert.ThrowsAsync<ProviderNotConfiguredException>(
            () => harness.Client.GetResponseAsync("Hello", new ChatOptions { ModelId = "o3" }));
        Assert.Contains("'o3'", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Complete_FirstDeploymentCircuitOpen_TheOtherDeploymentServes()
    {
        var settings = TwoDeployments()
            .With("Proprietary:Retry:MaxAttempts", "2")
            .With("Proprietary:CircuitBreaker:MinimumThroughput", "2")
            .With("Proprietary:CircuitBreaker:FailureRatio", "1.0")
            .With("Proprietary:CircuitBreaker:BreakDuration", "00:01:00");
        _east.EnqueueFault(FakeFault.Status(503));
        _east.EnqueueFault(FakeFault.Status(503));
        await using var harness = ProviderHarness.Start(settings);

        var first = await Assert.ThrowsAsync<UpstreamProviderException>(() => harness.Client.GetResponseAsync("Hello"));
        var second = await harness.Client.GetResponseAsync("Hello");

        Assert.Equal(UpstreamFailureKind.ServerError, first.Kind);
        Assert.Equal(_west.ReplyText, second.Text);
        Assert.Equal(2, _east.Calls);
        Assert.Equal(1, _west.Calls);
    }

    [Fact]
    public async Task Start_LegacyKeysAndNamedDeployments_AreDefaultFirstThenByName()
    {
        var settings = TwoDeployments()
            .With("Proprietary:Provider", "Anthropic")
            .With("Proprietary:ApiKey", TestSettings.ApiKey)
            .With("Proprietary:Endpoint", "http://127.0.0.1:9");
        await using var harness = ProviderHarness.Start(settings);

        var options = harness.Services.GetRequiredService<IOptions<ProprietaryOptions>>().Value;
        var names = Deployments.DeploymentCatalog.All(options).Select(d => d.Name);

        Assert.Equal(["default", "east", "west"], names);
        var text = options.ToString();
        Assert.DoesNotContain(EastKey, text, StringComparison.Ordinal);
        Assert.DoesNotContain(TestSettings.ApiKey, text, StringComparison.Ordinal);
    }

    [Fact]
    public void Start_AliasToAModelNoDeploymentLists_FailsValidation()
    {
        var settings = TwoDeployments()
            .With("Proprietary:Deployments:east:Models:0", "gpt-4o")
            .With("Proprietary:Deployments:west:Models:0", TestSettings.OpenAiModel)
            .With("Proprietary:Aliases:smart", "gpt-5");

        var error = Assert.Throws<OptionsValidationException>(() => ProviderHarness.Start(settings));

        Assert.Contains("Proprietary:Aliases:smart maps to 'gpt-5'", error.Message, StringComparison.Ordinal);
    }

    private Dictionary<string, string?> TwoDeployments() => new()
    {
        ["Proprietary:Model"] = TestSettings.OpenAiModel,
        ["Proprietary:Retry:BaseDelay"] = "00:00:00.010",
        ["Proprietary:Retry:MaxDelay"] = "00:00:00.050",
        ["Proprietary:RateLimit:MaxWait"] = "00:00:00",
        ["Proprietary:RateLimit:KeyPrefix"] = $"test-{Guid.NewGuid():N}",
        ["Proprietary:Deployments:east:Provider"] = "OpenAI",
        ["Proprietary:Deployments:east:Endpoint"] = _east.BaseAddress.ToString(),
        ["Proprietary:Deployments:east:ApiKey"] = EastKey,
        ["Proprietary:Deployments:west:Provider"] = "OpenAICompatible",
        ["Proprietary:Deployments:west:Endpoint"] = _west.BaseAddress.ToString(),
        ["Proprietary:Deployments:west:ApiKey"] = WestKey,
    };
}
