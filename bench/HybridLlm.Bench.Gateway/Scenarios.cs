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

    public static IReadOnlyList<Scenario> Create(ChatService.ChatServiceClient direct, Classifier.ClassifierClient classifier, ChatService.ChatServiceClient gateway) =>
    [
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
        new(CacheHit, "through the gateway, same cacheable request (Redis hit)",
            async ct => (await gateway.CompleteAsync(BenchRequests.Cacheable, cancellationToken: ct)).CacheHit),
    ];
}
