using HybridLlm.Grpc.V1;

namespace HybridLlm.Gateway.Routing;

/// <summary>Scores a conversation for routing (the Classifier service, or a fake in tests).</summary>
public interface IRouteClassifier
{
    Task<ClassifyResponse> ClassifyAsync(IEnumerable<Microsoft.Extensions.AI.ChatMessage> messages, CancellationToken cancellationToken);
}
