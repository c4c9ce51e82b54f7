using HybridLlm.ProprietaryAdapter.Providers;
using HybridLlm.Testing.Fakes;

namespace HybridLlm.ProprietaryAdapter.Tests.Support;

/// <summary>Either fake vendor behind one face, for tests that must hold for both SDKs.</summary>
internal sealed class Vendor : IAsyncDisposable
{
    private readonly FakeOpenAiServer? _openAi;
    private readonly FakeAnthropicServer? _anthropic;

    private Vendor(FakeOpenAiServer? openAi, FakeAnthropicServer? anthropic)
    {
        _openAi = openAi;
        _anthropic = anthropic;
    }

    public ProviderKind Kind => _anthropic is null ? ProviderKind.OpenAI : ProviderKind.Anthropic;

    public Uri BaseAddress => _openAi?.BaseAddress ?? _anthropic!.BaseAddress;

    public int Calls => _openAi?.Calls ?? _anthropic!.Calls;

    public string ReplyText => _openAi?.ReplyText ?? _anthropic!.ReplyText;

    public IReadOnlyList<RecordedRequest> Requests => _openAi?.Requests ?? _anthropic!.Requests;

    /// <param name="provider">"OpenAI" or "Anthropic" (a string so public test methods can take it).</param>
    public static async Task<Vendor> StartAsync(string provider) => Enum.Parse<ProviderKind>(provider) switch
    {
        ProviderKind.OpenAI => new Vendor(await FakeOpenAiServer.StartAsync(), null),
        ProviderKind.Anthropic => new Vendor(null, await FakeAnthropicServer.StartAsync()),
        var other => throw new ArgumentOutOfRangeException(nameof(provider), other, "No fake for this provider."),
    };

    public void EnqueueFault(FakeFault fault)
    {
        _openAi?.EnqueueFault(fault);
        _anthropic?.EnqueueFault(fault);
    }

    public Dictionary<string, string?> Settings() => TestSettings.For(Kind, BaseAddress);

    public ValueTask DisposeAsync() => _openAi?.DisposeAsync() ?? _anthropic!.DisposeAsync();
}
