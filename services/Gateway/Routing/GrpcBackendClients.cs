using HybridLlm.Contracts;
using HybridLlm.Contracts.Grpc;
using HybridLlm.Grpc.V1;
using Grpc.Net.ClientFactory;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace HybridLlm.Gateway.Routing;

/// <summary>Each route is a backend ChatService reached through the same gRPC <see cref="IChatClient"/>.</summary>
internal sealed class GrpcBackendClients(GrpcClientFactory factory, IOptions<BackendOptions> backends) : IBackendClients
{
    public IChatClient Get(string route) => route switch
    {
        RouteNames.Local => new GrpcChatClient(factory.CreateClient<ChatService.ChatServiceClient>(RouteNames.Local), "local-inference", backends.Value.Local),
        RouteNames.Proprietary => new GrpcChatClient(factory.CreateClient<ChatService.ChatServiceClient>(RouteNames.Proprietary), "proprietary-adapter", backends.Value.Proprietary),
        _ => throw new ArgumentOutOfRangeException(nameof(route), route, "Unknown route."),
    };
}
