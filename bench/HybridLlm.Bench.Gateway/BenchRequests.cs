using HybridLlm.Grpc.V1;

namespace HybridLlm.Bench.Gateway;

/// <summary>The requests every scenario sends; one instance each, shared by all workers (serializing only reads them).</summary>
internal static class BenchRequests
{
    private const string Prompt = "Reply with one word: are you ready?";

    /// <summary>Through routing, never the cache; pinned local, so the policy skips the classifier (no classifier time).</summary>
    public static readonly ChatRequest RoutedPinned = Create(new RoutingHints { BypassCache = true, PinnedRoute = Route.Local });

    /// <summary>As <see cref="RoutedPinned"/>, but the fake backend answers at once (<see cref="FakeBackends.InstantMarker"/>):
    /// the saturation run, where a closed loop measures CPU per request rather than path latency.</summary>
    public static readonly ChatRequest RoutedPinnedInstant = Create(
        new RoutingHints { BypassCache = true, PinnedRoute = Route.Local }, $"{Prompt} {FakeBackends.InstantMarker}");

    /// <summary>Through routing, never the cache; auto, so the gateway calls the (fake) classifier first.</summary>
    public static readonly ChatRequest RoutedAuto = Create(new RoutingHints { BypassCache = true });

    /// <summary>Cacheable: after the first call every repetition is a hit.</summary>
    public static readonly ChatRequest Cacheable = Create(new RoutingHints());

    public static readonly ClassifyRequest Classify = new() { Messages = { RoutedAuto.Messages } };

    /// <summary>A cacheable request with its own prompt: a miss that the gateway stores (soak only).</summary>
    public static ChatRequest Unique(long sequence) => new()
    {
        Messages = { new ChatMessage { Role = ChatRole.User, Text = $"{Prompt} (#{sequence})" } },
        Options = new ChatOptions { MaxOutputTokens = 16 },
        Hints = new RoutingHints(),
    };

    private static ChatRequest Create(RoutingHints hints, string prompt = Prompt) => new()
    {
        Messages = { new ChatMessage { Role = ChatRole.User, Text = prompt } },
        Options = new ChatOptions { MaxOutputTokens = 16 },
        Hints = hints,
    };
}
