using HybridLlm.ProprietaryAdapter.Providers;
using HybridLlm.ProprietaryAdapter.RateLimiting;
using HybridLlm.ProprietaryAdapter.Tests.Support;
using HybridLlm.Testing.Fakes;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Time.Testing;

namespace HybridLlm.ProprietaryAdapter.Tests;

/// <summary>
/// The client-side limiter shared through a real Redis: two adapter instances (two service providers, two connections)
/// on one clock never admit more than a deployment's requests or tokens per minute between them.
/// </summary>
[Collection(RedisCollection.Name)]
public sealed class RateLimiterTests(RedisServerFixture redis)
{
    private static readonly DateTimeOffset Start = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Complete_TwoInstancesSharingRedis_NeverAdmitMoreThanTheRequestsPerMinute()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        var clock = new FakeTimeProvider(Start);
        var settings = Limited(server.BaseAddress).With("Proprietary:RequestsPerMinute", "5");
        await using var connectionA = await redis.ConnectAsync();
        await using var connectionB = await redis.ConnectAsync();
        await using var a = ProviderHarness.Start(settings, clock, connectionA);
        await using var b = ProviderHarness.Start(settings, clock, connectionB);

        var burst = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(i => Eventually.OutcomeAsync((i % 2 == 0 ? a : b).Client.GetResponseAsync("Hello"))));

        Assert.Equal(5, server.Calls);
        Assert.Equal(5, burst.Count(e => e is null));
        var refusals = burst.Where(e => e is not null).ToList();
        Assert.Equal(15, refusals.Count);
        // The bucket refills one request every 60 s / 5 = 12 s: that is the hint.
        Assert.All(refusals, e => Assert.Equal(TimeSpan.FromSeconds(12), Assert.IsType<RateLimitExceededException>(e).RetryAfter));

        clock.Advance(TimeSpan.FromSeconds(12));
        var next = await Task.WhenAll(Enumerable.Range(0, 6)
            .Select(i => Eventually.OutcomeAsync((i % 2 == 0 ? a : b).Client.GetResponseAsync("Hello"))));

        Assert.Equal(1, next.Count(e => e is null));
        Assert.Equal(6, server.Calls);
    }

    [Fact]
    public async Task Complete_TwoInstancesSharingRedis_NeverSpendMoreThanTheTokensPerMinute_AndSettleWithRealUsage()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        var clock = new FakeTimeProvider(Start);
        var settings = Limited(server.BaseAddress).With("Proprietary:TokensPerMinute", "1000");
        await using var connectionA = await redis.ConnectAsync();
        await using var connectionB = await redis.ConnectAsync();
        await using var a = ProviderHarness.Start(settings, clock, connectionA);
        await using var b = ProviderHarness.Start(settings, clock, connectionB);
        var options = new ChatOptions { MaxOutputTokens = 200 };
        var estimate = TokenEstimator.Estimate([new ChatMessage(ChatRole.User, "Hello")], options, 1024, 4.0);
        var fits = (int)(1000 / estimate);
        var used = server.InputTokens + server.OutputTokens;

        // Admitted calls are held at the vendor until every call has been decided, so no refund lands in between.
        var firstRound = await RoundAsync(server, a, b, options, calls: 10, held: fits);

        Assert.Equal(fits, firstRound.Admitted);
        Assert.True(firstRound.Admitted * estimate <= 1000);
        var left = 1000 - (fits * estimate);
        Assert.All(firstRound.Refusals, e => Assert.Equal(
            TimeSpan.FromMilliseconds(Math.Ceiling((estimate - left) * 60_000.0 / 1000)),
            Assert.IsType<RateLimitExceededException>(e).RetryAfter));

        // Settling gave back everything the answers did not use (estimate - 19 each), at the same instant.
        var secondRound = await RoundAsync(server, a, b, options, calls: 10, held: (int)((1000 - (fits * used)) / estimate));

        Assert.Equal((int)((1000 - (fits * used)) / estimate), secondRound.Admitted);
        Assert.Equal(fits + secondRound.Admitted, server.Calls);
    }

    [Fact]
    public async Task Complete_CapacityWithinTheWaitBudget_WaitsOnTheClockUntilTheBucketRefills()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        var clock = new TimerObservingTimeProvider();
        var settings = Limited(server.BaseAddress)
            .With("Proprietary:RequestsPerMinute", "1")
            .With("Proprietary:RateLimit:MaxWait", "00:02:00");
        await using var connection = await redis.ConnectAsync();
        await using var harness = ProviderHarness.Start(settings, clock, connection);
        await harness.Client.GetResponseAsync("Hello");

        var second = harness.Client.GetResponseAsync("Hello");
        var wait = await clock.NextDelayAsync(TimeSpan.FromSeconds(100));

        Assert.Equal(TimeSpan.FromSeconds(60), wait);
        Assert.Equal(1, server.Calls);
        clock.Advance(wait);
        Assert.Equal(server.ReplyText, (await second).Text);
        Assert.Equal(2, server.Calls);
    }

    [Fact]
    public async Task Complete_LatencyBudgetShorterThanTheWait_IsRefusedAtOnce()
    {
        await using var server = await FakeOpenAiServer.StartAsync();
        var clock = new FakeTimeProvider(Start);
        var settings = Limited(server.BaseAddress)
            .With("Proprietary:RequestsPerMinute", "1")
            .With("Proprietary:RateLimit:MaxWait", "00:02:00");
        await using var connection = await redis.ConnectAsync();
        await using var harness = ProviderHarness.Start(settings, clock, connection);
        await harness.Client.GetResponseAsync("Hello");
        var hurried = new ChatOptions { AdditionalProperties = new() { [Contracts.ChatMetadata.LatencyBudgetMs] = 2_000.0 } };

        var error = await Assert.ThrowsAsync<RateLimitExceededException>(() => harness.Client.GetResponseAsync("Hello", hurried));

        Assert.Equal(TimeSpan.FromSeconds(60), error.RetryAfter);
        Assert.Equal(1, server.Calls);
    }

    internal static Dictionary<string, string?> Limited(Uri endpoint) =>
        TestSettings.For(ProviderKind.OpenAI, endpoint)
            .With("Proprietary:RateLimit:MaxWait", "00:00:00")
            .With("Proprietary:RateLimit:KeyPrefix", $"test-{Guid.NewGuid():N}");

    private static async Task<(int Admitted, List<Exception> Refusals)> RoundAsync(
        FakeOpenAiServer server, ProviderHarness a, ProviderHarness b, ChatOptions options, int calls, int held)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        for (var i = 0; i < held; i++)
        {
            server.EnqueueFault(FakeFault.HeldUntil(gate.Task));
        }

        var callsBefore = server.Calls;
        var outcomes = Enumerable.Range(0, calls)
            .Select(i => Eventually.OutcomeAsync((i % 2 == 0 ? a : b).Client.GetResponseAsync("Hello", options)))
            .ToList();
        await Eventually.TrueAsync(() => outcomes.Count(o => o.IsCompleted) + (server.Calls - callsBefore) == calls, "every call is decided");
        gate.SetResult();
        var results = await Task.WhenAll(outcomes);
        return (results.Count(e => e is null), results.Where(e => e is not null).Select(e => e!).ToList());
    }
}
