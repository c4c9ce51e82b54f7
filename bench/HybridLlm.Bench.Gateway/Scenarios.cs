using HybridLlm.Grpc.V1;

namespace HybridLlm.Bench.Gateway;

/// <summary>A named kind of call, and how to recognise an answer of that kind.</summary>
internal sealed record Scenario(string Name, string Description, BenchCall Call);

/// <summary>The scenarios of the latency and cache-hit runs, over one client per server.</summary>
internal static class Scenarios
{
    public const string Direct = "direct";
    public const string Gateway = "gateway";
    public const string GatewayWithClassifier = "gateway+classifier";
    public const string ClassifierDirect = "classifier";
    public const string CacheHit = "cache-hit";
    public const string GatewayB = "gateway-b";
    public const string DirectInstant = "direct-instant";
    public const string GatewayInstant = "gateway-instant";

    public static IReadOnlyList<Scenario> Create(
        ChatService.ChatServiceClient direct, Classifier.ClassifierClient classifier, ChatService.ChatServiceClient gateway, ChatService.ChatServiceClient? gatewayB = null) =>
    [
        .. gatewayB is null ? [] : new[]
        {
            new Scenario(GatewayB, "as gateway, through the comparison gateway (--CompareEnvironment / --CompareOverrides)",
                async ct => (await gatewayB.CompleteAsync(BenchRequests.RoutedPinned, cancellationToken: ct))
                    is { CacheHit: false, Route: Route.Local, ModelId: "fake-local", Text: "ready" }),
        },
        new(Direct, "fake backend called directly (baseline)",
            async ct => (await direct.CompleteAsync(BenchRequests.RoutedPinned, cancellationToken: ct)).Text == "ready"),
        new(Gateway, "through the gateway, cache bypassed, pinned local (classifier skipped by policy)",
            async ct => (await gateway.CompleteAsync(BenchRequests.RoutedPinned, cancellationToken: ct))
                is { CacheHit: false, Route: Route.Local, ModelId: "fake-local", Text: "ready" }),
        new(GatewayWithClassifier, "through the gateway, cache bypassed, auto (fake classifier over gRPC, then local)",
            async ct => (await gateway.CompleteAsync(BenchRequests.RoutedAuto, cancellationToken: ct)) is { CacheHit: false, Route: Route.Local } r
                && r.DecisionReasons.Any(reason => reason.StartsWith("classified", StringComparison.Ordinal))),
        new(ClassifierDirect, "fake classifier called directly (the hop the auto route adds)",
            async ct => (await classifier.ClassifyAsync(BenchRequests.Classify, cancellationToken: ct)).Task == TaskType.Chat),
        new(DirectInstant, "fake backend called directly, answering at once (saturation baseline)",
            async ct => (await direct.CompleteAsync(BenchRequests.RoutedPinnedInstant, cancellationToken: ct)).Text == "ready"),
        new(GatewayInstant, "as gateway, the backend answering at once (saturation: CPU per request)",
            async ct => (await gateway.CompleteAsync(BenchRequests.RoutedPinnedInstant, cancellationToken: ct))
                is { CacheHit: false, Route: Route.Local, ModelId: "fake-local", Text: "ready" }),
        new(CacheHit, "through the gateway, same cacheable request (Redis hit)",
            async ct => (await gateway.CompleteAsync(BenchRequests.Cacheable, cancellationToken: ct)).CacheHit),
    ];
}
