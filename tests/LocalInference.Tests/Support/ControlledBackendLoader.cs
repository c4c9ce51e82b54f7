using System.Runtime.CompilerServices;
using HybridLlm.LocalInference.Serving;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace HybridLlm.LocalInference.Tests.Support;

/// <summary>
/// Wraps the service's real backend loader so a test decides when loading finishes and can hold generations:
/// a fake slow load and a fake slow warm-up over the real model, without sleeping.
/// </summary>
internal sealed class ControlledBackendLoader(IModelBackendLoader real) : IModelBackendLoader
{
    /// <summary>Completes when the service starts loading.</summary>
    public TaskCompletionSource LoadStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Loading waits for this; completed unless the test replaces it.</summary>
    public Task LoadGate { get; set; } = Task.CompletedTask;

    /// <summary>Every generation waits for this before its first update (the first one is the warm-up).</summary>
    public Task GenerationGate { get; set; } = Task.CompletedTask;

    /// <summary>The gated client over the real backend's, once loaded.</summary>
    public GatedChatClient? Client => Loaded.Task.IsCompletedSuccessfully ? Loaded.Task.Result : null;

    /// <summary>Completes with the gated client when loading has finished.</summary>
    public TaskCompletionSource<GatedChatClient> Loaded { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Replaces the service's loader with one wrapping its real (LlamaSharp) loader.</summary>
    public static Action<IServiceCollection> Install<TRealLoader>(Action<ControlledBackendLoader>? configure = null)
        where TRealLoader : class, IModelBackendLoader => services =>
    {
        services.AddSingleton(sp =>
        {
            var loader = new ControlledBackendLoader(sp.GetRequiredService<TRealLoader>());
            configure?.Invoke(loader);
            return loader;
        });
        services.AddSingleton<IModelBackendLoader>(sp => sp.GetRequiredService<ControlledBackendLoader>());
    };

    public async Task<ModelBackend> LoadAsync(CancellationToken cancellationToken)
    {
        LoadStarted.TrySetResult();
        await LoadGate.WaitAsync(cancellationToken);
        var backend = await real.LoadAsync(cancellationToken);
        var client = new GatedChatClient(backend.Client, this);
        Loaded.TrySetResult(client);
        return new ModelBackend(client, backend.ModelName, backend.Digest, resources: backend);
    }
}

/// <summary>Passes generations through, holding them where the test says.</summary>
internal sealed class GatedChatClient(IChatClient innerClient, ControlledBackendLoader loader) : DelegatingChatClient(innerClient)
{
    private int _calls;

    /// <summary>Completes when the first generation (the warm-up) reaches the backend.</summary>
    public TaskCompletionSource FirstCallStarted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes when a stream holding after its first text (<see cref="HoldAfterFirstUpdate"/>) starts to hold.</summary>
    public TaskCompletionSource Holding { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>When set, a stream waits for it after its first update, holding its slot.</summary>
    public Task? HoldAfterFirstUpdate { get; set; }

    public int Calls => Volatile.Read(ref _calls);

    public override Task<ChatResponse> GetResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken);

    public override async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        FirstCallStarted.TrySetResult();
        await loader.GenerationGate.WaitAsync(cancellationToken);
        var first = true;
        await foreach (var update in base.GetStreamingResponseAsync(messages, options, cancellationToken))
        {
            yield return update;
            if (first && update.Text.Length > 0 && HoldAfterFirstUpdate is { } hold)
            {
                first = false;
                Holding.TrySetResult();
                await hold.WaitAsync(cancellationToken);
            }
        }
    }
}
