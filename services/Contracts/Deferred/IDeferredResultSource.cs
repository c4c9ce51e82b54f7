using HybridLlm.Grpc.V1;

namespace HybridLlm.Contracts.Deferred;

/// <summary>
/// Where <see cref="Grpc.ChatGrpcService"/> looks up deferred requests (<c>ChatService.GetDeferredResult</c>). Optional:
/// a host that registers none answers that rpc with UNIMPLEMENTED. The proprietary adapter registers its Redis-backed
/// queue; a gateway can register one that forwards to the backend that issued the job id.
/// </summary>
public interface IDeferredResultSource
{
    /// <summary>The job's state (and answer or error), or null when the id is unknown or its result expired.</summary>
    Task<GetDeferredResultResponse?> GetAsync(string jobId, CancellationToken cancellationToken);
}
