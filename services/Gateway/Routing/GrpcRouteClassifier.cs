using HybridLlm.Contracts.Mapping;
using HybridLlm.Grpc.V1;
using Ai = Microsoft.Extensions.AI;

namespace HybridLlm.Gateway.Routing;

/// <summary>Calls the Classifier service over gRPC.</summary>
internal sealed class GrpcRouteClassifier(Classifier.ClassifierClient client) : IRouteClassifier
{
    public async Task<ClassifyResponse> ClassifyAsync(IEnumerable<Ai.ChatMessage> messages, CancellationToken cancellationToken)
    {
        var request = new ClassifyRequest();
        foreach (var message in messages)
        {
            request.Messages.Add(new ChatMessage { Role = ChatRequestMapper.ToProtoRole(message.Role), Text = message.Text });
        }

        return await client.ClassifyAsync(request, cancellationToken: cancellationToken);
    }
}
