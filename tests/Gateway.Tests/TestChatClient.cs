using System.Runtime.CompilerServices;
using Microsoft.Extensions.AI;

namespace HybridLlm.Gateway.Tests;

/// <summary>A hand-written fake backend: callbacks decide the answer, every call is recorded.</summary>
internal sealed class TestChatClient : IChatClient
{
    private int _calls;

    public Func<IList<ChatMessage>, ChatOptions?, ChatResponse> Respond { get; set; } =
        (_, _) => new ChatResponse(new ChatMessage(ChatRole.Assistant, "answer"))
        {
            ModelId = "test-model",
            FinishReason = ChatFinishReason.Stop,
            Usage = new UsageDetails { InputTokenCount = 10, OutputTokenCount = 5 },
        };

    public int Calls => Volatile.Read(ref _calls);

    /// <summary>When set, a stream never produces anything until it is cancelled.</summary>
    public bool StallStream { get; set; }

    /// <summary>When set, a stream yields its first update and then fails with this exception.</summary>
    public Exception? FailStreamAfterFirstUpdate { get; set; }

    /// <summary>When set, a stream yields its first update and then produces nothing more until it is cancelled.</summary>
    public bool StallAfterFirstUpdate { get; set; }

    public List<ChatOptions?> ReceivedOptions { get; } = [];

    /// <summary>When set, every call waits for it before answering (to hold calls in flight).</summary>
    public Task? Gate { get; set; }

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _calls);
        lock (ReceivedOptions)
        {
            ReceivedOptions.Add(options);
        }

        if (Gate is { } gate)
        {
            await gate.WaitAsync(cancellationToken);
        }

        return Respond(messages.ToList(), options);
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (StallStream)
        {
            Interlocked.Increment(ref _calls);
            await Task.Delay(Timeout.Infinite, cancellationToken);
        }

        var response = await GetResponseAsync(messages, options, cancellationToken);
        foreach (var update in response.ToChatResponseUpdates())
        {
            yield return update;
            if (FailStreamAfterFirstUpdate is { } failure)
            {
                throw failure;
            }

            if (StallAfterFirstUpdate)
            {
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) => null;

    public void Dispose()
    {
    }
}
