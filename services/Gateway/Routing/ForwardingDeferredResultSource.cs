using HybridLlm.Contracts;
using HybridLlm.Contracts.Deferred;
using HybridLlm.Grpc.V1;
using Grpc.Net.ClientFactory;

namespace HybridLlm.Gateway.Routing;

/// <summary>Deferred jobs are queued by the proprietary adapter; the gateway answers GetDeferredResult by asking it.</summary>
internal sealed class ForwardingDeferredResultSource(GrpcClientFactory factory) : IDeferredResultSource
{
    public async Task<GetDeferredResultResponse?> GetAsync(string jobId, CancellationToken cancellationToken) =>
        await factory.CreateClient<ChatService.ChatServiceClient>(RouteNames.Proprietary)
            .GetDeferredResultAsync(new GetDeferredResultRequest { JobId = jobId }, cancellationToken: cancellationToken);
}
