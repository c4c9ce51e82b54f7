using System.Runtime.CompilerServices;
using Grpc.Core;
using HybridLlm.Contracts.Errors;
using HybridLlm.Contracts.Mapping;
using HybridLlm.Grpc.V1;
using Ai = Microsoft.Extensions.AI;

namespace HybridLlm.Contracts.Grpc;

/// <summary>
/// An <see cref="Ai.IChatClient"/> over a remote <see cref="ChatService"/>: how the gateway reaches each backend,
/// and how any .NET caller can use the gateway as an ordinary Microsoft.Extensions.AI chat client.
/// </summary>
public sealed class GrpcChatClient(ChatService.ChatServiceClient client, string providerName, Uri? address = null) : Ai.IChatClient
{
    private readonly Ai.ChatClientMetadata _metadata = new(providerName, address);

    public async Task<Ai.ChatResponse> GetResponseAsync(
        IEnumerable<Ai.ChatMessage> messages, Ai.ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        var request = ChatRequestMapper.ToProto(messages, options);
        var response = await client.CompleteAsync(request, cancellationToken: cancellationToken);
        return ChatResponseMapper.ToAi(response);
    }

    public async IAsyncEnumerable<Ai.ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<Ai.ChatMessage> messages, Ai.ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var request = ChatRequestMapper.ToProto(messages, options);
        using var call = client.CompleteStream(request, cancellationToken: cancellationToken);
        var sawFinal = false;
        await foreach (var chunk in call.ResponseStream.ReadAllAsync(cancellationToken))
        {
            switch (chunk.KindCase)
            {
                case ChatStreamChunk.KindOneofCase.TextDelta:
                    yield return new Ai.ChatResponseUpdate(Ai.ChatRole.Assistant, chunk.TextDelta);
                    break;
                case ChatStreamChunk.KindOneofCase.Final:
                    sawFinal = true;
                    yield return ChatResponseMapper.ToAiFinalUpdate(chunk.Final);
                    break;
            }
        }

        if (!sawFinal)
        {
            throw new ChatServiceException(StatusCode.Unavailable, $"The {providerName} stream ended without its final message; the answer is incomplete.");
        }
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(Ai.ChatClientMetadata) ? _metadata
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
        // The gRPC client is owned by the client factory.
    }
}
