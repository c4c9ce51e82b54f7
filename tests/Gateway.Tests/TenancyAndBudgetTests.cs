using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Grpc.Core;
using HybridLlm.Gateway.Costing;
using HybridLlm.Gateway.Tenancy;
using HybridLlm.Grpc.V1;
using Microsoft.Extensions.DependencyInjection;

namespace HybridLlm.Gateway.Tests;

/// <summary>Tenant keys, policy, rate limits and API budgets, with the real Redis that holds the shared counters.</summary>
[Collection(RedisCollection.Name)]
public sealed class TenancyAndBudgetTests(RedisServerFixture redis)
{
    private const string AcmeKey = "acme-secret-key-123";

    private static ChatRequest Ask(Action<ChatRequest>? configure = null)
    {
        var request = new ChatRequest
        {
            Messages = { new HybridLlm.Grpc.V1.ChatMessage { Role = ChatRole.User, Text = "Hello" } },
            Options = new HybridLlm.Grpc.V1.ChatOptions(),
            Hints = new RoutingHints(),
        };
        configure?.Invoke(request);
        return request;
    }

    private static Metadata Bearer(string key) => new() { { "authorization", $"Bearer {key}" } };

    private static string UniqueTenant() => $"t-{Guid.NewGuid():N}";

    private static Task<GatewayServer> StartWithTenant(RedisServerFixture redis, string tenant, Action<TenantPolicy> policy, bool requireKey = true) =>
        GatewayServer.StartAsync(redis, s =>
        {
            s.Tenancy.RequireApiKey = requireKey;
            var p = new TenantPolicy { ApiKeySha256 = [TenantDirectory.Hash(AcmeKey)] };
            policy(p);
            s.Tenancy.Tenants[tenant] = p;
        });

    [Fact]
    public async Task Complete_KeysRequiredAndMissing_IsUnauthenticated()
    {
        await using var server = await StartWithTenant(redis, UniqueTenant(), _ => { });

        var ex = await Assert.ThrowsAsync<RpcException>(() => server.Client.CompleteAsync(Ask()).ResponseAsync);

        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
        Assert.Equal(0, server.Local.Calls);
    }

    [Fact]
    public async Task ChatCompletions_WrongKey_Is401()
    {
        await using var server = await StartWithTenant(redis, UniqueTenant(), _ => { });
        using var http = server.CreateHttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "not-a-key");

        using var response = await http.PostAsync("/v1/chat/completions",
            new StringContent("""{"messages":[{"role":"user","content":"hi"}]}""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Complete_ValidKey_UsesTheKeysTenantNotTheClaimedOne()
    {
        var tenant = UniqueTenant();
        await using var server = await StartWithTenant(redis, tenant, _ => { });

        await server.Client.CompleteAsync(Ask(r => r.Hints.TenantId = "someone-else"), Bearer(AcmeKey));

        var seen = Assert.Single(server.Local.ReceivedOptions);
        Assert.Equal(tenant, seen!.AdditionalProperties![HybridLlm.Contracts.ChatMetadata.TenantId]);
    }

    [Fact]
    public async Task Complete_PinToForbiddenRoute_IsPermissionDenied()
    {
        await using var server = await StartWithTenant(redis, UniqueTenant(), p => p.AllowedRoutes = ["local"]);

        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            server.Client.CompleteAsync(Ask(r => r.Hints.PinnedRoute = Route.Proprietary), Bearer(AcmeKey)).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
    }

    [Fact]
    public async Task Complete_StrictResidencyTenant_IsServedLocallyEvenWhenTheScoreIsHigh()
    {
        await using var server = await StartWithTenant(redis, UniqueTenant(), p => p.StrictResidency = true);
        server.Classifier.Answer = () => new ClassifyResponse { StrongScore = 0.99, InputTokens = 10 };

        var response = await server.Client.CompleteAsync(Ask(), Bearer(AcmeKey));

        Assert.Equal(Route.Local, response.Route);
        Assert.Equal(0, server.Proprietary.Calls);
    }

    [Fact]
    public async Task ChatCompletions_OverRequestsPerMinute_Is429WithRetryAfter()
    {
        await using var server = await StartWithTenant(redis, UniqueTenant(), p => p.RequestsPerMinute = 2);
        using var http = server.CreateHttpClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", AcmeKey);
        HttpResponseMessage Post() => http.PostAsync("/v1/chat/completions",
            new StringContent("""{"messages":[{"role":"user","content":"hi"}]}""", Encoding.UTF8, "application/json")).Result;

        using var first = Post();
        using var second = Post();
        using var third = Post();

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.Equal((HttpStatusCode)429, third.StatusCode);
        Assert.NotNull(third.Headers.RetryAfter);
    }

    [Fact]
    public async Task Complete_BudgetSpent_AutoTrafficGoesLocalWithReason()
    {
        await using var server = await StartWithTenant(redis, UniqueTenant(), p => p.MonthlyApiBudgetUsd = 0.000001);
        server.Classifier.Answer = () => new ClassifyResponse { StrongScore = 0.9, InputTokens = 100 };

        var response = await server.Client.CompleteAsync(Ask(), Bearer(AcmeKey));

        Assert.Equal(Route.Local, response.Route);
        Assert.Equal(0, server.Proprietary.Calls);
        Assert.Contains(response.DecisionReasons, r => r.StartsWith("budget: monthly API budget", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Complete_BudgetSpentWithRejectPolicy_IsResourceExhausted()
    {
        await using var server = await StartWithTenant(redis, UniqueTenant(), p =>
        {
            p.MonthlyApiBudgetUsd = 0.000001;
            p.OverBudget = OverBudgetAction.Reject;
        });
        server.Classifier.Answer = () => new ClassifyResponse { StrongScore = 0.9, InputTokens = 100 };

        var ex = await Assert.ThrowsAsync<RpcException>(() => server.Client.CompleteAsync(Ask(), Bearer(AcmeKey)).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
    }

    [Fact]
    public async Task Complete_BudgetSpentWithDeferPolicy_AsksToRetryWhenTheBudgetResets()
    {
        await using var server = await StartWithTenant(redis, UniqueTenant(), p =>
        {
            p.MonthlyApiBudgetUsd = 0.000001;
            p.OverBudget = OverBudgetAction.Defer;
        });
        server.Classifier.Answer = () => new ClassifyResponse { StrongScore = 0.9, InputTokens = 100 };

        var ex = await Assert.ThrowsAsync<RpcException>(() => server.Client.CompleteAsync(Ask(), Bearer(AcmeKey)).ResponseAsync);

        Assert.Equal(StatusCode.ResourceExhausted, ex.StatusCode);
        Assert.Contains("deferred: retry after the budget resets", ex.Status.Detail, StringComparison.Ordinal);
        var retryAfter = HybridLlm.Contracts.Errors.ChatErrorMapper.GetRetryAfter(ex);
        Assert.NotNull(retryAfter);
        Assert.InRange(retryAfter.Value, TimeSpan.FromSeconds(1), TimeSpan.FromDays(31));
        Assert.Equal(0, server.Proprietary.Calls);
    }

    [Fact]
    public async Task Reserve_ManyConcurrentRequests_NeverOverspendTheBudget()
    {
        await using var server = await GatewayServer.StartAsync(redis);
        var ledger = server.Services.GetRequiredService<SpendLedger>();
        var tenant = UniqueTenant();

        var results = await Task.WhenAll(Enumerable.Range(0, 50).Select(_ => ledger.TryReserveAsync(tenant, 0.01, 0.2)));

        Assert.Equal(20, results.Count(r => r));
        var (spent, reserved) = await ledger.GetMonthAsync(tenant);
        Assert.Equal(0, spent);
        Assert.Equal(0.2, reserved, 9);
    }

    [Fact]
    public async Task Complete_ProprietaryAnswer_SettlesActualCostAndRecordsSpendByRoute()
    {
        var tenant = UniqueTenant();
        await using var server = await StartWithTenant(redis, tenant, p => p.MonthlyApiBudgetUsd = 100);
        server.Classifier.Answer = () => new ClassifyResponse { StrongScore = 0.9, InputTokens = 10 };

        var response = await server.Client.CompleteAsync(Ask(), Bearer(AcmeKey));

        var ledger = server.Services.GetRequiredService<SpendLedger>();
        var (spent, reserved) = await ledger.GetMonthAsync(tenant);
        Assert.Equal(response.CostUsd, spent, 9);
        Assert.Equal(0, reserved, 9);
        await server.Services.GetRequiredService<SpendRecordWriter>().FlushAsync();
        var days = await ledger.ReadDaysAsync(tenant, 1);
        Assert.Equal(1, days["proprietary:requests"]);
        Assert.Equal(response.CostUsd, days["proprietary:cost_usd"], 9);
    }
}
