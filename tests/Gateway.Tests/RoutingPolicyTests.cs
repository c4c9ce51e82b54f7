using Grpc.Core;
using HybridLlm.Contracts;
using HybridLlm.Contracts.Errors;
using HybridLlm.Gateway.Routing;
using HybridLlm.Grpc.V1;
using Microsoft.Extensions.Options;

namespace HybridLlm.Gateway.Tests;

public sealed class RoutingPolicyTests
{
    private static RoutingPolicy Policy(Action<RoutingOptions>? configure = null)
    {
        var options = new RoutingOptions { Aliases = new(StringComparer.OrdinalIgnoreCase) { ["fast"] = "proprietary", ["local"] = "local" } };
        configure?.Invoke(options);
        return new RoutingPolicy(new StaticOptionsMonitor<RoutingOptions>(options));
    }

    private static RoutingRequest Request(bool isPrivate = false, string? pinned = null, string? alias = null, TimeSpan? budget = null) =>
        new("tenant-a", isPrivate, pinned, alias, budget);

    private static ClassifyResponse Classified(double score = 0.1, int tokens = 50, params PiiKind[] pii)
    {
        var response = new ClassifyResponse { StrongScore = score, InputTokens = tokens, Task = TaskType.Chat };
        response.Pii.AddRange(pii.Select(kind => new PiiFinding { Kind = kind, Start = 0, Length = 5 }));
        return response;
    }

    [Fact]
    public void Decide_PrivateRequestPinnedToProprietary_FailsWithFailedPrecondition()
    {
        var ex = Assert.Throws<ChatServiceException>(() => Policy().Decide(Request(isPrivate: true, pinned: RouteNames.Proprietary), null));
        Assert.Equal(StatusCode.FailedPrecondition, ex.Status);
        Assert.Contains("private", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_PersonalDataFound_StaysLocalEvenWhenScoreIsHigh()
    {
        var decision = Policy().Decide(Request(), Classified(score: 0.99, pii: PiiKind.Email));
        Assert.Equal(RouteNames.Local, decision.Route);
        Assert.Contains(decision.Reasons, r => r.Contains("Email", StringComparison.Ordinal));
    }

    [Fact]
    public void Decide_PersonalDataWithProprietaryAlias_FailsClosed()
    {
        var ex = Assert.Throws<ChatServiceException>(() => Policy().Decide(Request(alias: "fast"), Classified(pii: PiiKind.PaymentCard)));
        Assert.Equal(StatusCode.FailedPrecondition, ex.Status);
    }

    [Fact]
    public void Decide_LongContext_GoesProprietaryWithReason()
    {
        var decision = Policy().Decide(Request(), Classified(score: 0.0, tokens: 20_000));
        Assert.Equal(RouteNames.Proprietary, decision.Route);
        Assert.Contains(decision.Reasons, r => r.StartsWith("context: 20000", StringComparison.Ordinal));
    }

    [Fact]
    public void Decide_TightLatencyBudget_StaysLocal()
    {
        var decision = Policy().Decide(Request(budget: TimeSpan.FromMilliseconds(200)), Classified(score: 0.9));
        Assert.Equal(RouteNames.Local, decision.Route);
        Assert.StartsWith("latency:", decision.Reasons[^1], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0.49, RouteNames.Local)]
    [InlineData(0.50, RouteNames.Proprietary)]
    [InlineData(0.80, RouteNames.Proprietary)]
    public void Decide_StrongScore_ComparesAgainstThreshold(double score, string expected)
    {
        Assert.Equal(expected, Policy().Decide(Request(), Classified(score: score)).Route);
    }

    [Fact]
    public void Decide_UnknownModelAlias_IsInvalidArgumentListingKnownModels()
    {
        var ex = Assert.Throws<ChatServiceException>(() => Policy().Decide(Request(alias: "gpt-99"), Classified()));
        Assert.Equal(StatusCode.InvalidArgument, ex.Status);
        Assert.Contains("auto, fast, local", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Decide_ClassifierUnavailable_FailsClosedToLocal()
    {
        var decision = Policy().Decide(Request(), null, "Unavailable");
        Assert.Equal(RouteNames.Local, decision.Route);
        Assert.Contains(decision.Reasons, r => r.Contains("fail closed", StringComparison.Ordinal));
    }

    [Fact]
    public void Decide_ClassifierUnavailableAndPinnedProprietary_RefusesRatherThanSendUnchecked()
    {
        var ex = Assert.Throws<ChatServiceException>(() => Policy().Decide(Request(pinned: RouteNames.Proprietary), null, "Unavailable"));
        Assert.Equal(StatusCode.Unavailable, ex.Status);
    }

    [Fact]
    public void Decide_ProprietaryNotConfigured_KeepsAutoTrafficLocal()
    {
        var decision = Policy(o => o.ProprietaryEnabled = false).Decide(Request(), Classified(score: 0.95, tokens: 50_000));
        Assert.Equal(RouteNames.Local, decision.Route);
    }

    [Fact]
    public void Decide_AnyCombinationMarkedPrivateOrWithPii_NeverReturnsProprietary()
    {
        string?[] pins = [null, RouteNames.Local, RouteNames.Proprietary];
        string?[] aliases = [null, "fast", "local"];
        double[] scores = [0, 0.5, 1];
        int[] tokens = [1, 16_001, 1_000_000];
        TimeSpan?[] budgets = [null, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(30)];
        bool[] enabled = [true, false];
        var checkedCases = 0;
        foreach (var pin in pins)
        foreach (var alias in aliases)
        foreach (var score in scores)
        foreach (var tokenCount in tokens)
        foreach (var budget in budgets)
        foreach (var proprietaryEnabled in enabled)
        foreach (var (isPrivate, pii) in new[] { (true, Array.Empty<PiiKind>()), (false, [PiiKind.UsSsn]), (true, [PiiKind.Secret]) })
        {
            var policy = Policy(o => o.ProprietaryEnabled = proprietaryEnabled);
            var request = Request(isPrivate, pin, alias, budget);
            try
            {
                var decision = policy.Decide(request, Classified(score, tokenCount, pii));
                Assert.Equal(RouteNames.Local, decision.Route);
            }
            catch (ChatServiceException ex)
            {
                Assert.Equal(StatusCode.FailedPrecondition, ex.Status);
            }

            checkedCases++;
        }

        Assert.Equal(3 * 3 * 3 * 3 * 3 * 2 * 3, checkedCases);
    }
}

internal sealed class StaticOptionsMonitor<T>(T value) : IOptionsMonitor<T>
{
    public T CurrentValue => value;

    public T Get(string? name) => value;

    public IDisposable? OnChange(Action<T, string?> listener) => null;
}
